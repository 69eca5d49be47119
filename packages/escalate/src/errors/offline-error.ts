import { EscalateError } from "./escalate-error";

/** The provider could not be reached at all (connection refused, DNS, reset) after every retry. */
export class OfflineError extends EscalateError {
  constructor(message: string, options?: { cause?: unknown }) {
    super("E_OFFLINE", message, options);
  }
}
