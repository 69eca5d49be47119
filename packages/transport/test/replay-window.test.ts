import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ReplayError, ReplayWindow } from "../src/index";

describe("replay window", () => {
  it("accepts each number once, in any order within the window", () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 200 }), { maxLength: 200 }), (seqs) => {
        const window = new ReplayWindow(256);
        for (const seq of seqs) window.accept("a", seq);
        for (const seq of seqs) expect(() => window.accept("a", seq)).toThrow(ReplayError);
      }),
      { numRuns: 200 },
    );
  });

  it("matches a reference model on random schedules, including numbers older than the window", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom("a", "b"), fc.integer({ min: 0, max: 300 })), { maxLength: 300 }),
        (ops) => {
          const size = 32;
          const window = new ReplayWindow(size);
          const seen = new Map<string, Set<number>>();
          for (const [sender, seq] of ops) {
            const set = seen.get(sender) ?? new Set<number>();
            seen.set(sender, set);
            const highest = set.size ? Math.max(...set) : -1;
            const expected = !set.has(seq) && (seq > highest || highest - seq < size);
            expect(window.wouldAccept(sender, seq)).toBe(expected);
            if (expected) {
              window.accept(sender, seq);
              set.add(seq);
            } else {
              expect(() => window.accept(sender, seq)).toThrow(ReplayError);
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it("keeps its state across a restart", () => {
    const window = new ReplayWindow(64);
    for (const seq of [1, 2, 5, 70]) window.accept("dev", seq);
    const restored = ReplayWindow.fromJSON(JSON.parse(JSON.stringify(window)));
    expect(() => restored.accept("dev", 70)).toThrow(/already accepted/);
    expect(() => restored.accept("dev", 5)).toThrow(/older than the replay window/);
    restored.accept("dev", 69);
    expect(restored.highest("dev")).toBe(70);
    expect(() => ReplayWindow.fromJSON({ size: 8, senders: { x: { highest: 1, seen: "zz" } } })).toThrow(/malformed/);
    expect(() => window.accept("dev", -1)).toThrow(/non-negative/);
  });
});
