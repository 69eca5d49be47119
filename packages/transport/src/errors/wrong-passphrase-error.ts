import { TransportError } from "./transport-error";

/** A key file was opened with a passphrase other than the one that wrapped it. */
export class WrongPassphraseError extends TransportError {
  constructor(message: string, options?: { cause?: unknown }) {
    super("E_PASSPHRASE", message, options);
  }
}
