import { TransportError } from "./transport-error";

/** A key of the wrong length or form, or a public key that yields no shared secret (low-order point). */
export class InvalidKeyError extends TransportError {
  constructor(message: string, options?: { cause?: unknown }) {
    super("E_KEY", message, options);
  }
}
