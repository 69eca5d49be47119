// Context words are looked for in the lower-cased text once per text, not in a lower-cased window per candidate: the
// boost must be what the window reading gives, for any text, candidate and word list.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { boostWithContext, CONTEXT_BOOST, CONTEXT_MIN_SCORE } from "../src/context-boost";

/** The plain reading: the words looked for in the lower-cased text 64 units before and 32 after the candidate. */
function reference(text: string, start: number, end: number, score: number, words: readonly string[]): number {
  if (words.length === 0 || score >= 1) return score;
  const window = `${text.slice(Math.max(0, start - 64), start)} ${text.slice(end, end + 32)}`.toLowerCase();
  for (const word of words) {
    for (let at = window.indexOf(word); at >= 0; at = window.indexOf(word, at + 1)) {
      const prev = at === 0 ? " " : window[at - 1]!;
      if (!/[\p{L}\p{N}]/u.test(prev)) return Math.min(1, Math.max(CONTEXT_MIN_SCORE, score + CONTEXT_BOOST));
    }
  }
  return score;
}

const WORDS = ["tel", "phone", "call me", "code postal", "id", "née", "on", "σ", "i̇d", "nº", "#", "tel:", "1x", "t"];

describe("boostWithContext", () => {
  it("raises the score for a word just before or after, at a word start only", () => {
    expect(boostWithContext("call 555 0100", 5, 13, 0.5, ["call"])).toBeCloseTo(0.85);
    expect(boostWithContext("recall 555 0100", 7, 15, 0.5, ["call"])).toBe(0.5);
    expect(boostWithContext("555 0100, tel", 0, 8, 0.3, ["tel"])).toBeCloseTo(0.65);
    // The space joining the two sides: "call me" spans it.
    expect(boostWithContext("please call 555 me", 12, 15, 0.5, ["call me"])).toBe(0.5);
    expect(boostWithContext("call 555 me", 4, 9, 0.5, ["call me"])).toBeCloseTo(0.85);
  });

  it("boosts as the window reading does, with letters that lower-case oddly and words across the joining space", () => {
    const piece = fc.constantFrom(
      ...["tel", "TEL", "Phone", "call", "me", "code", "postal", "ID", "NÉE", "on", "x", "1", " ", "\n", ".", ":"],
      ...["İ", "İd", "Σ", "ΟΣ", "σ", "𝐀", "\ud800", "K", "ß", "Nº", "#", "1X", "é", "telephone", "tt"],
    );
    fc.assert(
      fc.property(
        fc.array(piece, { minLength: 1, maxLength: 40 }),
        fc.nat(),
        fc.nat(8),
        fc.oneof(fc.subarray(WORDS, { minLength: 1 }), fc.array(fc.constantFrom(...WORDS, ""), { maxLength: 6 })),
        fc.constantFrom(0.3, 0.5, 0.6, 1),
        fc.nat(3),
        (pieces, at, length, words, score, repeat) => {
          // Long texts too, so that the window is cut on both sides.
          const text = pieces.join("").repeat(repeat + 1);
          const start = at % (text.length + 1);
          const end = Math.min(text.length, start + length);
          expect(boostWithContext(text, start, end, score, words)).toBe(reference(text, start, end, score, words));
        },
      ),
      { numRuns: 3_000 },
    );
  });

  it("reads a word list again when its caller changed it between calls", () => {
    const words = ["fax"];
    expect(boostWithContext("tel 555 0100", 4, 12, 0.5, words)).toBe(0.5);
    words[0] = "tel";
    expect(boostWithContext("tel 555 0100", 4, 12, 0.5, words)).toBeCloseTo(0.85);
    words.push("");
    expect(boostWithContext("x 555 0100", 2, 10, 0.5, words)).toBeCloseTo(0.85);
  });
});
