import { REQUEST_CLOCK_SKEW_MS } from "@hearth/sync/protocol";

const SWEEP_EVERY_MS = 10_000;

/**
 * The nonces of recent requests, per device, for as long as their signed time is inside the clock-skew window
 * (after that the time check refuses the request anyway). In memory only: after a restart a request captured in
 * the last minutes could be replayed once, which changes nothing because every write route is idempotent.
 */
export class NonceCache {
  readonly #seen = new Map<string, number>();
  readonly #maxEntries: number;
  #nextSweep = 0;

  constructor(maxEntries = 2_000_000) {
    this.#maxEntries = maxEntries;
  }

  /** Records a nonce: "ok" the first time, "replay" when seen before, "full" when the cache cannot take more. */
  remember(device: string, nonce: string, time: number, now: number = Date.now()): "ok" | "replay" | "full" {
    if (now >= this.#nextSweep || this.#seen.size >= this.#maxEntries) this.#sweep(now);
    const key = `${device}/${nonce}`;
    const expiry = this.#seen.get(key);
    if (expiry !== undefined && expiry >= now) return "replay";
    if (this.#seen.size >= this.#maxEntries) return "full";
    this.#seen.set(key, time + REQUEST_CLOCK_SKEW_MS);
    return "ok";
  }

  #sweep(now: number): void {
    this.#nextSweep = now + SWEEP_EVERY_MS;
    for (const [key, expiry] of this.#seen) if (expiry < now) this.#seen.delete(key);
  }
}
