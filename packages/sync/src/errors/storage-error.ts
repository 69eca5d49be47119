import { SyncError } from "./sync-error";

/** Local storage failed or holds data this client does not understand. */
export class StorageError extends SyncError {
  constructor(message: string, options?: { cause?: unknown }) {
    super("E_STORAGE", message, options);
  }
}
