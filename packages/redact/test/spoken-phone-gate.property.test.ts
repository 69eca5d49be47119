// The spoken-phone recognizer skips its run pattern on texts without seven number words in a row. A wrong skip loses
// a phone number silently, so this checks the gate against the plain pattern on texts built from number words in any
// case (long s and Kelvin sign included), with separators, marks, digits and other words between them.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  mayHoldSpokenRun,
  SPOKEN_NUMBER_WORDS,
  spokenPhoneRecognizer,
} from "../src/recognizers/spoken-phone-recognizer";

const RUN = spokenPhoneRecognizer.patterns[0]!.regex;
const plainMatches = (text: string) => [...text.matchAll(new RegExp(RUN.source, RUN.flags))].length;

const WORDS = ["oh", "zero", "null", "zwo", "doce", "soixante", "dix", "sept", "y", "et", "e", "double", "một", "bẩy"];
const WORDS_CASED = WORDS.flatMap((w) => [w, w.toUpperCase(), w[0]!.toUpperCase() + w.slice(1)]).concat([
  "ſix",
  "ſeven",
  "ſieben",
  "\u212aein",
]);
const SEPARATORS = [" ", ", ", " - ", "\u00a0", "–", "  "];
const BREAKS = [" ,  ", ". ", "\n", " 4 ", "\u0301 ", "x", "", "\ud800", "\udc00", "😀", "\ud835\udc00"];

describe("spoken-phone gate", () => {
  it("lets through every text the run pattern matches", () => {
    const text = fc
      .array(
        fc.tuple(
          fc.oneof({ arbitrary: fc.constantFrom(...WORDS_CASED), weight: 12 }, fc.constantFrom("call", "me", "on")),
          fc.oneof({ arbitrary: fc.constantFrom(...SEPARATORS), weight: 8 }, fc.constantFrom(...BREAKS)),
        ),
        {
          minLength: 1,
          maxLength: 24,
        },
      )
      .map((parts) => parts.map(([w, g]) => w + g).join(""));
    let matched = 0;
    fc.assert(
      fc.property(text, (t) => {
        const n = plainMatches(t);
        if (n > 0) matched++;
        return n === 0 || mayHoldSpokenRun(t);
      }),
      { numRuns: 3000 },
    );
    // The generator must reach the pattern often enough for the property to mean something.
    expect(matched).toBeGreaterThan(30);
  });

  it("passes runs at their edges and rules out texts with fewer words in a row", () => {
    expect(mayHoldSpokenRun("call oh seven seven double four, one two")).toBe(true);
    expect(mayHoldSpokenRun("CALL ZWO ZWO NULL ACHT NEUN SECHS SIEBEN")).toBe(true);
    expect(mayHoldSpokenRun("ſix ſix ſix ſix ſix ſix ſix")).toBe(true);
    expect(mayHoldSpokenRun("one two three four five six")).toBe(false);
    expect(mayHoldSpokenRun("one two three. four five six seven")).toBe(false);
    expect(mayHoldSpokenRun("one two three    four five six seven")).toBe(false);
    // A lone high surrogate is one unit: the word right after it opens the run.
    expect(mayHoldSpokenRun("\ud800one two three four five six seven")).toBe(true);
    expect(mayHoldSpokenRun("😀one two three four five six seven")).toBe(true);
    expect(mayHoldSpokenRun("Meet me at ten to discuss the two plans with one of them.")).toBe(false);
  });

  it("keeps a spoken number after a lone high surrogate (a text cut inside a pair)", () => {
    const text = "Please call me on \ud800one two three four five six seven";
    expect(spokenPhoneRecognizer.analyze(text, { regions: [] }).map((r) => text.slice(r.start, r.end))).toEqual([
      "one two three four five six seven",
    ]);
  });

  it("reads words of ASCII letters by their hash as the lower-cased word would be read", () => {
    // The plain reading: every word lower-cased and looked up as a string.
    const set = new Set(SPOKEN_NUMBER_WORDS);
    const reference = (text: string): boolean => {
      let inRow = 0;
      let gap = -1;
      for (let i = 0; i < text.length; ) {
        const word = /^\p{L}+/u.exec(text.slice(i))?.[0];
        if (word) {
          const lower = word
            .toLowerCase()
            .replace(/\u017f/g, "s")
            .replace(/\u212a/g, "k");
          if (set.has(lower)) {
            inRow = gap >= 1 && gap <= 3 ? inRow + 1 : 1;
            if (inRow >= 7) return true;
          } else inRow = 0;
          gap = 0;
          i += word.length;
          continue;
        }
        const c = text.charCodeAt(i);
        if ([32, 44, 45, 0xa0, 0x2013].includes(c) && gap >= 0) gap++;
        else {
          inRow = 0;
          gap = -1;
        }
        i += c >= 0xd800 && c <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
      }
      return false;
    };
    // Number words, the same with a letter changed or added (a hash may collide, the letters must not), cased.
    const near = fc
      .tuple(fc.constantFrom(...SPOKEN_NUMBER_WORDS), fc.nat(8), fc.constantFrom("", "a", "z", "é", "ſ", "\u212a", "İ"))
      .map(([w, at, extra]) => (at < w.length ? w.slice(0, at) + extra + w.slice(at + 1) : w + extra))
      // A one-letter word ("y", "e") with its letter taken out is no word.
      .filter((w) => w.length > 0);
    const word = fc
      .tuple(fc.oneof({ arbitrary: fc.constantFrom(...SPOKEN_NUMBER_WORDS), weight: 8 }, near), fc.nat(2))
      .map(([w, c]) => (c === 0 ? w : c === 1 ? w.toUpperCase() : w[0]!.toUpperCase() + w.slice(1)));
    let runs = 0;
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            word,
            fc.oneof({ arbitrary: fc.constantFrom(...SEPARATORS), weight: 12 }, fc.constantFrom(...BREAKS)),
          ),
          { minLength: 1, maxLength: 20 },
        ),
        (parts) => {
          const text = parts.map(([w, g]) => w + g).join("");
          const expected = reference(text);
          if (expected) runs++;
          expect(mayHoldSpokenRun(text)).toBe(expected);
        },
      ),
      { numRuns: 3_000 },
    );
    expect(runs).toBeGreaterThan(30);
  });
});
