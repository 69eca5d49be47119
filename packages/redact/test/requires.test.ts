// A pattern's `requires` test lets it skip texts that fail it, so it must pass on every text where the pattern finds
// something (a match its validator keeps): checked for every built-in pattern, against the same pattern without the
// test, on the corpora and on random texts made of digits, separators and letters.
import { readdirSync, readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  PATTERN_RECOGNIZERS,
  type Pattern,
  type PatternRecognizer,
  parseCorpus,
  patternRecognizer,
} from "../src/index";

const corpus = readdirSync(new URL("../corpus/", import.meta.url))
  .filter((f) => f.endsWith(".json"))
  .flatMap((f) =>
    parseCorpus(JSON.parse(readFileSync(new URL(`../corpus/${f}`, import.meta.url), "utf8"))).map((s) => s.full_text),
  );

const gated = PATTERN_RECOGNIZERS.flatMap((r) =>
  ((r as Partial<PatternRecognizer>).patterns ?? []).flatMap((p, k) => {
    if (!p.requires) return [];
    const { requires: _, ...ungated } = p;
    const probe = (pattern: Pattern) => patternRecognizer({ name: "probe", type: "ID", patterns: [pattern] });
    return [{ name: `${r.name}#${k}`, gated: probe(p), ungated: probe(ungated) }];
  }),
);

const find = (recognizer: PatternRecognizer, text: string) =>
  JSON.stringify(recognizer.analyze(text, { regions: [] }).map((e) => [e.start, e.end, e.score]));

describe("requires", () => {
  it("loses nothing a built-in pattern finds on the corpora", () => {
    expect(gated.length).toBeGreaterThan(20);
    let found = 0;
    for (const p of gated) {
      for (const text of corpus) {
        const expected = find(p.ungated, text);
        if (expected !== "[]") found++;
        expect(find(p.gated, text), `${p.name} on ${JSON.stringify(text)}`).toBe(expected);
      }
    }
    expect(found).toBeGreaterThan(100);
  });

  it("loses nothing a built-in pattern finds on random texts", () => {
    const piece = fc.constantFrom(
      ...["1", "12", "123", "2024", "04", "9", "30", "00", "ab", "Cd", "EF", "x", "K1A", "D02", "SW1A", "1AA"],
      ...[" ", "\u00a0", "\n", "\t", ":", "-", ".", "/", ",", "(", ")", "h", "H", "am", "PM", "p.m.", "Uhr", "uur"],
      ...["Paris", "de", "Anna (", "aged", "GB", "DE89", "aa:", "bb-", "T", "Z", "+"],
    );
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 16 }), (pieces) => {
        const text = pieces.join("");
        for (const p of gated)
          expect(find(p.gated, text), `${p.name} on ${JSON.stringify(text)}`).toBe(find(p.ungated, text));
      }),
      { numRuns: 1_000 },
    );
  });

  it("reads a test without the `u` flag as its pattern does where the two readings differ", () => {
    const probe = (pattern: Pattern) => patternRecognizer({ name: "probe", type: "ID", patterns: [pattern] });
    // "ſ" and the Kelvin sign fold to "s" and "k" with the flag only; "😀" is two units without it and one with it.
    const pass = probe({ regex: /pass\w{2,}/giu, requires: /pass/i, score: 1 });
    const pair = probe({ regex: /a.b/giu, requires: /a.b/i, score: 1 });
    expect(find(pass, "paſsword: ok")).toBe(JSON.stringify([[0, 8, 1]]));
    expect(find(pass, "PAS\u212a? no: paSS\u212aey")).toBe(JSON.stringify([[10, 17, 1]]));
    expect(find(pair, "x a😀b y")).toBe(JSON.stringify([[2, 6, 1]]));
    // Other letters outside ASCII fold alike in both readings: "é" is no "e" in either.
    expect(find(pass, "passé, pässword")).toBe("[]");
  });
});
