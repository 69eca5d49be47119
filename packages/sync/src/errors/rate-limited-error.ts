import { SyncError } from "./sync-error";

/** The relay asked the device to slow down (HTTP 429); `retryAfterMs` comes from its `Retry-After` header. */
export class RateLimitedError extends SyncError {
  /** How long to wait before the next request, in milliseconds. */
  readonly retryAfterMs: number;

  constructor(message: string, retryAfterMs: number, options?: { cause?: unknown }) {
    super("E_RATE_LIMITED", message, options);
    this.retryAfterMs = retryAfterMs;
  }
}
