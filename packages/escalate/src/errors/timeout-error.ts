import { EscalateError } from "./escalate-error";

/** A provider did not answer (or stalled mid-stream) within the configured timeout, after every retry. */
export class TimeoutError extends EscalateError {
  constructor(message: string, options?: { cause?: unknown }) {
    super("E_TIMEOUT", message, options);
  }
}
