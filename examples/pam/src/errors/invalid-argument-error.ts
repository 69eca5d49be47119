import { PamError } from "./pam-error";

/** A caller passed something PAM cannot use. */
export class InvalidArgumentError extends PamError {
  constructor(message: string, options?: { cause?: unknown }) {
    super("E_ARGUMENT", message, options);
  }
}
