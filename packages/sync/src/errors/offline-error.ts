import { SyncError } from "./sync-error";

/** The relay could not be reached, the client is paused, or it was closed; queued changes stay queued. */
export class OfflineError extends SyncError {
  constructor(message: string, options?: { cause?: unknown }) {
    super("E_OFFLINE", message, options);
  }
}
