// A pattern recognizer skips a regex on a text when the text lacks what every match needs (its digits, the words read
// off the regex, a `requires` test). A skip that is wrong loses a finding silently, so these properties run the
// recognizer against a plain run of the same regexes, with no shortcut, on texts made of each regex's own words in
// other cases, decomposed, with other letters, marks, digits and scripts around them: every built-in pattern, and
// random regexes of the shapes the word reading follows (boundaries, alternations, quantifiers, look-arounds,
// back-references), since any regex a caller passes to patternRecognizer must stay correct.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PATTERN_RECOGNIZERS, type Pattern, type PatternRecognizer, patternRecognizer } from "../src/index";
import { headStarts, holdsCjk, mayHoldHeads, registerHeads } from "../src/text-heads";
import { wordHeads } from "../src/word-heads";

const CONTEXT = { regions: [] };

/** What a pattern recognizer should report: each regex run over the whole text, each match through its validator. */
function plain(patterns: readonly Pattern[], text: string): string[] {
  const out: string[] = [];
  for (const p of patterns) {
    const regex = new RegExp(p.regex.source, p.regex.flags);
    for (let m = regex.exec(text); m !== null; m = regex.exec(text)) {
      if (m[0].length === 0) {
        // As String.prototype.matchAll steps on after an empty match: one code point in `u` mode.
        const c = text.codePointAt(m.index) ?? 0;
        regex.lastIndex = m.index + (regex.unicode && c > 0xffff ? 2 : 1);
        continue;
      }
      let start = m.index;
      let end = m.index + m[0].length;
      if (p.group) {
        const span = m.indices?.[p.group];
        if (!span) continue;
        [start, end] = span;
      }
      const verdict = p.validate ? p.validate(text.slice(start, end), m, text, CONTEXT) : p.score;
      // A pattern that names its heads is tried again from the next position after a match its validator turns down.
      if (verdict === null && p.heads)
        regex.lastIndex = m.index + (regex.unicode && (text.codePointAt(m.index) ?? 0) > 0xffff ? 2 : 1);
      if (verdict === null) continue;
      const r = typeof verdict === "number" ? { start, end, score: verdict } : verdict;
      if (r.end > r.start) out.push(`${r.start}-${r.end}:${r.score}`);
    }
  }
  return out.sort();
}

function shortcut(recognizer: PatternRecognizer, text: string): string[] {
  return recognizer
    .analyze(text, CONTEXT)
    .map((r) => `${r.start}-${r.end}:${r.score}`)
    .sort();
}

/** Where `regex` finds a non-empty match in `text`, tried at every position. */
function matchStarts(regex: RegExp, text: string): number[] {
  const copy = new RegExp(regex.source, `${regex.flags.replace(/[gy]/g, "")}y`);
  const out: number[] = [];
  for (let at = 0; at < text.length; at++) {
    copy.lastIndex = at;
    const m = copy.exec(text);
    if (m !== null && m[0].length > 0) out.push(at);
  }
  return out;
}

/** Whether `regex` matches `text` with a non-empty match. */
function matchesSomewhere(regex: RegExp, text: string): boolean {
  const copy = new RegExp(regex.source, `${regex.flags.replace(/[gy]/g, "")}g`);
  for (const m of text.matchAll(copy)) if (m[0].length > 0) return true;
  return false;
}

// The same word as a text may write it: other case, decomposed or composed, with the letters case folding equates
// (ſ and s, the Kelvin sign and k, ẞ and ß, the dotted and dotless i), a combining mark inside.
const SPELLINGS: readonly ((w: string) => string)[] = [
  (w) => w,
  (w) => w.toUpperCase(),
  (w) => w.toLowerCase(),
  (w) => w.charAt(0).toUpperCase() + w.slice(1),
  (w) => w.normalize("NFD"),
  (w) => w.normalize("NFC"),
  (w) => w.toUpperCase().normalize("NFD"),
  (w) => w.replace(/s/g, "ſ"),
  (w) => w.replace(/k/gi, "\u212a"),
  (w) => w.replace(/ß/g, "ẞ"),
  (w) => w.replace(/ß/g, "ss"),
  (w) => w.replace(/i/g, "ı"),
  (w) => w.replace(/I/g, "İ"),
  (w) => w.replace(/(?<=^.)/u, "\u0301"),
  (w) => w.replace(/[вдостъ]/g, (c) => String.fromCharCode(0x1c80 + "вдостъ".indexOf(c))),
  (w) => w.replace(/σ$/u, "ς"),
];

const NEIGHBOURS = [
  " ",
  "  ",
  "\n",
  "\t",
  "-",
  "_",
  "'",
  "’",
  ".",
  ",",
  ":",
  "/",
  "1",
  "12",
  "2024",
  "3pm",
  "14:00",
  "x",
  "Ab",
  "é",
  "e\u0301",
  "\u0301",
  "日本",
  "🙂",
  "𝐀",
  "\ud800",
  "\udc00",
  "ſ",
  "\u212a",
  "ß",
  "ẞ",
  "İ",
  "ı",
  "Σ",
  "ς",
  "\u0345",
  "Ɓ",
  "ɓ",
  "ᲀ",
  "в",
  "ǅ",
  "Ａ",
  "ﬁ",
  "µ",
];

function textOf(words: readonly string[]): fc.Arbitrary<string> {
  const word = fc.tuple(fc.constantFrom(...words), fc.constantFrom(...SPELLINGS)).map(([w, spell]) => spell(w));
  return fc
    .array(fc.oneof({ weight: 3, arbitrary: word }, { weight: 2, arbitrary: fc.constantFrom(...NEIGHBOURS) }), {
      minLength: 1,
      maxLength: 10,
    })
    .map((pieces) => pieces.join(""));
}

// Words as patterns and texts write them, with the letters whose case folding is unusual.
const WORDS = [
  "foo",
  "bar",
  "mai",
  "straße",
  "sunday",
  "ſunday",
  "kelvin",
  "\u212aelvin",
  "İstanbul",
  "ısparta",
  "σοφία",
  "café",
  "cafe\u0301",
  "naïve",
  "ﬁle",
  "Ｆｏｏ",
  "Ɓaba",
  "ɓaba",
  "Ɛwe",
  "ᲀера",
  "вера",
  "ǅemal",
  "µeter",
  "\u212bngström",
  "o'brien",
  "bestell",
];

const escapeSource = (w: string) => w.replace(/[\\^$.*+?()[\]{}|/]/g, "\\$&");

interface Shape {
  readonly source: string;
  readonly words: readonly string[];
  /** A text the shape may match (one way through it), so that texts built around it often hold a match. */
  readonly sample: string;
}

const joinShapes = (parts: readonly Shape[], sep = ""): Shape => ({
  source: parts.map((p) => p.source).join(sep),
  words: parts.flatMap((p) => p.words),
  sample: sep === "" ? parts.map((p) => p.sample).join("") : (parts[0]?.sample ?? ""),
});

// A character each atom matches.
const ATOM_SAMPLE: Record<string, string> = {
  "\\s": " ",
  "\\d": "7",
  "[-.]": ".",
  "[ \\t]": "\t",
  "\\w": "_",
  ".": "x",
  "[a-z]": "q",
  "\\u0301": "\u0301",
  "\\S": "z",
  "\\W": ",",
  "\\D": "-",
  "[^a-z]": "9",
  "\\p{L}": "é",
  "[^\\p{L}]": " ",
  "\\p{Lu}": "Q",
  "\\p{N}": "4",
  "\\p{P}": "!",
  "\\p{M}": "\u0308",
  "[^\\S\\n]": " ",
  "[\\p{L}\\p{N}]": "5",
};
const BOUNDARY_SAMPLE: Record<string, string> = { "\\s": " ", "-": "-", "\\d": "3" };

const ATOMS = [
  "\\s",
  "\\d",
  "[-.]",
  "[ \\t]",
  "\\w",
  ".",
  "[a-z]",
  "'",
  "’",
  "-",
  "_",
  "\\u0301",
  "\\S",
  "\\W",
  "\\D",
  "[^a-z]",
  "\\p{L}",
  "[^\\p{L}]",
  "\\p{Lu}",
  "\\p{N}",
  "\\p{P}",
  "\\p{M}",
  "[^\\S\\n]",
  "[\\p{L}\\p{N}]",
];

const ASSERTIONS = [
  "(?!\\p{L})",
  "(?![\\p{L}\\p{N}])",
  "(?=\\s)",
  "(?![a-z])",
  "(?=[-x])",
  "(?!\\S)",
  "(?=\\s?x)",
  "(?!x)",
  "$",
  "\\b",
  "\\B",
  "(?<!\\p{L})",
  "(?<=\\s)",
];

const BOUNDARIES = [
  "(?<!\\p{L})",
  "(?<![\\p{L}\\p{N}])",
  "^",
  "(?<!\\S)",
  "\\s",
  "-",
  "\\d",
  "",
  "\\b",
  "(?<![A-Za-z])",
];

const BOUNDED = ["?", "{2}", "??", "{1,2}"];
const QUANTIFIERS = [...BOUNDED, "{0,3}", "{1,3}?"];

const word = fc
  .tuple(fc.constantFrom(...WORDS), fc.constantFrom(...SPELLINGS))
  .map(([w, spell]) => ({ source: escapeSource(w), words: [w], sample: spell(w) }));
// "[sS]", "[ɓƁ]": a pattern's letter in both cases.
const letterClass = fc
  .constantFrom(...WORDS)
  .map((w) => [...w][0]!)
  .map((c) => ({
    source: `[${c}${c.toUpperCase() === c ? c.toLowerCase() : c.toUpperCase()}]`,
    words: [c],
    sample: c.toUpperCase(),
  }));
const atom = fc.constantFrom(...ATOMS).map((a) => ({ source: a, words: [], sample: ATOM_SAMPLE[a] ?? a }));
// What a quantifier repeats: one atom, or a group of words and atoms a few times. No quantifier inside another and no
// unbounded repeat of an alternation, so that the engine's own backtracking stays short on these texts.
const repeated = fc.oneof(
  fc.tuple(fc.oneof(word, letterClass, atom), fc.constantFrom(...QUANTIFIERS)),
  fc.tuple(
    fc.array(fc.oneof(word, letterClass, atom), { minLength: 1, maxLength: 3 }).map((alts) => {
      const inner = joinShapes(alts, "|");
      return { source: `(?:${inner.source})`, words: inner.words, sample: inner.sample };
    }),
    fc.constantFrom(...BOUNDED),
  ),
);

const { sequence } = fc.letrec<{ element: Shape; sequence: Shape }>((tie) => ({
  element: fc.oneof(
    { maxDepth: 2, depthIdentifier: "group" },
    { weight: 4, arbitrary: word },
    { weight: 2, arbitrary: letterClass },
    { weight: 3, arbitrary: atom },
    { weight: 1, arbitrary: fc.constantFrom(...ASSERTIONS).map((a) => ({ source: a, words: [], sample: "" })) },
    {
      weight: 2,
      arbitrary: repeated.map(([e, q]) => ({
        source: `(?:${e.source})${q}`,
        words: e.words,
        sample: e.sample.repeat(q.startsWith("{2") ? 2 : 1),
      })),
    },
    {
      weight: 2,
      arbitrary: fc
        .tuple(fc.array(tie("sequence"), { minLength: 1, maxLength: 3 }), fc.boolean())
        .map(([alts, capture]) => {
          const inner = joinShapes(alts, "|");
          return { source: `(${capture ? "" : "?:"}${inner.source})`, words: inner.words, sample: inner.sample };
        }),
    },
    { weight: 1, arbitrary: fc.constant({ source: "\\1", words: [], sample: "" }) },
  ),
  sequence: fc.array(tie("element"), { minLength: 1, maxLength: 3 }).map((els) => joinShapes(els)),
}));

const randomPattern = fc
  .tuple(
    fc.array(fc.tuple(fc.constantFrom(...BOUNDARIES), sequence), { minLength: 1, maxLength: 3 }),
    fc.subarray(["i", "u", "m", "s", "y"]),
  )
  .map(([alts, flags]) => {
    const shape = joinShapes(
      alts.map(([b, s]) => ({ source: b + s.source, words: s.words, sample: (BOUNDARY_SAMPLE[b] ?? "") + s.sample })),
      "|",
    );
    let regex: RegExp | null = null;
    try {
      if (shape.source.length <= 240) regex = new RegExp(shape.source, `g${flags.join("")}`);
    } catch {
      // Not every shape is a valid regex under every flag ("\1" with no group under `u`).
    }
    return { regex, words: [...shape.words, shape.sample] as readonly string[] };
  })
  .filter((p): p is { regex: RegExp; words: readonly string[] } => p.regex !== null);

describe("word heads against the engine", () => {
  it("random regexes: the recognizer finds what a plain run finds", () => {
    fc.assert(
      fc.property(
        randomPattern.chain((p) =>
          fc.tuple(
            fc.constant(p),
            fc.array(textOf([...p.words, ...WORDS.slice(0, 4)]), { minLength: 1, maxLength: 4 }),
          ),
        ),
        ([{ regex }, texts]) => {
          const recognizer = patternRecognizer({ name: "random", type: "ID", patterns: [{ regex, score: 0.9 }] });
          const heads = wordHeads(regex);
          const slot = heads ? registerHeads(heads, holdsCjk(regex.source)) : -1;
          for (const text of texts) {
            if (slot >= 0 && matchesSomewhere(regex, text))
              expect(mayHoldHeads(text, slot), `${regex} on ${JSON.stringify(text)}`).toBe(true);
            // Heads read at the start: every match starts where a word with a head does.
            const starts = heads?.atStart ? headStarts(text, slot) : null;
            if (starts)
              for (const at of matchStarts(regex, text))
                expect(starts, `${regex} on ${JSON.stringify(text)}`).toContain(at);
            expect(shortcut(recognizer, text), `${regex} on ${JSON.stringify(text)}`).toEqual(
              plain([{ regex, score: 0.9 }], text),
            );
          }
        },
      ),
      { numRuns: 1000 },
    );
  });

  const builtIn = PATTERN_RECOGNIZERS.flatMap((r) =>
    ((r as Partial<PatternRecognizer>).patterns ?? []).map((pattern, k) => ({
      name: `${r.name}#${k}`,
      pattern,
      // One recognizer per pattern: the shortcuts are per pattern, and the built-in recognizers add their own steps.
      recognizer: patternRecognizer({ name: r.name, type: r.types[0]!, patterns: [pattern] }),
      // The words of the pattern's own source: its keywords, in the case and form it writes them; and the words it
      // names as its heads, when its regex leaves them out.
      words: [
        ...new Set([
          ...(pattern.regex.source.replace(/\\[pPuxk]\{[^}]*\}|\\./g, " ").match(/\p{L}{2,}/gu) ?? []),
          ...(pattern.heads?.words ?? []),
        ]),
      ],
    })),
  );

  it("built-in patterns: each recognizer finds what a plain run finds", () => {
    expect(builtIn.length).toBeGreaterThan(60);
    const withWords = builtIn.filter((p) => p.words.length > 0);
    fc.assert(
      fc.property(
        fc.constantFrom(...withWords).chain((p) => fc.tuple(fc.constant(p), textOf([...p.words, "12", "2024", "3"]))),
        ([p, text]) => {
          expect(shortcut(p.recognizer, text), `${p.name} on ${JSON.stringify(text)}`).toEqual(
            plain([p.pattern], text),
          );
        },
      ),
      { numRuns: 1000 },
    );
  });
});

// Cases these properties found, kept as examples: each lost a finding before its fix.
describe("found by the properties", () => {
  const cases: [string, RegExp, string, RegExp?][] = [
    // Under `iu`, "ſ" is "s": a pattern writing "ſ" matches "sunday", and had no head for it.
    ["a letter that folds onto a foldable one (ſ)", /(?<!\p{L})ſunday(?!\p{L})/giu, "see you sunday"],
    // "ᲀ" (rounded ve) is "в" under both `i` and `iu`.
    ["a letter that folds onto a foldable one (ᲀ)", /(?<!\p{L})ᲀера(?!\p{L})/giu, "see вера"],
    // "Ɓ" is foldable, its lower case "ɓ" is not: the head was left out, case-sensitive pattern or not.
    ["a foldable letter whose lower case is not foldable", /(?<!\p{L})Ɓaba(?!\p{L})/gu, "Ɓaba said"],
    ["a foldable letter whose lower case is not foldable, folded", /(?<!\p{L})ɛwe(?!\p{L})/giu, "in Ɛwe"],
    // A lone high surrogate made the text's reading skip the letter after it.
    ["a lone high surrogate before a word", /(?<!\p{L})foo(?!\p{L})/gu, "\ud800foo"],
    // An empty match before an emoji under `u`: one unit on is inside the pair, which the engine reads from its start
    // again, so analyze never returned.
    ["an empty match before a surrogate pair", /(?<!\p{L})(?:mai)?/gu, "f🙂mai"],
    // A sticky pattern split off its look-behind went on past the first position it failed at.
    ["a sticky pattern opening with a look-behind", /(?<!\p{L})(?:foo)?/guy, "foo K foo"],
    // A sticky keyword pattern matches only where its last match ended, not at every word with its keyword.
    ["a sticky keyword pattern", /(?<!\p{L})foo/guy, "foo foo x foo"],
    // A `requires` test without `u` does not equate "ſ" with "s" as the `iu` pattern does.
    ["a requires test folding less than its pattern", /(?<!\p{L})tiistai(?!\p{L})/giu, "tiiſtai", /tiistai/i],
  ];
  for (const [what, regex, text, requires] of cases) {
    it(what, () => {
      const pattern: Pattern = requires ? { regex, score: 0.9, requires } : { regex, score: 0.9 };
      const recognizer = patternRecognizer({ name: "example", type: "ID", patterns: [pattern] });
      const expected = plain([pattern], text);
      expect(expected.length, "the example needs a match").toBeGreaterThan(0);
      expect(shortcut(recognizer, text)).toEqual(expected);
    });
  }
});
