/** Bounds of the reconnect delay. */
export interface BackoffOptions {
  /** Shortest delay, in milliseconds (default 250). */
  minMs?: number;
  /** Longest delay, in milliseconds (default 30,000). */
  maxMs?: number;
}

/**
 * The delay before reconnect attempt `attempt` (0, 1, 2, ...): exponential with full jitter, uniform between
 * `minMs` and `min(maxMs, minMs * 2^attempt)`, so many devices that lost the relay at once do not come back at once.
 */
export function backoffDelay(
  attempt: number,
  options: BackoffOptions = {},
  random: () => number = Math.random,
): number {
  const min = options.minMs ?? 250;
  const max = Math.max(min, options.maxMs ?? 30_000);
  const cap = Math.min(max, min * 2 ** Math.min(attempt, 30));
  return Math.round(min + random() * (cap - min));
}
