import { InvalidArgumentError } from "../errors/invalid-argument-error";

/** How failed attempts are retried. */
export interface RetryPolicy {
  /** Retries after the first attempt (default 2, so three attempts in all). */
  readonly maxRetries?: number;
  /** First backoff in ms (default 500); doubled per retry. */
  readonly baseDelayMs?: number;
  /** Longest backoff in ms (default 8,000). */
  readonly maxDelayMs?: number;
  /** A `retry-after` longer than this (ms, default 60,000) is not waited for: the error is thrown at once. */
  readonly maxRetryAfterMs?: number;
}

/** A {@link RetryPolicy} with every field set. */
export type ResolvedRetryPolicy = Required<RetryPolicy>;

/** Fills in defaults and refuses nonsense. */
export function resolveRetryPolicy(policy: RetryPolicy = {}): ResolvedRetryPolicy {
  const resolved = {
    maxRetries: policy.maxRetries ?? 2,
    baseDelayMs: policy.baseDelayMs ?? 500,
    maxDelayMs: policy.maxDelayMs ?? 8_000,
    maxRetryAfterMs: policy.maxRetryAfterMs ?? 60_000,
  };
  for (const [key, value] of Object.entries(resolved)) {
    if (!(Number.isFinite(value) && value >= 0)) throw new InvalidArgumentError(`retry.${key} must be >= 0.`);
  }
  if (!Number.isInteger(resolved.maxRetries)) throw new InvalidArgumentError("retry.maxRetries must be an integer.");
  return resolved;
}

/**
 * Backoff before retry number `retry` (1-based): exponential with "equal jitter" (half fixed, half random), so
 * many clients that failed together do not come back together, yet none retries almost at once.
 */
export function backoffDelay(policy: ResolvedRetryPolicy, retry: number, random: () => number = Math.random): number {
  const exp = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1));
  return exp / 2 + random() * (exp / 2);
}

/** Reads `retry-after-ms` or `retry-after` (seconds or an HTTP date) into milliseconds. */
export function parseRetryAfter(headers: Headers, now: number = Date.now()): number | undefined {
  const ms = headers.get("retry-after-ms");
  if (ms !== null && ms.trim() !== "" && Number.isFinite(Number(ms))) return Math.max(0, Number(ms));
  const value = headers.get("retry-after");
  if (value === null || value.trim() === "") return undefined;
  if (Number.isFinite(Number(value))) return Math.max(0, Number(value) * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
