import { RedactError } from "./redact-error";

/** An option or argument is out of range or of the wrong shape. */
export class InvalidArgumentError extends RedactError {
  constructor(message: string, options?: { cause?: unknown }) {
    super("E_ARGUMENT", message, options);
  }
}
