import type { DeviceIdentity } from "@hearth/transport";
import { abortableSleep } from "../client/abortable-sleep";
import { OfflineError } from "../errors/offline-error";
import { RateLimitedError } from "../errors/rate-limited-error";
import { RelayError } from "../errors/relay-error";
import { AUTH_HEADERS, signRequest } from "../protocol/request-auth";
import { errorFromResponse } from "./error-from-response";
import { RelayEndpoints, type RelayUrls } from "./relay-endpoints";

/** The `fetch` a client uses; the platform's by default. */
export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

/** Options of one {@link RelayHttp.request}. */
export interface RelayRequestOptions {
  /** A JSON-serializable body. */
  body?: unknown;
  /** Sign the request with the device identity (every route but health, createSpace and grantsFor). */
  signed?: boolean;
  signal?: AbortSignal;
  /** How many times a 429 answer is waited out (its Retry-After) and the request sent again; default 3. */
  rateLimitRetries?: number;
}

// Waits longer than this are not sat out inside a request: the caller's backoff takes over.
const MAX_INLINE_RETRY_AFTER_MS = 10_000;
// Answers that mean "this relay cannot serve now" (a gateway in front of a dead one, or one shutting down or losing
// its database): another relay of the same store may.
const RELAY_UNAVAILABLE = new Set([502, 503, 504]);

/** Checks a relay URL and returns its origin (`http(s)://host:port`), the base of every route. */
export function relayOrigin(relayUrl: string): string {
  let url: URL;
  try {
    url = new URL(relayUrl);
  } catch (cause) {
    throw new RelayError(`The relay URL ${JSON.stringify(relayUrl)} is not a URL.`, { cause });
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new RelayError("A relay URL starts with http:// or https://.");
  }
  return url.origin;
}

/**
 * JSON over HTTP to a relay (or to the current one of several, see {@link RelayEndpoints}): signs requests with the device identity ({@link signRequest}), maps every failure to
 * a typed error (401 `E_UNAUTHORIZED`, 403 `E_FORBIDDEN`, 409 `E_CONFLICT`, 413 `E_TOO_LARGE`, 429
 * `E_RATE_LIMITED` with the wait, 5xx `E_RELAY`, no answer `E_OFFLINE`).
 */
export class RelayHttp {
  readonly endpoints: RelayEndpoints;
  readonly #identity: DeviceIdentity | undefined;
  readonly #fetch: FetchLike;

  constructor(relayUrl: RelayUrls, identity?: DeviceIdentity, fetchImpl?: FetchLike) {
    this.endpoints = new RelayEndpoints(relayUrl);
    this.#identity = identity;
    const platform = (globalThis as { fetch?: FetchLike }).fetch;
    const chosen = fetchImpl ?? platform?.bind(globalThis);
    if (!chosen) throw new OfflineError("No fetch function is available; pass one in the options.");
    this.#fetch = chosen;
  }

  /** The relay requests go to now. */
  get origin(): string {
    return this.endpoints.origin;
  }

  /**
   * Sends one request; `target` is the route path with its query string. Resolves with the parsed JSON answer.
   * A 429 is waited out (Retry-After, up to 10 s) and the request re-signed and sent again, a few times, so a
   * long sync progresses at the relay's pace instead of starting over.
   */
  async request<T>(method: string, target: string, options: RelayRequestOptions = {}): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.#send<T>(method, target, options);
      } catch (error) {
        const retry =
          error instanceof RateLimitedError &&
          attempt < (options.rateLimitRetries ?? 3) &&
          error.retryAfterMs <= MAX_INLINE_RETRY_AFTER_MS;
        if (!retry) throw error;
        await abortableSleep(error.retryAfterMs, options.signal);
        if (options.signal?.aborted) {
          throw new OfflineError("The request was cancelled: the client paused or closed.", { cause: error });
        }
      }
    }
  }

  #headers(method: string, target: string, body: Uint8Array | undefined, signed: boolean | undefined) {
    const headers: Record<string, string> = {};
    if (body) headers["content-type"] = "application/json";
    if (signed) {
      if (!this.#identity) throw new RelayError("This request must be signed, but no device identity was given.");
      const auth = signRequest(this.#identity, { method, target, ...(body ? { body } : {}) });
      headers[AUTH_HEADERS.device] = auth.device;
      headers[AUTH_HEADERS.time] = auth.time;
      headers[AUTH_HEADERS.nonce] = auth.nonce;
      headers[AUTH_HEADERS.signature] = auth.signature;
    }
    return headers;
  }

  async #send<T>(method: string, target: string, options: RelayRequestOptions): Promise<T> {
    const body = options.body === undefined ? undefined : new TextEncoder().encode(JSON.stringify(options.body));
    const origin = this.origin;
    let response: Response;
    for (let attempt = 0; ; attempt++) {
      // Signed afresh for each attempt: the relay refuses a nonce it has seen.
      const headers = this.#headers(method, target, body, options.signed);
      try {
        response = await this.#fetch(`${origin}${target}`, {
          method,
          headers,
          ...(body ? { body } : {}),
          ...(options.signal ? { signal: options.signal } : {}),
        });
        break;
      } catch (cause) {
        if (options.signal?.aborted) {
          throw new OfflineError("The request was cancelled: the client paused or closed.", { cause });
        }
        // A kept-alive connection the relay closed while this device was busy (verifying a long page, say) fails
        // the next request before it is answered. One fresh attempt on a new connection tells that apart from a
        // relay that is down; every route is idempotent, so a request that did arrive is harmless to repeat.
        if (attempt === 0) continue;
        this.endpoints.failed(origin);
        throw new OfflineError(`The relay at ${origin} cannot be reached; changes stay queued.`, { cause });
      }
    }
    let text: string;
    try {
      text = await response.text();
    } catch (cause) {
      this.endpoints.failed(origin);
      throw new OfflineError(`The connection to ${origin} broke during an answer.`, { cause });
    }
    let parsed: unknown;
    if (text.length > 0) {
      try {
        parsed = JSON.parse(text);
      } catch (cause) {
        if (response.ok) throw new RelayError(`The relay at ${origin} answered something that is not JSON.`, { cause });
      }
    }
    if (RELAY_UNAVAILABLE.has(response.status)) this.endpoints.failed(origin);
    if (!response.ok) throw errorFromResponse(response.status, parsed, response.headers.get("retry-after"));
    return parsed as T;
  }
}
