import { EscalateError } from "./escalate-error";

/** An argument or option is out of range or malformed; the message names it. */
export class InvalidArgumentError extends EscalateError {
  constructor(message: string, options?: { cause?: unknown }) {
    super("E_ARGUMENT", message, options);
  }
}
