/** Every stable error code this package throws. */
export type ZooErrorCode = "E_ARGUMENT" | "E_ABORTED" | "E_DATASET" | "E_FORMAT";

/**
 * Base class of every error @hearth/zoo throws. Branch on `code`, never on the message. Messages say what happened
 * and what to do; they never contain user text.
 */
export class ZooError extends Error {
  readonly code: ZooErrorCode;

  constructor(code: ZooErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}
