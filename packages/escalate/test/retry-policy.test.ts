import { describe, expect, it } from "vitest";
import { backoffDelay, parseRetryAfter, resolveRetryPolicy } from "../src/providers/retry-policy";

describe("retry policy", () => {
  const policy = resolveRetryPolicy({ baseDelayMs: 100, maxDelayMs: 1_000 });

  it("backs off exponentially with equal jitter, capped", () => {
    expect(backoffDelay(policy, 1, () => 0)).toBe(50);
    expect(backoffDelay(policy, 1, () => 1)).toBe(100);
    expect(backoffDelay(policy, 3, () => 0.5)).toBe(300);
    // 100 * 2^9 is far above the cap: the delay stays within [cap / 2, cap].
    expect(backoffDelay(policy, 10, () => 0)).toBe(500);
    expect(backoffDelay(policy, 10, () => 1)).toBe(1_000);
  });

  it("reads retry-after in seconds, as a date, and retry-after-ms", () => {
    const now = Date.parse("2025-03-01T12:00:00Z");
    expect(parseRetryAfter(new Headers({ "retry-after": "2" }), now)).toBe(2_000);
    expect(parseRetryAfter(new Headers({ "retry-after": "Sat, 01 Mar 2025 12:00:30 GMT" }), now)).toBe(30_000);
    expect(parseRetryAfter(new Headers({ "retry-after": "Sat, 01 Mar 2025 11:00:00 GMT" }), now)).toBe(0);
    expect(parseRetryAfter(new Headers({ "retry-after-ms": "250", "retry-after": "9" }), now)).toBe(250);
    expect(parseRetryAfter(new Headers({ "retry-after": "soon" }), now)).toBeUndefined();
    expect(parseRetryAfter(new Headers(), now)).toBeUndefined();
  });

  it("refuses nonsense with E_ARGUMENT", () => {
    for (const bad of [{ maxRetries: -1 }, { maxRetries: 1.5 }, { baseDelayMs: Number.NaN }, { maxDelayMs: -5 }]) {
      expect(() => resolveRetryPolicy(bad)).toThrow(expect.objectContaining({ code: "E_ARGUMENT" }));
    }
    expect(resolveRetryPolicy()).toEqual({
      maxRetries: 2,
      baseDelayMs: 500,
      maxDelayMs: 8_000,
      maxRetryAfterMs: 60_000,
    });
  });
});
