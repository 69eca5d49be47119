import { EscalateError, type EscalateErrorCode } from "./escalate-error";

/** What an HTTP provider said when it refused a request. The body is never kept: it may echo user content. */
export interface ProviderErrorDetails {
  /** HTTP status, or undefined for an error event inside a stream. */
  readonly status?: number;
  /** The provider's own error type (`overloaded_error`, `rate_limit_error`, ...), when it said one. */
  readonly providerType?: string;
  /** Whether retrying the same request may succeed. */
  readonly retryable: boolean;
  /** Milliseconds the provider asked us to wait (`retry-after`), when it did. */
  readonly retryAfterMs?: number;
}

/** A provider refused the request (HTTP 4xx/5xx or an `error` event mid-stream) and retries did not help. */
export class ProviderError extends EscalateError {
  readonly status: number | undefined;
  readonly providerType: string | undefined;
  readonly retryable: boolean;
  readonly retryAfterMs: number | undefined;

  constructor(
    message: string,
    details: ProviderErrorDetails,
    options?: { cause?: unknown },
    code: EscalateErrorCode = "E_PROVIDER",
  ) {
    super(code, message, options);
    this.status = details.status;
    this.providerType = details.providerType;
    this.retryable = details.retryable;
    this.retryAfterMs = details.retryAfterMs;
  }
}
