// The date-time recognizer tests the world gate's alternatives in three scans (scripts, shapes opening on a digit,
// words) instead of the one alternation. A text must pass exactly when the gate matches it.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { WORLD_GATE } from "../src/recognizers/world-date-time-patterns";
import { mayHoldWorldDateTime } from "../src/recognizers/world-gate";
import { topLevelAlternatives } from "../src/top-level-alternatives";

const gate = new RegExp(WORLD_GATE.source, WORLD_GATE.flags);

describe("world gate", () => {
  it("splits the gate into alternatives that make it up again", () => {
    const alternatives = topLevelAlternatives(WORLD_GATE.source);
    expect(alternatives.length).toBeGreaterThan(30);
    expect(alternatives.join("|")).toBe(WORLD_GATE.source);
    for (const a of alternatives) expect(() => new RegExp(a)).not.toThrow();
    expect(topLevelAlternatives("a(?:b|c)|[|(]|\\||d")).toEqual(["a(?:b|c)", "[|(]", "\\|", "d"]);
  });

  it("passes a text exactly when the gate matches it", () => {
    const pieces = [
      ...["klo ", "Klo\n", "kuu", "toukokuuta", "Maanantai", "giờ", "Ngày", "hứ", "Juma", "saa ", "Saa\n", "alas-"],
      ...["Alas ", "alas.", "3 ng Enero", "3 enero", "12 Mei", "3 ngayon", "1. 2", "1.\n2", "1. x", "Sabtu", "ahad"],
      ...["ا", "क", "ก", "あ", "中", "한", " ", "\n", "\u00a0", "5", "x", "K", "😀", "\ud800", "met", "the", "."],
      ...["órakor", "jam", "Pukul", "godz", "las", "ocho", "às", "duas", "ab", "Um", "halb", "neun"],
    ];
    let passed = 0;
    fc.assert(
      fc.property(
        fc.oneof(
          fc.array(fc.constantFrom(...pieces), { maxLength: 12 }).map((p) => p.join("")),
          fc.string({ maxLength: 30 }),
        ),
        (text) => {
          const expected = gate.test(text);
          if (expected) passed++;
          expect(mayHoldWorldDateTime(text)).toBe(expected);
        },
      ),
      { numRuns: 3_000 },
    );
    expect(passed).toBeGreaterThan(300);
  });
});
