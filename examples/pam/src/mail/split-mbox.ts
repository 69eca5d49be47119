import { MailFormatError } from "../errors/mail-format-error";

/** One message cut out of an mbox, with its 1-based position and the line it started on. */
export interface MboxPart {
  readonly index: number;
  readonly line: number;
  readonly raw: string;
}

/** What {@link splitMbox} found: the messages, and text before the first separator (a damaged file) if any. */
export interface MboxSplit {
  readonly parts: MboxPart[];
  readonly leading?: { readonly lines: number };
}

// "From sender date": the mbox separator. Only at the start of the file or after an empty line, as every writer
// (mboxo, mboxrd, mboxcl) puts it; a body line starting "From " is escaped as ">From " by them.
const SEPARATOR = /^From \S/;

/**
 * Splits an mbox file (mboxo or mboxrd) into messages. No library in the npm registry keeps up a small, browser-safe
 * splitter, and the rule is short: a message starts at a `From ` line that begins the file or follows an empty
 * line; `>From ` lines are unescaped by one `>`. Throws {@link MailFormatError} only when no separator is found at
 * all; text before the first one is reported as `leading`, never silently dropped.
 */
export function splitMbox(text: string): MboxSplit {
  const lines = text.replace(/\r\n/g, "\n").split("\n");
  const parts: MboxPart[] = [];
  let current: string[] | undefined;
  let start = 0;
  let leading = 0;
  const finish = () => {
    if (!current) return;
    while (current.length > 0 && current.at(-1) === "") current.pop();
    parts.push({ index: parts.length + 1, line: start + 1, raw: current.join("\n") });
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (SEPARATOR.test(line) && (i === 0 || lines[i - 1] === "")) {
      finish();
      current = [];
      start = i;
      continue;
    }
    if (!current) {
      if (line.trim() !== "") leading++;
      continue;
    }
    current.push(/^>+From /.test(line) ? line.slice(1) : line);
  }
  finish();
  if (parts.length === 0) {
    throw new MailFormatError(
      'This is not an mbox file: no message starts with a "From " line. For single messages use .eml files; for a folder of messages, Maildir.',
    );
  }
  return leading > 0 ? { parts, leading: { lines: leading } } : { parts };
}
