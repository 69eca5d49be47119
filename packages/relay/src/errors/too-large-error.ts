import { SyncError } from "@hearth/sync/protocol";

/** A body or an entry envelope over the relay's limits. HTTP 413. */
export class TooLargeError extends SyncError {
  constructor(message: string, options?: { cause?: unknown }) {
    super("E_TOO_LARGE", message, options);
  }
}
