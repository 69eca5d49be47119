import { TransportError } from "./transport-error";

/** A signature did not verify against the given public key and message. */
export class SignatureError extends TransportError {
  constructor(message: string, options?: { cause?: unknown }) {
    super("E_SIGNATURE", message, options);
  }
}
