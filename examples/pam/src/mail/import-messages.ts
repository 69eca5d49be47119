import { PamError } from "../errors/pam-error";
import type { ImportResult } from "../import-problem";
import type { ImportMailOptions } from "./import-mbox";
import type { MailMessage } from "./mail-message";
import { parseEmail } from "./parse-email";

/** A named raw message: an .eml file or a Maildir entry. */
export interface NamedMessage {
  readonly name: string;
  readonly raw: string | Uint8Array;
}

/** Parses many single messages (.eml files, Maildir entries); a bad one is a problem, the rest are kept. */
export async function importMessages(
  messages: readonly NamedMessage[],
  options: Omit<ImportMailOptions, "name"> = {},
): Promise<ImportResult<MailMessage>> {
  const result: ImportResult<MailMessage> = { records: [], problems: [] };
  for (const [i, message] of messages.entries()) {
    if (options.signal?.aborted) throw options.signal.reason;
    try {
      result.records.push(await parseEmail(message.raw, options.now ? { now: options.now } : {}));
    } catch (error) {
      if (!(error instanceof PamError)) throw error;
      result.problems.push({ source: message.name, code: error.code, message: error.message });
    }
    options.onProgress?.({ phase: "import", loaded: i + 1, total: messages.length });
  }
  return result;
}
