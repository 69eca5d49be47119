import { TransportError } from "./transport-error";

/** A recovery phrase that is malformed (word count, unknown word, checksum) or belongs to another account. */
export class InvalidRecoveryPhraseError extends TransportError {
  constructor(message: string, options?: { cause?: unknown }) {
    super("E_PHRASE", message, options);
  }
}
