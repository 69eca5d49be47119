// The nationality ending's validator looks a stem up among country names less a lost vowel, built once, rather than
// adding each vowel to the stem and looking that up. Both must take the same words, for any word and ending.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { COUNTRIES } from "../src/ner/countries";
import { isCountryStem } from "../src/recognizers/nrp-recognizer";

const COUNTRY_SET = new Set(COUNTRIES.split(" "));
const VOWELS = ["", "e", "a", "o", "ie", "ia", "i", "y", "en", "ien"];

/** The plain reading: each stem with each vowel it may have lost, looked up as a country. */
function reference(word: string, ending: string): boolean {
  const lower = word.toLowerCase();
  const cut = word.length - ending.length;
  const stems = [0, 1, 2, 3].map((j) => lower.slice(0, cut + j));
  stems.push(lower.slice(0, cut).replace(/l$/u, ""), lower.slice(0, cut).replace(/(?:es|ian|an|ien|en|in)$/u, ""));
  return stems.some((s) => VOWELS.some((v) => COUNTRY_SET.has(s + v)));
}

const ENDINGS = ["aise", "aises", "ois", "ienne", "éennes", "aine", "isch", "ischer", "és", "esa", "ês", "eña", "ese"];
const COUNTRY_LIST = [...COUNTRY_SET];

describe("nationality stems", () => {
  it("takes a word exactly when some stem plus a lost vowel is a country", () => {
    const country = fc.constantFrom(...COUNTRY_LIST);
    const word = fc
      .tuple(
        country,
        fc.nat(4),
        fc.constantFrom("", "l", "es", "an", "ien", "in", "x", "İ", "E"),
        fc.constantFrom(...ENDINGS),
        fc.boolean(),
      )
      .map(([c, cut, extra, ending, upper]) => {
        const w = c.slice(0, Math.max(0, c.length - cut)) + extra + ending;
        return { word: upper ? w.toUpperCase() : w, ending };
      });
    let taken = 0;
    fc.assert(
      fc.property(word, ({ word, ending }) => {
        const expected = reference(word, ending);
        if (expected) taken++;
        expect(isCountryStem(word, ending)).toBe(expected);
      }),
      { numRuns: 5_000 },
    );
    // The generator must reach countries often enough for the property to mean something.
    expect(taken).toBeGreaterThan(200);
  });

  it("reads country names back from their adjectives", () => {
    expect(isCountryStem("sénégalaise", "aise")).toBe(true);
    expect(isCountryStem("vietnamesischer", "ischer")).toBe(true);
    expect(isCountryStem("congoleña", "eña")).toBe(true);
    expect(isCountryStem("these", "ese")).toBe(false);
  });
});
