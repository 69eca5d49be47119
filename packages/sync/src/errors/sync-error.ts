/** Every stable error code @hearth/sync and @hearth/relay use. */
export type SyncErrorCode =
  | "E_PROTOCOL"
  | "E_UNAUTHORIZED"
  | "E_FORBIDDEN"
  | "E_TOO_LARGE"
  | "E_RATE_LIMITED"
  | "E_CONFLICT"
  | "E_NOT_FOUND"
  | "E_OFFLINE"
  | "E_RELAY"
  | "E_STORAGE"
  | "E_VERIFY"
  | "E_GAP"
  | "E_BACKUP";

/**
 * Base class of every error @hearth/sync throws or reports. Branch on `code`. Messages never contain document
 * content or key material.
 */
export class SyncError extends Error {
  readonly code: SyncErrorCode;

  constructor(code: SyncErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}
