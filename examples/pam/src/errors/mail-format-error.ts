import { PamError } from "./pam-error";

/** A mailbox or message could not be read (not an mbox, no headers, broken MIME). */
export class MailFormatError extends PamError {
  constructor(message: string, options?: { cause?: unknown }) {
    super("E_MAIL_FORMAT", message, options);
  }
}
