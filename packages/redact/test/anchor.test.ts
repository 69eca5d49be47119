// A pattern's `anchor` lets it skip every stretch of text more than `within` characters before the next landmark, so
// every match must hold a landmark that close to its start: checked for every built-in pattern, against the same
// pattern without it, on the corpora and on random texts made of the pieces addresses, domains and URLs are made of.
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

const probe = (pattern: Pattern) => patternRecognizer({ name: "probe", type: "ID", patterns: [pattern] });
const anchored = PATTERN_RECOGNIZERS.flatMap((r) =>
  ((r as Partial<PatternRecognizer>).patterns ?? []).flatMap((p, k) => {
    if (!p.anchor) return [];
    // Without `requires` too: the anchor alone must lose nothing.
    const { anchor: _, requires: __, ...plain } = p;
    const { requires: ___, ...anchorOnly } = p;
    return [{ name: `${r.name}#${k}`, anchored: probe(anchorOnly), plain: probe(plain) }];
  }),
);

const find = (recognizer: PatternRecognizer, text: string) =>
  JSON.stringify(recognizer.analyze(text, { regions: [] }).map((e) => [e.start, e.end, e.score]));

// Matches whose landmark is as far from their start as the pattern allows: a `within` one too short loses them.
const farthest = [
  `mail ${"𝐀".repeat(64)}@example.com today`,
  `mail ${"a".repeat(64)}@example.com today`,
  `see ${`${"a".repeat(63)}.`.repeat(4)}com now`,
  `see ${`${"b".repeat(63)}.`.repeat(3)}io now`,
  "go to https://example.com/x or ftp://files.example.org or www.example.net",
  // Four street-name words of 25 letters, astral but the first (an index inside a pair is moved back to its start),
  // then the street word: 203 units from the start.
  `at A${"𝐀".repeat(24)} ${Array(3).fill("𝐀".repeat(25)).join(" ")} Caddesi 5`,
  `at ${Array(4)
    .fill(`A${"b".repeat(24)}`)
    .join(" ")} Sokak No: 12`,
];

describe("anchor", () => {
  it("finds the matches whose landmark is farthest from their start", () => {
    for (const text of farthest) {
      const all = anchored.map((p) => find(p.plain, text));
      expect(
        all.some((f) => f !== "[]"),
        text,
      ).toBe(true);
      for (const p of anchored) expect(find(p.anchored, text), `${p.name} on ${text}`).toBe(find(p.plain, text));
    }
  });

  it("loses nothing a built-in pattern finds on the corpora", () => {
    expect(anchored.length).toBeGreaterThanOrEqual(3);
    let found = 0;
    for (const p of anchored) {
      for (const text of corpus) {
        const expected = find(p.plain, text);
        if (expected !== "[]") found++;
        expect(find(p.anchored, text), `${p.name} on ${JSON.stringify(text)}`).toBe(expected);
      }
    }
    expect(found).toBeGreaterThan(50);
  });

  it("loses nothing a built-in pattern finds on random texts, with local parts and labels as long as allowed", () => {
    const run = (chars: readonly string[], max: number) =>
      fc.array(fc.constantFrom(...chars), { minLength: 1, maxLength: max }).map((a) => a.join(""));
    // Local parts and labels up to and past their longest, of one- and two-unit characters.
    const local = run(["a", "Z", "9", "𝐀", "é", ".", "-", "_", "+", "'", "%", "٣"], 70);
    const label = run(["a", "b", "9", "-", "ſ", "\u212a"], 66);
    const domain = fc
      .tuple(fc.array(label, { minLength: 1, maxLength: 5 }), fc.constantFrom("com", "co", "uk", "de", "io", "xx"))
      .map(([labels, tld]) => `${labels.join(".")}.${tld}`);
    const piece = fc.oneof(
      fc.tuple(local, domain).map(([l, d]) => `${l}@${d}`),
      domain,
      fc.tuple(fc.constantFrom("http", "https", "ftp", "hxxp", "www."), domain).map(([s, d]) => `${s}://${d}/x`),
      fc.constantFrom("@", ".", "-", "/", ":", "://", "www.", " ", "\n", "(", ")", "𝐀", "a"),
      // Postcodes and towns after a street and number, and before none.
      fc.constantFrom(
        ", 28195 Bremen",
        " 75002 Paris",
        ", 602 00 Brno",
        ", 00-950 Warszawa",
        " 1234 𝐀b",
        " 5 ",
        "Am Wall 140",
      ),
      // Street names of up to four capitalized words, long and astral ones too, before or after a street word.
      fc
        .tuple(
          fc.array(run(["A", "𝐀", "b", "ü", "'", ".", "-"], 26), { minLength: 1, maxLength: 5 }),
          fc.constantFrom(
            "ul.",
            "ulica",
            "al. ",
            "os.",
            "ул. ",
            "просп.",
            " Caddesi",
            " Cad.",
            " Sokağı",
            " Sk.",
            " Blv.",
          ),
          fc.constantFrom(" 5", " No: 212", ", Nr. 4a", " 84/92", "12", ""),
        )
        .map(([words, street, house]) =>
          street.startsWith(" ") ? `${words.join(" ")}${street}${house}` : `${street}${words.join(" ")}${house}`,
        ),
    );
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 8 }), (pieces) => {
        const text = pieces.join("");
        for (const p of anchored)
          expect(find(p.anchored, text), `${p.name} on ${JSON.stringify(text)}`).toBe(find(p.plain, text));
      }),
      { numRuns: 1_000 },
    );
  });

  it("skips a landmark whose look-behind fails, and finds the next", () => {
    // "al." ends "final.", "g." ends "e.g.": a landmark that opens with a look-behind is found without it, and the
    // character before each one checked, as a pattern's leading look-behind is.
    const street = probe({
      regex: /(?<![a-z])(?:ul|al)\. [A-Z][a-z]+ \d+/g,
      score: 1,
      anchor: { regex: /(?<![a-z])(?:ul|al)\./, within: 0 },
    });
    const text = "final. Word 5, then aul. Bad 6 and ul. Long 7, al. Mokotowska 12";
    expect(find(street, text)).toBe(
      JSON.stringify([
        [35, 45, 1],
        [47, 64, 1],
      ]),
    );
  });

  it("would lose a match with a landmark further from its start than `within` says", () => {
    // A `within` one short of where the "@" can sit loses the match: what the checks above would catch.
    const tooNear = probe({
      regex: /(?<![\w.])\w[\w.]{0,9}@\w+\.\w{2,}/g,
      score: 1,
      anchor: { regex: /@/, within: 9 },
    });
    const text = "write to abcdefghij@example.org today";
    expect(find(tooNear, text)).toBe("[]");
    const right = probe({ regex: /(?<![\w.])\w[\w.]{0,9}@\w+\.\w{2,}/g, score: 1, anchor: { regex: /@/, within: 10 } });
    expect(find(right, text)).toBe(JSON.stringify([[9, 31, 1]]));
  });

  it("tries a pattern with a run only at the starts inside the run before each landmark", () => {
    const email = (run: RegExp) =>
      probe({ regex: /(?<![\w.])\w[\w.]{0,30}@\w+\.\w{2,}/g, score: 1, anchor: { regex: /@/, within: 31, run } });
    // "@handle" and "x @ y" hold landmarks without a match; the addresses after them are still found.
    const text = "ping @kemi or x @ y, then write to ana.b@example.org or z@q.io";
    const expected = JSON.stringify([
      [35, 52, 1],
      [56, 62, 1],
    ]);
    expect(find(email(/[\w.]/), text)).toBe(expected);
    // A run class without the dot stops at "ana.": the address is then tried from "b" only, and found short.
    expect(find(email(/\w/), text)).not.toBe(expected);
  });
});
