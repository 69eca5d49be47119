import { SyncError } from "./sync-error";

/** Something the client asked for does not exist (HTTP 404, or a grant that never arrived). */
export class NotFoundError extends SyncError {
  constructor(message: string, options?: { cause?: unknown }) {
    super("E_NOT_FOUND", message, options);
  }
}
