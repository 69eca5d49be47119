import { describe, expect, it } from "vitest";
import { SpanIndex } from "../src/span-index";

describe("SpanIndex", () => {
  it("answers as a scan of every span does, for spans in any order, nested or apart", () => {
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let round = 0; round < 50; round++) {
      const spans = Array.from({ length: random(30) }, () => {
        const start = random(200);
        return { start, end: start + 1 + random(40) };
      });
      const index = new SpanIndex(spans);
      for (let q = 0; q < 100; q++) {
        const start = random(250);
        const end = start + 1 + random(20);
        expect(index.overlaps(start, end)).toBe(spans.some((s) => s.start < end && s.end > start));
        const starting = spans.filter((s) => s.start >= start && s.start < end).sort((a, b) => a.start - b.start);
        expect(index.startingIn(start, end).map((s) => s.start)).toEqual(starting.map((s) => s.start));
      }
    }
  });

  it("holds nothing when built from nothing, and touching spans do not overlap", () => {
    expect(new SpanIndex([]).overlaps(0, 10)).toBe(false);
    const index = new SpanIndex([{ start: 5, end: 10 }]);
    expect(index.overlaps(10, 12)).toBe(false);
    expect(index.overlaps(0, 5)).toBe(false);
    expect(index.overlaps(9, 10)).toBe(true);
  });
});
