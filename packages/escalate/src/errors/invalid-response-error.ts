import { EscalateError } from "./escalate-error";

/** A provider answered with something that does not follow its wire format. */
export class InvalidResponseError extends EscalateError {
  constructor(message: string, options?: { cause?: unknown }) {
    super("E_RESPONSE", message, options);
  }
}
