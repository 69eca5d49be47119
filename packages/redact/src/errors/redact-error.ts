/** Every stable error code this package throws. */
export type RedactErrorCode = "E_ARGUMENT" | "E_VAULT" | "E_ABORTED" | "E_DECRYPT" | "E_CORPUS";

/**
 * Base class of every error @hearth/redact throws. Branch on `code`, never on the message.
 * Messages never contain the text being redacted or a vault's values.
 */
export class RedactError extends Error {
  readonly code: RedactErrorCode;

  constructor(code: RedactErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}
