/** Every stable error code this package throws. */
export type EscalateErrorCode =
  | "E_ARGUMENT"
  | "E_INPUT"
  | "E_TOO_LARGE"
  | "E_ABORTED"
  | "E_TIMEOUT"
  | "E_RATE_LIMITED"
  | "E_OVERLOADED"
  | "E_PROVIDER"
  | "E_RESPONSE"
  | "E_OFFLINE"
  | "E_POLICY"
  | "E_CONFIG"
  | "E_AUDIT_FORMAT";

/**
 * Base class of every error @hearth/escalate throws. Branch on `code`, never on the message.
 * Messages say what happened and what to do; they never contain prompt text, answers or keys.
 */
export class EscalateError extends Error {
  readonly code: EscalateErrorCode;

  constructor(code: EscalateErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}
