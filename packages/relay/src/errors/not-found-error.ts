import { SyncError } from "@hearth/sync/protocol";

/** No such route, space or device on this relay. HTTP 404. */
export class NotFoundError extends SyncError {
  constructor(message: string, options?: { cause?: unknown }) {
    super("E_NOT_FOUND", message, options);
  }
}
