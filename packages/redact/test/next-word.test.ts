// The name pass finds words with a scan of character codes that must agree with the regex it replaced, on any text.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { nextWord } from "../src/ner/next-word";

const WORD = /[\p{L}\p{M}](?:[\p{L}\p{M}'’-]{0,40}[\p{L}\p{M}])?\.?/gu;

function byRegex(text: string): string[] {
  return [...text.matchAll(WORD)].map((m) => `${m.index}-${m.index + m[0].length}`);
}

function byScan(text: string): string[] {
  const out: string[] = [];
  const span: [number, number] = [0, 0];
  for (let at = 0; nextWord(text, at, span); at = span[1]) out.push(`${span[0]}-${span[1]}`);
  return out;
}

describe("nextWord", () => {
  it("finds the words the regex finds", () => {
    for (const text of [
      "",
      "Hi Anna, call Dr. O'Neill-Smith at 3pm.",
      "J. R. R. Tolkien’s",
      "Zoë, Ærø, İstanbul, São Paulo, Łódź",
      "राहुल जी नमस्ते",
      "𝐀𝐁𝐂 math letters and e\u0301 marks",
      `${"a".repeat(45)}-${"b".repeat(3)}`,
      "end-- -start '' ’x’ a.b.c.",
      "\ud800 lone \udc00 surrogates a\ud800b",
    ])
      expect(byScan(text), JSON.stringify(text)).toEqual(byRegex(text));
  });

  it("agrees with the regex on random text", () => {
    const piece = fc.oneof(
      fc.constantFrom(
        "a",
        "Z",
        "é",
        "ß",
        "'",
        "’",
        "-",
        ".",
        " ",
        "1",
        "\u0301",
        "𝐀",
        "\ud800",
        "İ",
        "ह",
        "x".repeat(41),
      ),
      fc.string({ maxLength: 4, unit: "grapheme" }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const text = pieces.join("");
        expect(byScan(text)).toEqual(byRegex(text));
      }),
      { numRuns: 2000 },
    );
  });
});
