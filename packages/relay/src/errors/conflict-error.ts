import { SyncError } from "@hearth/sync/protocol";

/**
 * The request contradicts what the relay already stores: another entry under the same (document, device, seq),
 * another genesis under the same space id, a removed device enrolled again. HTTP 409.
 */
export class ConflictError extends SyncError {
  constructor(message: string, options?: { cause?: unknown }) {
    super("E_CONFLICT", message, options);
  }
}
