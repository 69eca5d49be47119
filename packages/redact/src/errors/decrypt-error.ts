import { RedactError } from "./redact-error";

/** An encrypted token did not open: wrong key, or the token was changed. */
export class DecryptError extends RedactError {
  constructor(message: string, options?: { cause?: unknown }) {
    super("E_DECRYPT", message, options);
  }
}
