import { RedactError } from "./redact-error";

/** The caller's AbortSignal fired before the work finished. */
export class AbortedError extends RedactError {
  constructor(message: string, options?: { cause?: unknown }) {
    super("E_ABORTED", message, options);
  }
}
