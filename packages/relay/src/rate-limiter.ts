/** Token-bucket parameters: a steady rate and how many requests may come at once. */
export interface RateLimitOptions {
  /** Tokens added per second (sustained requests per second). */
  perSecond: number;
  /** Bucket size: requests allowed in a burst. */
  burst: number;
}

interface Bucket {
  tokens: number;
  at: number;
}

const PRUNE_ABOVE = 10_000;

/** One token bucket per key (a device, or an address for unauthenticated routes). */
export class RateLimiter {
  readonly #options: RateLimitOptions;
  readonly #buckets = new Map<string, Bucket>();

  constructor(options: RateLimitOptions) {
    this.#options = options;
  }

  /** Takes one token for `key`: 0 when allowed, otherwise the whole seconds to wait before retrying. */
  take(key: string, now: number = Date.now()): number {
    const { perSecond, burst } = this.#options;
    const bucket = this.#buckets.get(key) ?? { tokens: burst, at: now };
    bucket.tokens = Math.min(burst, bucket.tokens + ((now - bucket.at) / 1000) * perSecond);
    bucket.at = now;
    if (!this.#buckets.has(key)) {
      if (this.#buckets.size >= PRUNE_ABOVE) this.#prune(now);
      this.#buckets.set(key, bucket);
    }
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - bucket.tokens) / perSecond));
  }

  // A bucket that has refilled is the same as no bucket: forget it, so memory follows active keys only.
  #prune(now: number): void {
    const { perSecond, burst } = this.#options;
    for (const [key, bucket] of this.#buckets) {
      if (bucket.tokens + ((now - bucket.at) / 1000) * perSecond >= burst) this.#buckets.delete(key);
    }
  }
}
