// Patterns that open with a look-behind may run without it, the character before each match checked in code, and
// patterns are skipped on texts without their digits. The engine must report the very spans the whole pattern
// matches, on the corpora and on random text with astral characters.
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PATTERN_RECOGNIZERS, type PatternRecognizer, parseCorpus, patternRecognizer } from "../src/index";
import { leadingLookBehind } from "../src/leading-look-behind";

function whole(regex: RegExp, text: string): string[] {
  const copy = new RegExp(regex.source, regex.flags);
  const out: string[] = [];
  for (let m = copy.exec(text); m !== null; m = copy.exec(text)) {
    if (m[0].length === 0) copy.lastIndex++;
    else out.push(`${m.index}-${m.index + m[0].length}`);
  }
  return out;
}

// One probe per pattern, built once: building compiles the pattern, which for the calendar-name lists costs more than
// running it on a short text.
const probes = new Map<RegExp, PatternRecognizer>();

/** The spans the engine reports for the pattern alone: split, digit-gated, whatever it does to run it. */
function engine(regex: RegExp, text: string): string[] {
  let recognizer = probes.get(regex);
  if (!recognizer) {
    recognizer = patternRecognizer({ name: "probe", type: "ID", patterns: [{ regex, score: 1 }] });
    probes.set(regex, recognizer);
  }
  return recognizer.analyze(text, { regions: [] }).map((r) => `${r.start}-${r.end}`);
}

const patterns = PATTERN_RECOGNIZERS.flatMap((r) => (r as Partial<PatternRecognizer>).patterns ?? []).map(
  (p) => p.regex,
);
const splittable = patterns.filter((r) => leadingLookBehind(r) !== null);
const corpus = ["dev", "test", "heldout", "unseen"].flatMap((name) =>
  parseCorpus(JSON.parse(readFileSync(new URL(`../corpus/${name}.json`, import.meta.url), "utf8"))).map(
    (s) => s.full_text,
  ),
);

describe("leadingLookBehind", () => {
  it("splits only a leading look-behind on one class, and keeps it where the rest may start inside a word", () => {
    expect(leadingLookBehind(/(?<![\p{L}\p{N}])(?:monday|friday)(?![\p{L}])/giu)?.rest.source).toBe(
      "(?:monday|friday)(?![\\p{L}])",
    );
    expect(leadingLookBehind(/(?<!\p{L})(?:pin|code)\s\d{4}/giu)?.before.test("a")).toBe(true);
    // The rest could start in the middle of any word: the look-behind stays.
    expect(leadingLookBehind(/(?<![\p{L}\p{N}])[\p{L}\p{N}]{1,20}@/gu)).toBeNull();
    // Unbounded, or long: a rejected match of the rest could cost more than the check saves.
    expect(leadingLookBehind(/(?<![\p{L}])(?:a|b)\d+/gu)).toBeNull();
    expect(leadingLookBehind(/(?<![\p{L}])www\.\S{2,2048}/gu)).toBeNull();
    // The look-behind guards only the first alternative.
    expect(leadingLookBehind(/(?<![\p{L}])ab|cd/gu)).toBeNull();
    expect(leadingLookBehind(/(?<=x)ab/gu)).toBeNull();
    expect(leadingLookBehind(/ab(?<![\p{L}])/gu)).toBeNull();
  });

  it("finds what the whole pattern finds, for every built-in pattern it splits, on the corpora", () => {
    expect(splittable.length).toBeGreaterThan(20);
    for (const regex of splittable)
      for (const text of corpus) expect(engine(regex, text), String(regex)).toEqual(whole(regex, text));
  });

  it("finds what the whole pattern finds on random text with digits, words and astral characters", () => {
    const piece = fc.constantFrom(
      "12",
      "2024",
      "3",
      " ",
      "-",
      ".",
      ",",
      ":",
      "/",
      "a",
      "Monday",
      "March",
      "am ",
      "pm",
      "10:30",
      "😀",
      "𝐀",
      "é",
      "1A",
      "0x",
      "de",
      "Straße ",
      "years old",
      "aged ",
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 24 }), (pieces) => {
        const text = pieces.join("");
        for (const regex of splittable)
          expect(engine(regex, text), `${regex} ${JSON.stringify(text)}`).toEqual(whole(regex, text));
      }),
      { numRuns: 300 },
    );
  });
});
