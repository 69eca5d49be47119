import { EscalateError } from "./escalate-error";

/** The caller's AbortSignal fired; nothing further was sent. */
export class AbortedError extends EscalateError {
  constructor(message: string, options?: { cause?: unknown }) {
    super("E_ABORTED", message, options);
  }
}
