import { TransportError } from "./transport-error";

/** Stored bytes were damaged: the passphrase was right but the wrapped key did not authenticate. */
export class IntegrityError extends TransportError {
  constructor(message: string, options?: { cause?: unknown }) {
    super("E_INTEGRITY", message, options);
  }
}
