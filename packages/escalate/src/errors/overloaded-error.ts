import { ProviderError, type ProviderErrorDetails } from "./provider-error";

/** HTTP 529 or an `overloaded_error` event: the provider is over capacity. Thrown when retries ran out. */
export class OverloadedError extends ProviderError {
  constructor(message: string, details: ProviderErrorDetails, options?: { cause?: unknown }) {
    super(message, details, options, "E_OVERLOADED");
  }
}
