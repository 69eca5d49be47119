/** Every stable error code this package throws. */
export type ModelsErrorCode =
  | "E_HTTP"
  | "E_INTEGRITY"
  | "E_OFFLINE"
  | "E_NETWORK"
  | "E_ABORTED"
  | "E_MANIFEST"
  | "E_NOT_FOUND"
  | "E_NO_VARIANT"
  | "E_QUOTA"
  | "E_LOCK"
  | "E_CACHE"
  | "E_QUANTIZE"
  | "E_ARGUMENT";

/**
 * Base class of every error @hearth/models throws. Branch on `code`, never on the message.
 * Messages say what happened (naming the model and file) and what to do.
 */
export class ModelsError extends Error {
  readonly code: ModelsErrorCode;

  constructor(code: ModelsErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}
