import { ProviderError, type ProviderErrorDetails } from "./provider-error";

/** HTTP 429: the provider's rate limit. Retried after `retry-after` when it says one; this is thrown when retries ran out. */
export class RateLimitError extends ProviderError {
  constructor(message: string, details: ProviderErrorDetails, options?: { cause?: unknown }) {
    super(message, details, options, "E_RATE_LIMITED");
  }
}
