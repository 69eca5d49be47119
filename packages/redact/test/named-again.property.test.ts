// A person's name said again is found by reading only the places where a word of a found name stands, when the names
// are few, instead of every capitalized word of the text. A place read wrongly would lose a name or report one twice,
// so this checks the two ways against each other on texts built from names glued to hyphens, apostrophes, digits,
// marks and letters outside the BMP, where a scan's matches run over or stop short of a word.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { namedAgain } from "../src/ner/name-recognizer";
import type { RecognizerResult } from "../src/recognizer";

const NAMES = ["Efua Boateng", "Efua-Boateng", "Jean-Pierre Moreau", "O'Brien", "Zoë Saldaña", "Ólafur Ragnarsson"];
const PARTS = [
  ...NAMES,
  "Efua",
  "Boateng",
  "Pierre",
  "Brien",
  "Zoë",
  "Ólafur",
  "Grace",
  "Grace's",
  "Tayo",
  "Tayo’s",
  "McEfua",
  "Efuas",
  "3",
  "x-",
  "’",
  "-",
  "é",
  "\u0301",
  "𝐀",
  " ",
  ", ",
  "\n",
  ". ",
  "said ",
  "Dear ",
];

describe("names said again", () => {
  it("reads the same names at their places as in a scan of every capitalized word", () => {
    const text = fc.array(fc.constantFrom(...PARTS), { minLength: 2, maxLength: 40 }).map((p) => p.join(""));
    let named = 0;
    fc.assert(
      fc.property(text, (t) => {
        // The persons found: where each listed name (or "Grace", a name that is also a word) first stands.
        const found: RecognizerResult[] = [];
        for (const name of [...NAMES, "Grace", "Tayo"]) {
          const i = t.indexOf(name);
          if (i >= 0) found.push({ start: i, end: i + name.length, type: "PERSON", score: 0.8 });
        }
        const fast = namedAgain(t, found);
        const scan = namedAgain(t, found, true);
        if (scan.length > 0) named++;
        expect(fast).toEqual(scan);
      }),
      { numRuns: 10_000 },
    );
    expect(named).toBeGreaterThan(300);
  });
});
