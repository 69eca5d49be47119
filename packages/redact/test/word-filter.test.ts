// The name pass asks a bit array before its large word sets; it must never turn away a word the set holds.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { filteredSet, WordFilter } from "../src/ner/word-filter";

describe("WordFilter", () => {
  it("lets through every word added, and turns most others away", () => {
    const words = Array.from({ length: 5_000 }, (_, i) => `name${i * 7919}`);
    const filter = new WordFilter(words.length);
    for (const w of words) filter.add(w);
    for (const w of words) expect(filter.mayHave(w), w).toBe(true);
    const others = Array.from({ length: 5_000 }, (_, i) => `other${i}`);
    const through = others.filter((w) => filter.mayHave(w)).length;
    // Eight bits and two probes a word: about 2% of absent words get through to the set.
    expect(through).toBeLessThan(others.length * 0.08);
  });

  it("answers as the set does, on random words of any script", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.string({ maxLength: 12, unit: "grapheme" }), { maxLength: 300 }),
        fc.array(fc.string({ maxLength: 12, unit: "grapheme" }), { maxLength: 300 }),
        (held, asked) => {
          const plain = new Set(held);
          const filtered = filteredSet(held);
          expect(filtered.size).toBe(plain.size);
          expect([...filtered]).toEqual([...plain]);
          for (const w of [...held, ...asked]) expect(filtered.has(w), w).toBe(plain.has(w));
        },
      ),
      { numRuns: 200 },
    );
  });
});
