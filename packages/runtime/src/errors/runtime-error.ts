/** Every stable error code this package throws. */
export type RuntimeErrorCode =
  | "E_MODEL_INVALID"
  | "E_MODEL_MISSING"
  | "E_NO_PROVIDER"
  | "E_ABORTED"
  | "E_WORKER_MEMORY"
  | "E_WORKER_CRASHED"
  | "E_ARGUMENT"
  | "E_SCHEMA"
  | "E_INFERENCE"
  | "E_DISPOSED";

/**
 * Base class of every error @hearth/runtime throws. Branch on `code`, never on the message.
 * Messages say what happened and what to do; they never contain user text or model outputs.
 */
export class RuntimeError extends Error {
  readonly code: RuntimeErrorCode;

  constructor(code: RuntimeErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}
