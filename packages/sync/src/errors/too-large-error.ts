import { SyncError } from "./sync-error";

/** An entry or request is larger than the relay accepts (HTTP 413). */
export class TooLargeError extends SyncError {
  constructor(message: string, options?: { cause?: unknown }) {
    super("E_TOO_LARGE", message, options);
  }
}
