import { PamError } from "./pam-error";

/** A saved correction head is damaged or of a version this PAM does not know. */
export class HeadFormatError extends PamError {
  constructor(message: string, options?: { cause?: unknown }) {
    super("E_HEAD_FORMAT", message, options);
  }
}
