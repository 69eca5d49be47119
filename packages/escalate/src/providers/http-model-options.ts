import type { FetchFunction } from "./http-transport";
import type { RetryPolicy } from "./retry-policy";

/** Options both HTTP providers take. */
export interface HttpModelOptions {
  /** The model name the provider knows (`claude-sonnet-4-5`, `llama3.1:8b`, ...). */
  readonly model: string;
  /** Base URL up to and including `/v1`; defaults to the provider's conventional environment variable, then its public API. */
  readonly baseURL?: string;
  /** API key; defaults to the provider's conventional environment variable. */
  readonly apiKey?: string;
  /** Extra headers sent with every request. */
  readonly headers?: Readonly<Record<string, string>>;
  readonly retry?: RetryPolicy;
  /** Longest wait for response headers per attempt, in ms (default 60,000). */
  readonly timeoutMs?: number;
  /** Longest silence while a response body (a stream or a JSON answer) is read, in ms (default 30,000). */
  readonly idleTimeoutMs?: number;
  /** Default most output tokens when a call does not say (default 1,024). */
  readonly maxOutputTokens?: number;
  readonly fetch?: FetchFunction;
}

/** Removes trailing slashes so `${base}/messages` never doubles one. */
export function trimBaseURL(url: string): string {
  return url.replace(/\/+$/, "");
}
