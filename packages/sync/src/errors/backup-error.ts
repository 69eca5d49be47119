import { SyncError } from "./sync-error";

/** A backup is damaged, truncated, of an unknown version, or belongs to another space. */
export class BackupError extends SyncError {
  constructor(message: string, options?: { cause?: unknown }) {
    super("E_BACKUP", message, options);
  }
}
