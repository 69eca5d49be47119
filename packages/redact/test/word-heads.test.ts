// Keyword patterns are skipped on texts that hold none of the words every match of theirs holds, a list read off the
// regex source. A list too narrow would lose findings silently, so it is checked against the engine: its case folding
// character by character, and real matches, the corpus's and random texts'.
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PATTERN_RECOGNIZERS, type PatternRecognizer, parseCorpus, patternRecognizer } from "../src/index";
import { headStarts, mayHoldHeads, registerHeads } from "../src/text-heads";
import { FOLDS_TO_LETTER, isFoldableLetter, type WordHeads, wordHeads } from "../src/word-heads";

const LETTER = /^\p{L}$/u;
const escapeClass = (ch: string) => ch.replace(/[\\\]^-]/g, "\\$&");

function heads(regex: RegExp): { words: string[]; prefixes: string[] } | null {
  const h = wordHeads(regex);
  return h ? { words: [...h.words].sort(), prefixes: [...h.prefixes].sort() } : null;
}

function matches(regex: RegExp, text: string): boolean {
  const copy = new RegExp(regex.source, regex.flags.replace("g", ""));
  return copy.test(text);
}

const corpus = ["dev", "test", "heldout", "unseen", "varied"].flatMap((split) =>
  parseCorpus(JSON.parse(readFileSync(new URL(`../corpus/${split}.json`, import.meta.url), "utf8"))).map(
    (s) => s.full_text,
  ),
);

const patterns = PATTERN_RECOGNIZERS.flatMap((r) =>
  ((r as Partial<PatternRecognizer>).patterns ?? []).map((p, k) => ({ name: `${r.name}#${k}`, regex: p.regex })),
);

describe("wordHeads", () => {
  it("reads the words a keyword pattern cannot match without", () => {
    expect(heads(/(?<![\p{L}\p{N}])(?:Foo|bar)\s\d/gu)).toEqual({ words: ["bar", "foo"], prefixes: [] });
    expect(heads(/(?<!\p{L})(?:works? as|new)\s/giu)).toEqual({ words: ["new", "work", "works"], prefixes: [] });
    // A word that may go on is read by its first four letters ("\w" may also be a digit: then the word ends).
    expect(heads(/(?<!\p{L})bestell\w*:/giu)).toEqual({ words: ["bestell"], prefixes: ["best"] });
    // Digits, then the word: the digits end any word before it.
    expect(heads(/(?<![\p{L}\p{N}])\d{1,2}\s?(?:jahre|ans)(?![\p{L}])/giu)).toEqual({
      words: ["ans", "jahre"],
      prefixes: [],
    });
    // "[cC]alle": a small class is each of its letters.
    expect(heads(/(?<![\p{L}])[cC]alle\s\d/gu)).toEqual({ words: ["calle"], prefixes: [] });
    // Of several places to read, the one with the rarest words: "Senior Engineer" is read by "engineer".
    expect(heads(/(?<![\p{L}])(?:Senior|Lead)\s(?:Engineer|Nurse)(?![\p{L}])/gu)).toEqual({
      words: ["engineer", "nurse"],
      prefixes: [],
    });
  });

  it("says when every match starts at its head word", () => {
    const atStart = (regex: RegExp) => wordHeads(regex)?.atStart;
    expect(atStart(/(?<![\p{L}\p{N}])(?:monday|tuesday)(?![\p{L}])/giu)).toBe(true);
    expect(atStart(/(?<!\p{L})(?:works? as|new)\s/giu)).toBe(true);
    // Read after an optional word, where the words are rarer: a match may start at "the".
    expect(atStart(/(?<!\p{L})(?:the\s)?(?:monday|tuesday)/giu)).toBe(false);
    // Digits or a "#" before the word: the match starts before it.
    expect(atStart(/(?<![\p{L}\p{N}])\d{1,2}\s?(?:jahre|ans)(?![\p{L}])/giu)).toBe(false);
    expect(atStart(/(?<!\p{L})#?(?:foo|bar)\s/gu)).toBe(false);
    // Read at a later word, the rarer one: "Senior Engineer" starts before "engineer".
    expect(atStart(/(?<![\p{L}])(?:Senior|Lead)\s(?:Engineer|Nurse)(?![\p{L}])/gu)).toBe(false);
  });

  it("finds every keyword when a validator analyzes another text between two of them", () => {
    // The other text is read for its words while the first text's keyword positions are being gone through.
    const inner = patternRecognizer({ name: "inner", type: "ID", patterns: [{ regex: /(?<!\p{L})bar/gu, score: 1 }] });
    const outer = patternRecognizer({
      name: "outer",
      type: "ID",
      patterns: [
        {
          regex: /(?<!\p{L})(?:foo|bar)(?!\p{L})/gu,
          score: 1,
          validate: () => (inner.analyze("one bar, two bar, three bar", { regions: [] }).length > 0 ? 1 : null),
        },
      ],
    });
    expect(wordHeads(/(?<!\p{L})(?:foo|bar)(?!\p{L})/gu)?.atStart).toBe(true);
    expect(outer.analyze("foo and bar", { regions: [] }).map((r) => [r.start, r.end])).toEqual([
      [0, 3],
      [8, 11],
    ]);
  });

  it("claims nothing where a match need not start a word it can name", () => {
    for (const regex of [
      /\d{4}/g,
      // Only ASCII letters are ruled out before it: "éfoo" holds "foo" inside a word.
      /(?<![A-Za-z])foo/gi,
      // No look-behind: "xfoo".
      /foo\s/gi,
      /(?<!\p{L})\p{Lu}\p{Ll}+/gu,
      /(?<!\p{L})(?:ab|[a-z]+)\s/gu,
      // A word of two letters that may go on is not worth reading.
      /(?<!\p{L})ab\p{L}*/gu,
      /(?<!\p{L})(?:foo|\d)/gu,
      /(?<!\p{L})foo|bar/gu,
    ])
      expect(heads(regex), String(regex)).toBeNull();
  });
});

describe("foldable letters", () => {
  // Every letter a text's words are read with, and every letter a head may hold.
  const alphabet: string[] = [];
  for (let c = 0; c < 0x10000; c++) if (isFoldableLetter(c)) alphabet.push(String.fromCharCode(c));

  it("are letters", () => {
    for (const ch of alphabet) expect(LETTER.test(ch), ch).toBe(true);
    expect(alphabet.length).toBeGreaterThan(400);
  });

  for (const flags of ["i", "iu"]) {
    it(`fold as the engine compares them with the ${flags} flags`, () => {
      // What a pattern's letter matches in a text must read, lower-cased, as that letter lower-cased, or make the
      // text unreadable (a letter that does not fold, or a character in FOLDS_TO_LETTER).
      const any = new RegExp(`[${alphabet.map(escapeClass).join("")}]`, flags);
      const single = new Map(alphabet.map((ch) => [ch, new RegExp(`^[${escapeClass(ch)}]$`, flags)]));
      let checked = 0;
      for (let c = 0; c < 0x10000; c++) {
        if (c >= 0xd800 && c <= 0xdfff) continue;
        const ch = String.fromCharCode(c);
        if (!any.test(ch)) continue;
        const readable = isFoldableLetter(c) || (!LETTER.test(ch) && !FOLDS_TO_LETTER.has(c));
        if (!readable) continue;
        for (const [k, regex] of single) {
          if (!regex.test(ch)) continue;
          checked++;
          expect(ch.toLowerCase(), `U+${c.toString(16)} matches ${k}`).toBe(k.toLowerCase());
        }
      }
      expect(checked).toBeGreaterThan(alphabet.length);
      if (flags.includes("u")) {
        for (let c = 0x10000; c <= 0x10ffff; c += 1) {
          if (any.test(String.fromCodePoint(c))) expect.fail(`U+${c.toString(16)} folds to a foldable letter`);
        }
      }
    });
  }
});

describe("mayHoldHeads", () => {
  const registered = patterns
    .map((p) => ({ ...p, heads: wordHeads(p.regex) }))
    .filter((p): p is typeof p & { heads: WordHeads } => p.heads !== null)
    .map((p) => ({ ...p, slot: registerHeads(p.heads) }));

  it("reads most keyword patterns of the built-in recognizers", () => {
    expect(registered.length).toBeGreaterThan(25);
  });

  it("never rules out a text a built-in pattern matches, on the labeled corpora", () => {
    let checked = 0;
    for (const p of registered) {
      for (const text of corpus) {
        if (!matches(p.regex, text)) continue;
        checked++;
        expect(mayHoldHeads(text, p.slot), `${p.name} on ${JSON.stringify(text)}`).toBe(true);
      }
    }
    expect(checked).toBeGreaterThan(300);
  });

  it("rules out texts without the words", () => {
    const slot = registerHeads(wordHeads(/(?<![\p{L}])(?:Monday|Tuesday)(?![\p{L}])/giu)!);
    expect(mayHoldHeads("see you MONDAY at 3", slot)).toBe(true);
    expect(mayHoldHeads("Mondays are slow", slot)).toBe(false);
    expect(mayHoldHeads("call me at 3", slot)).toBe(false);
    // Words it cannot fold make a text unreadable: everything runs.
    expect(mayHoldHeads("σάββατο, call me", slot)).toBe(true);
    expect(mayHoldHeads("ſunday", slot)).toBe(true);
  });

  it("reads the words around Chinese, Japanese and Korean letters, and runs patterns that hold such letters", () => {
    const slot = registerHeads(wordHeads(/(?<![\p{L}])(?:Monday|Tuesday)(?![\p{L}])/giu)!);
    // CJK letters end a word: "Monday" is read beside them, and a text without the word is ruled out.
    expect(mayHoldHeads("会議はMondayです", slot)).toBe(true);
    expect(mayHoldHeads("会議は木曜日です, call me", slot)).toBe(false);
    // A pattern whose words are CJK letters (which word heads cannot name) runs on every text holding such letters.
    const age = /(?<![\p{N}.,])(1[01]\d|\d{1,2})[^\S\n]?[歳才岁세](?![\p{N}])/dgu;
    const cjk = registerHeads(wordHeads(age)!, true);
    expect(mayHoldHeads("生年月日：満29歳", cjk)).toBe(true);
    expect(headStarts("生年月日：満29歳", cjk)).toBeNull();
    expect(mayHoldHeads("aged 29", cjk)).toBe(false);
  });

  it("reads the last text again for a pattern registered after it was read", () => {
    const first = registerHeads(wordHeads(/(?<![\p{L}])aged\s\d/giu)!);
    expect(mayHoldHeads("aged 12", first)).toBe(true);
    const later = registerHeads(wordHeads(/(?<![\p{L}])aged:?\s\d{2}/giu)!);
    expect(mayHoldHeads("aged 12", later)).toBe(true);
  });

  it("never rules out a text a built-in pattern matches, on random texts made of its words", () => {
    const words = [...new Set(registered.flatMap((p) => [...p.heads.words, ...p.heads.prefixes]))];
    const piece = fc.oneof(
      fc.constantFrom(...words),
      fc.constantFrom(" ", "  ", "\n", ",", ".", ":", "-", "/", "(", ")", "'", "’", "\t", "#", "=", '"'),
      fc.constantFrom("1", "12", "2024", "42", "05", "9.30", "14:00", "3pm"),
      fc.constantFrom("a", "é", "x", "Ab", "ſ", "K", "ß", "i\u0307", "\u0345", "日本", "🙂", "Ω"),
    );
    const cased = fc
      .tuple(piece, fc.constantFrom("lower", "upper", "title"))
      .map(([w, c]) => (c === "upper" ? w.toUpperCase() : c === "title" ? w.charAt(0).toUpperCase() + w.slice(1) : w));
    fc.assert(
      fc.property(fc.array(cased, { minLength: 1, maxLength: 12 }), (pieces) => {
        const text = pieces.join("");
        for (const p of registered) {
          if (matches(p.regex, text))
            expect(mayHoldHeads(text, p.slot), `${p.name} on ${JSON.stringify(text)}`).toBe(true);
        }
      }),
      { numRuns: 400 },
    );
  });
});
