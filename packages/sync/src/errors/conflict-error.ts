import { SyncError } from "./sync-error";

/** The relay holds something else under the same name (HTTP 409): another entry with this device's sequence number, or another space genesis. */
export class ConflictError extends SyncError {
  constructor(message: string, options?: { cause?: unknown }) {
    super("E_CONFLICT", message, options);
  }
}
