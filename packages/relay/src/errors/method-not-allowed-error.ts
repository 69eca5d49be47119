import { SyncError } from "@hearth/sync/protocol";

/** The route exists but not with this HTTP method. HTTP 405 with `Allow`. */
export class MethodNotAllowedError extends SyncError {
  /** The methods the route answers. */
  readonly allowed: readonly string[];

  constructor(message: string, allowed: readonly string[], options?: { cause?: unknown }) {
    super("E_PROTOCOL", message, options);
    this.allowed = allowed;
  }
}
