import fc from "fast-check";
import { expect, it } from "vitest";
import { wordAlternation } from "../src/word-alternation";

const flat = (words: readonly string[]) => words.map((w) => w.replace(/[\\^$.*+?()[\]{}|/]/g, "\\$&")).join("|");

it("groups words by first letter and matches what the flat alternation matches", () => {
  expect(wordAlternation(["lehrer", "lehrerin", "arzt"])).toBe("l(?:ehrerin|ehrer)|arzt");
  const word = fc.stringMatching(/^[a-zäöüłő.+-]{1,8}$/);
  fc.assert(
    fc.property(
      fc.uniqueArray(word, { minLength: 1, maxLength: 20 }),
      fc.array(word, { maxLength: 10 }),
      (words, others) => {
        const grouped = new RegExp(`^(?:${wordAlternation(words)})$`, "iu");
        const plain = new RegExp(`^(?:${flat(words)})$`, "iu");
        for (const w of [...words, ...others, ...words.map((x) => x.toUpperCase())]) {
          expect(grouped.test(w), w).toBe(plain.test(w));
        }
      },
    ),
  );
});
