import { SyncError } from "@hearth/sync/protocol";
import { MethodNotAllowedError } from "../errors/method-not-allowed-error";

const STATUS_BY_CODE: Readonly<Record<string, number>> = {
  E_PROTOCOL: 400,
  E_UNAUTHORIZED: 401,
  E_FORBIDDEN: 403,
  E_NOT_FOUND: 404,
  E_CONFLICT: 409,
  E_TOO_LARGE: 413,
  E_RATE_LIMITED: 429,
  E_STORAGE: 503,
};

/** The HTTP status of an error: by its code for the relay's own errors, 500 for anything unexpected. */
export function errorStatus(error: unknown): number {
  if (error instanceof MethodNotAllowedError) return 405;
  if (error instanceof SyncError) return STATUS_BY_CODE[error.code] ?? 500;
  return 500;
}

/** The JSON error body: `{ error: { code, message } }`. Unexpected errors get a generic message, never internals. */
export function errorBody(error: unknown): { error: { code: string; message: string } } {
  if (error instanceof SyncError && errorStatus(error) !== 500) {
    return { error: { code: error.code, message: error.message } };
  }
  return { error: { code: "E_RELAY", message: "The relay failed on this request; retry later." } };
}
