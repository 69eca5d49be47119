import { SyncError } from "./sync-error";

/** The relay refused the request's authentication (HTTP 401): a missing or bad signature, a reused nonce, or a device clock far from the relay's. */
export class UnauthorizedError extends SyncError {
  constructor(message: string, options?: { cause?: unknown }) {
    super("E_UNAUTHORIZED", message, options);
  }
}
