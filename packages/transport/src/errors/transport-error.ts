/** Every stable error code this package throws. */
export type TransportErrorCode =
  | "E_FORMAT"
  | "E_DECRYPT"
  | "E_SIGNATURE"
  | "E_PASSPHRASE"
  | "E_INTEGRITY"
  | "E_PHRASE"
  | "E_REPLAY"
  | "E_KEY"
  | "E_EPOCH"
  | "E_HANDSHAKE"
  | "E_CHANNEL";

/**
 * Base class of every error @hearth/transport throws. Branch on `code`, never on the message.
 * Messages say what happened and what to do; they never contain key material or plaintext.
 */
export class TransportError extends Error {
  readonly code: TransportErrorCode;

  constructor(code: TransportErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}
