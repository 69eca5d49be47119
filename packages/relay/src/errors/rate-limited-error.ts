import { SyncError } from "@hearth/sync/protocol";

/** Too many requests from one device (or address). HTTP 429 with `Retry-After`. */
export class RateLimitedError extends SyncError {
  /** Whole seconds after which a retry will be accepted. */
  readonly retryAfterSeconds: number;

  constructor(message: string, retryAfterSeconds: number, options?: { cause?: unknown }) {
    super("E_RATE_LIMITED", message, options);
    this.retryAfterSeconds = retryAfterSeconds;
  }
}
