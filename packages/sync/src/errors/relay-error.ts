import { SyncError } from "./sync-error";

/** The relay failed (HTTP 5xx) or answered something unexpected; the client retries with backoff. */
export class RelayError extends SyncError {
  constructor(message: string, options?: { cause?: unknown }) {
    super("E_RELAY", message, options);
  }
}
