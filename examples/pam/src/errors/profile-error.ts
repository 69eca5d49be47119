import { PamError } from "./pam-error";

/** This device has no PAM profile yet, or it is damaged. */
export class ProfileError extends PamError {
  constructor(message: string, options?: { cause?: unknown }) {
    super("E_PROFILE", message, options);
  }
}
