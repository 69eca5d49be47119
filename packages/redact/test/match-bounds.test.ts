// Patterns are skipped on texts with fewer digits than every match of theirs consumes, a bound read off the regex
// source. A bound too high would lose findings silently, so it is checked against real matches: the corpus's, and
// random texts' for a set of tricky shapes.
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { digitProfile } from "../src/digit-profile";
import { PATTERN_RECOGNIZERS, type PatternRecognizer, parseCorpus } from "../src/index";
import { type DigitNeeds, digitNeeds, longestMatch } from "../src/match-bounds";

const SET_NOTATION = "gv";

function holds(needs: DigitNeeds, match: string): boolean {
  const { digits, run } = digitProfile(match);
  return digits >= needs.digits && run >= needs.run;
}

function matches(regex: RegExp, text: string): string[] {
  const out: string[] = [];
  const copy = new RegExp(regex.source, regex.flags.includes("g") ? regex.flags : `${regex.flags}g`);
  for (let m = copy.exec(text); m !== null; m = copy.exec(text)) {
    out.push(m[0]);
    if (m[0].length === 0) copy.lastIndex++;
  }
  return out;
}

const corpus = ["dev", "test", "heldout", "unseen"].flatMap((split) =>
  parseCorpus(JSON.parse(readFileSync(new URL(`../corpus/${split}.json`, import.meta.url), "utf8"))).map(
    (s) => s.full_text,
  ),
);

describe("digitNeeds", () => {
  it("reads the digits a pattern cannot match without", () => {
    expect(digitNeeds(/(?<![\p{L}\p{N}])(\d{3})([- .]?)(\d{2})\2(\d{4})/gu)).toEqual({ digits: 9, run: 4 });
    expect(digitNeeds(/\d(?:[ -]?\d){12,18}/g)).toEqual({ digits: 13, run: 1 });
    expect(digitNeeds(/(?:1[89]\d\d|2[01]\d\d)-(?:0[1-9]|1[0-2])/g)).toEqual({ digits: 6, run: 4 });
    expect(digitNeeds(/[0-9]{2}[0-5]\d/g)).toEqual({ digits: 4, run: 4 });
    expect(digitNeeds(/\d{3}\d?\d{2}/g)).toEqual({ digits: 5, run: 5 });
    expect(digitNeeds(/(?=\d{9})\d{2}/g)).toEqual({ digits: 2, run: 2 });
    // Escaped digits are digits: the parser decodes them.
    expect(digitNeeds(/\u0030{4}/g)).toEqual({ digits: 4, run: 4 });
    expect(digitNeeds(/\x30{4}/g)).toEqual({ digits: 4, run: 4 });
  });

  it("claims nothing where a match may hold no digit", () => {
    for (const regex of [
      /\d*/g,
      /a|\d{4}/g,
      /(?:\d{4})?/g,
      /[\d-]{4}/g,
      /[^\d]{4}/g,
      /[0-9a-f]{4}/gi,
      /\p{N}{4}/gu,
      /(\d{0})\1{4}/g,
      // Set notation: the reader does not follow it (the flags are a variable so no literal needs ES2024).
      new RegExp("[\\d--[0]]{2}", SET_NOTATION),
    ])
      expect(digitNeeds(regex), String(regex)).toEqual({ digits: 0, run: 0 });
  });

  it("does not count a run across what may separate it", () => {
    expect(digitNeeds(/\d{3}[ -]?\d{4}/g)).toEqual({ digits: 7, run: 4 });
    expect(digitNeeds(/\d{2}(?:\d|x)\d{2}/g)).toEqual({ digits: 4, run: 2 });
    expect(digitNeeds(/(\d)\1\d/g)).toEqual({ digits: 2, run: 1 });
  });

  it("holds for every match of every built-in pattern on the labeled corpora", () => {
    let checked = 0;
    for (const recognizer of PATTERN_RECOGNIZERS) {
      const patterns = (recognizer as Partial<PatternRecognizer>).patterns ?? [];
      for (const pattern of patterns) {
        const needs = digitNeeds(pattern.regex);
        for (const text of corpus) {
          for (const match of matches(pattern.regex, text)) {
            checked++;
            expect(holds(needs, match), `${recognizer.name} ${pattern.regex} on ${JSON.stringify(match)}`).toBe(true);
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(500);
  });

  it("holds for every match of tricky shapes on random text", () => {
    const shapes = [
      /(\d{1,2})([./-])(\d{1,2})\2(\d{4}|\d{2})/g,
      /(?:\+|00)?(?:\(\d{1,5}\)\s?)?\d{1,14}(?:(?:[ .\-/]{1,2}|\s?\()\(?\d{1,14}\)?){0,7}/g,
      /[A-Z]{2}\d{2}(?: ?[A-Z0-9]){4,8}/g,
      /(?:a|\d{2}b)\d(?:c\d{3}|\d{5})?/g,
      /(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)/g,
    ];
    const piece = fc.constantFrom(
      "1",
      "23",
      "456",
      "7890",
      " ",
      "-",
      ".",
      "/",
      "(",
      ")",
      "+",
      "00",
      "a",
      "b",
      "c",
      "DE",
      "X",
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const text = pieces.join("");
        for (const regex of shapes) {
          const needs = digitNeeds(regex);
          for (const match of matches(regex, text)) expect(holds(needs, match), `${regex} ${match}`).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe("longestMatch", () => {
  it("bounds what a match can span, counting any character as two units", () => {
    expect(longestMatch("\\d{3}-\\d{4}", "g")).toBe(9);
    expect(longestMatch("(?:ab|c)[x-z]?(?=q{9})", "g")).toBe(6);
    expect(longestMatch("(?<![\\p{L}])\\p{Lu}{1,5}", "gu")).toBe(10);
    expect(longestMatch("a+", "g")).toBe(Number.POSITIVE_INFINITY);
    expect(longestMatch("(a)\\1", "g")).toBe(Number.POSITIVE_INFINITY);
    expect(longestMatch("(?:)*x", "g")).toBe(2);
    expect(longestMatch("(unbalanced", "g")).toBe(Number.POSITIVE_INFINITY);
  });
});

describe("digitProfile", () => {
  it("counts ASCII digits and the longest run, not other numerals", () => {
    expect(digitProfile("tel 030 1234-567, room 12")).toEqual({ digits: 12, run: 4 });
    expect(digitProfile("٣٤٥ no ascii digits")).toEqual({ digits: 0, run: 0 });
    expect(digitProfile("")).toEqual({ digits: 0, run: 0 });
  });
});
