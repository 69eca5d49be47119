import { AbortedError } from "../errors/aborted-error";
import { OfflineError } from "../errors/offline-error";
import { OverloadedError } from "../errors/overloaded-error";
import { ProviderError, type ProviderErrorDetails } from "../errors/provider-error";
import { RateLimitError } from "../errors/rate-limit-error";
import { TimeoutError } from "../errors/timeout-error";
import type { OutgoingRequest } from "../spec/language-model";
import { anySignal, sleep, throwIfAborted } from "./abortable";
import { backoffDelay, parseRetryAfter, type ResolvedRetryPolicy } from "./retry-policy";

/** A `fetch` function; injectable so an app can route through its own HTTP stack. */
export type FetchFunction = (input: string, init: RequestInit) => Promise<Response>;

/** One JSON POST with retries, as both HTTP providers send it. */
export interface PostRequest {
  readonly provider: string;
  readonly model: string;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  readonly stream: boolean;
  readonly retry: ResolvedRetryPolicy;
  /** Longest wait for the response headers of one attempt, in ms. */
  readonly timeoutMs: number;
  readonly signal?: AbortSignal;
  readonly fetch?: FetchFunction;
  readonly onRequest?: (request: OutgoingRequest) => void | Promise<void>;
  /** Reads the provider's error type out of an error body (never kept whole: it may echo user content). */
  readonly errorType?: (body: unknown) => string | undefined;
}

const RETRYABLE_STATUS = new Set([408, 409, 425, 429, 500, 502, 503, 504, 529]);

/** Turns a refused HTTP response into the matching typed error. */
export function providerErrorFor(provider: string, details: ProviderErrorDetails): ProviderError {
  const what = details.status === undefined ? "an error event" : `HTTP ${details.status}`;
  const type = details.providerType ? ` (${details.providerType})` : "";
  if (details.status === 429 || details.providerType === "rate_limit_error") {
    return new RateLimitError(`${provider} answered ${what}${type}: rate limited. Wait and try again.`, details);
  }
  if (details.status === 529 || details.providerType === "overloaded_error") {
    return new OverloadedError(`${provider} answered ${what}${type}: overloaded. Try again later.`, details);
  }
  const hint =
    details.status === 401 || details.status === 403
      ? "Check the API key."
      : details.retryable
        ? "Try again later."
        : "Check the request options (model name, limits).";
  return new ProviderError(`${provider} answered ${what}${type}. ${hint}`, details);
}

async function readErrorType(response: Response, errorType: PostRequest["errorType"]): Promise<string | undefined> {
  try {
    const text = await response.text();
    return errorType?.(JSON.parse(text));
  } catch {
    return undefined;
  }
}

/**
 * POSTs `body`, retrying network failures, timeouts and retryable statuses (429, 5xx, 529) with exponential
 * backoff and jitter, honouring `retry-after`. Resolves with the first 2xx response, whose body is left unread.
 * `onRequest` runs before every attempt, so each attempt that leaves the device is seen first.
 */
export async function postWithRetry(request: PostRequest): Promise<Response> {
  const doFetch = request.fetch ?? ((input: string, init: RequestInit) => globalThis.fetch(input, init));
  const bytes = new TextEncoder().encode(request.body);
  let lastError: Error | undefined;
  for (let attempt = 1; attempt <= request.retry.maxRetries + 1; attempt++) {
    throwIfAborted(request.signal);
    if (attempt > 1) {
      const retryAfter = lastError instanceof ProviderError ? lastError.retryAfterMs : undefined;
      await sleep(retryAfter ?? backoffDelay(request.retry, attempt - 1), request.signal);
    }
    await request.onRequest?.({
      provider: request.provider,
      model: request.model,
      url: request.url,
      body: bytes,
      attempt,
      stream: request.stream,
    });
    const timeout = new AbortController();
    const timer = setTimeout(() => timeout.abort(), request.timeoutMs);
    let response: Response;
    try {
      response = await doFetch(request.url, {
        method: "POST",
        headers: { "content-type": "application/json", ...request.headers },
        body: bytes,
        signal: anySignal([request.signal, timeout.signal]),
      });
    } catch (error) {
      clearTimeout(timer);
      throwIfAborted(request.signal);
      lastError = timeout.signal.aborted
        ? new TimeoutError(
            `${request.provider} sent no response headers within ${request.timeoutMs} ms. Try again or raise timeoutMs.`,
            { cause: error },
          )
        : new OfflineError(`${request.provider} could not be reached at its base URL. Check connectivity.`, {
            cause: error,
          });
      continue;
    }
    clearTimeout(timer);
    if (response.ok) return response;
    const retryable = RETRYABLE_STATUS.has(response.status);
    const retryAfterMs = parseRetryAfter(response.headers);
    const providerType = await readErrorType(response, request.errorType);
    const details: ProviderErrorDetails = { status: response.status, retryable };
    lastError = providerErrorFor(request.provider, {
      ...details,
      ...(providerType === undefined ? {} : { providerType }),
      ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
    });
    if (!retryable) throw lastError;
    if (retryAfterMs !== undefined && retryAfterMs > request.retry.maxRetryAfterMs) throw lastError;
  }
  throw lastError ?? new AbortedError("No attempt was made.");
}
