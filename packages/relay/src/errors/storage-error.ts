import { SyncError } from "@hearth/sync/protocol";

/** The relay's storage failed or refused to open (disk full, I/O error, a database from a newer relay). HTTP 503. */
export class StorageError extends SyncError {
  constructor(message: string, options?: { cause?: unknown }) {
    super("E_STORAGE", message, options);
  }
}
