import { SyncError } from "@hearth/sync/protocol";

/** An authenticated device that may not do this: not (or no longer) a device of the space. HTTP 403. */
export class ForbiddenError extends SyncError {
  constructor(message: string, options?: { cause?: unknown }) {
    super("E_FORBIDDEN", message, options);
  }
}
