// The language guess reads words with a loop over the characters; it must read them exactly as `\p{L}+` does.
import { readdirSync, readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseCorpus } from "../src/index";
import { guessLanguage, LANGUAGE_WORDS } from "../src/recognizers/guess-language";

/** The plain reading: a regex over the words of the first 2,000 characters. */
function reference(text: string): string | undefined {
  const words = new Map<string, string[]>();
  for (const [lang, set] of Object.entries(LANGUAGE_WORDS))
    for (const w of set) words.set(w, [...(words.get(w) ?? []), lang]);
  const counts = new Map<string, number>();
  for (const m of text.slice(0, 2_000).matchAll(/\p{L}+/gu)) {
    const langs = words.get(m[0].toLowerCase());
    if (langs) for (const lang of langs) counts.set(lang, (counts.get(lang) ?? 0) + 1);
  }
  let best: string | undefined;
  let most = 0;
  for (const [lang, n] of counts) if (n > most) [best, most] = [lang, n];
  return best;
}

const corpus = readdirSync(new URL("../corpus/", import.meta.url))
  .filter((f) => f.endsWith(".json"))
  .flatMap((f) =>
    parseCorpus(JSON.parse(readFileSync(new URL(`../corpus/${f}`, import.meta.url), "utf8"))).map((s) => s.full_text),
  );

describe("guessLanguage", () => {
  it("guesses what the plain reading guesses on the corpora", () => {
    let guessed = 0;
    for (const text of corpus) {
      const expected = reference(text);
      if (expected) guessed++;
      expect(guessLanguage(text), text).toBe(expected);
    }
    expect(guessed).toBeGreaterThan(200);
  });

  it("lower-cases words as a whole, as the plain reading does", () => {
    // "İl" lower-cases to three units, not to "il"; "I\u212a" (Kelvin sign) to "ik"; a capital sigma by what follows.
    for (const text of ["İl İl İl", "I\u212a I\u212a", "ΣΑΣ the", "ıl ıl", "DİE DIE", "Sono ΣONO sono"])
      expect(guessLanguage(text), text).toBe(reference(text));
    expect(guessLanguage("İl İl İl")).toBeUndefined();
    expect(guessLanguage("I\u212a I\u212a")).toBe("nl");
  });

  it("reads words as the plain reading does around surrogates, case-folding letters and the 2,000th character", () => {
    const words = Object.values(LANGUAGE_WORDS).flatMap((s) => [...s]);
    const piece = fc.oneof(
      fc.constantFrom(...words),
      fc.constantFrom(...words).map((w) => w.toUpperCase()),
      // Astral letters and non-letters, lone surrogates, letters that fold oddly (İ, K, ſ, Σ), marks, digits.
      fc.constantFrom(" ", "\n", ".", "1", "𝐀", "😀", "\ud835", "\udc00", "İ", "\u212a", "ſ", "Σ", "\u0301", "ß", "é"),
      fc.string({ maxLength: 3 }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 24 }), fc.nat(2_010), (pieces, pad) => {
        const text = pieces.join("");
        expect(guessLanguage(text)).toBe(reference(text));
        // The same words around the cut at 2,000 characters, where a surrogate pair may be split.
        const shifted = "x".repeat(pad) + text;
        expect(guessLanguage(shifted)).toBe(reference(shifted));
      }),
      { numRuns: 2_000 },
    );
  });
});
