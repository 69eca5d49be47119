/** Stable codes of every PAM error. */
export type PamErrorCode =
  | "E_MAIL_FORMAT"
  | "E_CALENDAR_FORMAT"
  | "E_PROFILE"
  | "E_MODEL_UNAVAILABLE"
  | "E_ARGUMENT"
  | "E_HEAD_FORMAT"
  | "E_QUEUE_FORMAT"
  | "E_WEB_APP_MISSING"
  | "E_NO_SPACE";

/** The base of every PAM error: a stable `code` and a message that says what to do. */
export class PamError extends Error {
  readonly code: PamErrorCode;

  constructor(code: PamErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}
