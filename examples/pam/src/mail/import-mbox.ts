import { PamError } from "../errors/pam-error";
import type { ImportResult } from "../import-problem";
import type { Progress } from "../progress";
import type { MailMessage } from "./mail-message";
import { parseEmail } from "./parse-email";
import { splitMbox } from "./split-mbox";

/** Options of {@link importMbox}. */
export interface ImportMailOptions {
  /** Names the file in problems (default `mailbox`). */
  readonly name?: string;
  readonly now?: Date;
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: Progress) => void;
}

/**
 * Reads every message of an mbox. A damaged message becomes a problem naming its position and line; every good
 * message is kept. A file that is not an mbox at all is one problem and no records.
 */
export async function importMbox(text: string, options: ImportMailOptions = {}): Promise<ImportResult<MailMessage>> {
  const name = options.name ?? "mailbox";
  const result: ImportResult<MailMessage> = { records: [], problems: [] };
  let split: ReturnType<typeof splitMbox>;
  try {
    split = splitMbox(text);
  } catch (error) {
    if (!(error instanceof PamError)) throw error;
    result.problems.push({ source: name, code: error.code, message: error.message });
    return result;
  }
  if (split.leading) {
    result.problems.push({
      source: `${name}:1`,
      code: "E_MAIL_FORMAT",
      message: `${split.leading.lines} line(s) before the first "From " separator are not part of any message; the file may be cut or damaged at its start.`,
    });
  }
  for (const part of split.parts) {
    if (options.signal?.aborted) throw options.signal.reason;
    try {
      result.records.push(await parseEmail(part.raw, options.now ? { now: options.now } : {}));
    } catch (error) {
      if (!(error instanceof PamError)) throw error;
      result.problems.push({
        source: `${name}#${part.index} (line ${part.line})`,
        code: error.code,
        message: error.message,
      });
    }
    options.onProgress?.({ phase: "import", loaded: part.index, total: split.parts.length });
  }
  return result;
}
