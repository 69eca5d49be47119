import { PamError } from "./pam-error";

/** `pam web` found no built web app to serve. */
export class WebAppMissingError extends PamError {
  constructor(message: string, options?: { cause?: unknown }) {
    super("E_WEB_APP_MISSING", message, options);
  }
}
