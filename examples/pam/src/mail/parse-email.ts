import PostalMime from "postal-mime";
import { MailFormatError } from "../errors/mail-format-error";
import { stableId } from "../stable-id";
import { MAX_BODY_CHARS, type MailMessage } from "./mail-message";

// A header name is printable ASCII without a colon or space (RFC 5322 section 2.2).
const HEADER_NAME = /^[\x21-\x39\x3b-\x7e]+$/;
const KNOWN_HEADERS = ["from", "to", "subject", "date", "message-id", "received", "return-path", "content-type"];

function htmlToText(html: string): string {
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, " ")
    .replace(/<br\s*\/?>|<\/p>|<\/div>/gi, "\n")
    .replace(/<[^>]+>/g, " ")
    .replace(/&nbsp;/g, " ")
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/[ \t]+/g, " ");
}

function isoDate(value: string | undefined, fallback: string): string {
  if (!value) return fallback;
  const time = Date.parse(value);
  return Number.isNaN(time) ? fallback : new Date(time).toISOString();
}

/**
 * Parses one RFC 822 message with postal-mime. A message whose header block is not headers (binary junk, a cut-off
 * file) throws {@link MailFormatError}; anything postal-mime can make sense of is kept, broken MIME parts included.
 */
export async function parseEmail(raw: string | Uint8Array, options: { now?: Date } = {}): Promise<MailMessage> {
  const text = typeof raw === "string" ? raw : new TextDecoder().decode(raw);
  if (text.trim().length === 0) throw new MailFormatError("The message is empty.");
  let parsed: Awaited<ReturnType<typeof PostalMime.parse>>;
  try {
    parsed = await PostalMime.parse(text);
  } catch (cause) {
    throw new MailFormatError("The message could not be parsed as MIME; check that it is a whole .eml file.", {
      cause,
    });
  }
  const names = parsed.headers.map((h) => h.key);
  if (names.length === 0 || names.some((n) => !HEADER_NAME.test(n)) || !names.some((n) => KNOWN_HEADERS.includes(n))) {
    throw new MailFormatError(
      "The message does not start with mail headers (From:, Subject:, Date: ...); it is not an e-mail or it is damaged.",
    );
  }
  const header = (name: string) => parsed.headers.find((h) => h.key === name)?.value;
  const body = (parsed.text ?? (parsed.html ? htmlToText(parsed.html) : "")).replace(/\r\n/g, "\n").trim();
  const now = (options.now ?? new Date()).toISOString();
  const subject = (parsed.subject ?? "").trim();
  const from = parsed.from?.address ?? "";
  const messageId = parsed.messageId?.trim() || undefined;
  const bulk =
    header("list-id") !== undefined ||
    header("list-unsubscribe") !== undefined ||
    /bulk|list|junk/i.test(header("precedence") ?? "");
  return {
    id: stableId("m", messageId ?? `${from}\n${subject}\n${body.slice(0, 2000)}`),
    ...(messageId ? { messageId } : {}),
    from,
    fromName: parsed.from?.name?.trim() ?? "",
    to: (parsed.to ?? []).flatMap((a) => (a.address ? [a.address] : [])),
    subject,
    date: isoDate(parsed.date ?? header("date"), now),
    text: body.slice(0, MAX_BODY_CHARS),
    bulk,
  };
}
