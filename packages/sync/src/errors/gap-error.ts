import { SyncError } from "./sync-error";

/** A device's entries arrived with a hole in their sequence numbers that fetching again did not fill. */
export class GapError extends SyncError {
  constructor(message: string, options?: { cause?: unknown }) {
    super("E_GAP", message, options);
  }
}
