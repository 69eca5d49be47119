import { SyncError } from "@hearth/sync/protocol";

/** A request without valid authentication: missing, malformed or stale signature headers, or a reused nonce. HTTP 401. */
export class UnauthorizedError extends SyncError {
  constructor(message: string, options?: { cause?: unknown }) {
    super("E_UNAUTHORIZED", message, options);
  }
}
