import { PamError } from "./pam-error";

/** An action needs a space, and this device has not joined or started one yet. */
export class NoSpaceError extends PamError {
  constructor(message: string, options?: { cause?: unknown }) {
    super("E_NO_SPACE", message, options);
  }
}
