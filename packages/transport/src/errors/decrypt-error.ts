import { TransportError } from "./transport-error";

/** An authenticated ciphertext did not open: the key is wrong, or the bytes or their context were changed. */
export class DecryptError extends TransportError {
  constructor(message: string, options?: { cause?: unknown }) {
    super("E_DECRYPT", message, options);
  }
}
