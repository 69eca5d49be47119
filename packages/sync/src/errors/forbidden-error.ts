import { SyncError } from "./sync-error";

/** The relay refused the device (HTTP 403): it is not, or no longer, an active device of the space. */
export class ForbiddenError extends SyncError {
  constructor(message: string, options?: { cause?: unknown }) {
    super("E_FORBIDDEN", message, options);
  }
}
