// The job-title patterns that read their role lists by lookup (a run of letters in the regex, the list in a Set, see
// Pattern.heads) must find what they found with the list written into the regex as an alternation: compared here on
// random texts of role words in several cases and forms, with the cues, names and punctuation around them.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Pattern, patternRecognizer } from "../src/pattern-recognizer";
import { LISTED_ROLE, LOCAL_ROLE_LIST, nameLineEnd, titleRecognizer } from "../src/recognizers/title-recognizer";
import { wordAlternation } from "../src/word-alternation";

const run = (pattern: Pattern, text: string) =>
  patternRecognizer({ name: "probe", type: "TITLE", patterns: [pattern] })
    .analyze(text, { regions: [] })
    .map((e) => `${e.start}-${e.end}:${e.score}`);

const listed = titleRecognizer.patterns.filter((p) => p.heads !== undefined);
// The same patterns as they were written before: the list in the regex, no heads given.
const written = listed.map(({ heads: _, ...p }): Pattern => {
  expect(p.regex.source).toContain(LISTED_ROLE);
  const source = p.regex.source.replace(LISTED_ROLE, `(${wordAlternation(LOCAL_ROLE_LIST)})`);
  return { ...p, regex: new RegExp(source, p.regex.flags) };
});

const role = fc
  .tuple(
    fc.constantFrom(...LOCAL_ROLE_LIST, "sage-femme", "nurse-led"),
    fc.constantFrom<(w: string) => string>(
      (w) => w,
      (w) => w.toUpperCase(),
      (w) => w[0]!.toUpperCase() + w.slice(1),
      (w) => `${w}s`,
      (w) => w.slice(1),
      (w) => `${w}\u0301`,
    ),
  )
  .map(([w, form]) => form(w));
const other = fc.constantFrom(
  ...["works as a", "comme", "sono", "is a", "my new", "le nouveau", "Anna Berg,", "Ana Ruiz,", "presso", "at", "bei"],
  ...[
    "Hotel Politeama",
    "Paola Moretti",
    "de Recursos Humanos",
    "général",
    "d'intérieur",
    "\n",
    "\n  ",
    ", ",
    " ",
    "-",
  ],
  ...["|", ".", "(", ")", "2024", "Best regards,\nJane Doe\n"],
);
const text = fc.array(fc.oneof(role, other), { minLength: 1, maxLength: 8 }).map((parts) => parts.join(" "));

describe("job-title patterns with their role lists read by lookup", () => {
  it("are short: a few hundred characters of source, not the lists", () => {
    expect(listed.length).toBe(6);
    for (const p of listed) expect(p.regex.source.length).toBeLessThan(1_500);
  });

  it("find what they found with the list written into the regex", () => {
    let found = 0;
    fc.assert(
      fc.property(text, (t) => {
        listed.forEach((p, k) => {
          const expected = run(written[k]!, t);
          if (expected.length > 0) found++;
          expect([k, t, run(p, t)]).toEqual([k, t, expected]);
        });
      }),
      { numRuns: 400 },
    );
    expect(found).toBeGreaterThan(100);
  });
});

describe("nameLineEnd", () => {
  const NAME_LINE_END = /\p{Lu}[\p{L}'’-]*\.?[^\S\n]\p{Lu}[\p{L}'’-]+[ \t]*\n/u;
  const piece = fc.constantFrom(
    ...["Anna", "BERG", "de", "O'Neil", "Jean-Luc", "x", "É", "Ωμέγα", "𝐀bc", "\ud800", "J.", "12", ".", ",", "-"],
    ...[" ", "  ", "\t", "\u00a0", "\n", "\n\n", "\r\n"],
  );
  it("never says no where the regex it stands for says yes, on texts of names, spaces and line breaks", () => {
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 14 }), (parts) => {
        const t = parts.join("");
        // A prefilter: it may say yes where the regex says no (a text holding a surrogate, a line of particles and a
        // family name such as "de Vries", which NAME_LINE takes too), never the reverse.
        if (NAME_LINE_END.test(t)) expect([t, nameLineEnd(t)]).toEqual([t, true]);
      }),
      { numRuns: 3000 },
    );
    expect(nameLineEnd("Best regards,\nJane Doe\nHead of Partnerships")).toBe(true);
    expect(nameLineEnd("Please call me back.\nThanks")).toBe(false);
    expect(nameLineEnd("Mit freundlichen Grüßen\nde Vries\nObjektbetreuerin")).toBe(true);
    expect(nameLineEnd("Wir sehen uns\nin der Stadt.\n")).toBe(false);
  });
});
