// The phone recognizer reads the regions a text's scripts point to in one pass over its units, not with one regex scan
// per script. Both must give the same regions in the same order, for any text: astral letters, lone surrogates, a
// pair cut by the 2,000-unit head.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SCRIPT_REGIONS, scriptRegions } from "../src/recognizers/phone-recognizer";

/** The plain reading: each script's letters looked for by its regex in the first 2,000 units. */
function reference(text: string): string[] {
  const head = text.length > 2_000 ? text.slice(0, 2_000) : text;
  const out: string[] = [];
  if (!/[\u0100-\uffffÅÆØåæø]/u.test(head)) return out;
  for (const [letters, regions] of SCRIPT_REGIONS) if (letters.test(head)) out.push(...regions);
  return out;
}

const PIECES = [
  ...[
    "call 06 12",
    "é",
    "Å",
    "æ",
    "\u00bf",
    "ß",
    "€",
    "’",
    "😀",
    "\ud800",
    "\udc00",
    "𠀀",
    "\u3042",
    "\uac00",
    "\u4e2d",
    "д",
    "λ",
  ],
  ...["\u0627", "\u05d0", "\u0915", "\u0e01", "ł", "Ż", "ğ", "İ", "ř", "Ů", "å", "Ø", "ơ", "Đ", "\uffff", "\u0100"],
  ...["\u0995", "\u0b95", "\u0c95", "\u0d9a", "\u1200", "\u1000", "\u1780", "\u10d0", "\u0531"],
];

describe("scriptRegions", () => {
  it("gives the regions the per-script regexes give, in their order", () => {
    const text = fc.oneof(
      fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }).map((p) => p.join("")),
      fc.string({ unit: "binary", maxLength: 40 }),
      // Around the 2,000-unit head: a letter just inside or just past it, a pair cut in two.
      fc.tuple(fc.integer({ min: 1_990, max: 2_005 }), fc.constantFrom(...PIECES)).map(([n, p]) => "x".repeat(n) + p),
    );
    fc.assert(
      fc.property(text, (t) => {
        expect(scriptRegions(t)).toEqual(reference(t));
      }),
      { numRuns: 2_000 },
    );
  });

  it("reads each script once, in the table's order", () => {
    expect(scriptRegions("Tel. ул. Łódź 03-1234")).toEqual(["RU", "UA", "BY", "KZ", "RS", "BG", "PL"]);
    expect(scriptRegions("call me 😀 €")).toEqual([]);
    // Scandinavian letters are Latin-1, and count alone: Danish or Norwegian text may hold no other.
    expect(scriptRegions("Ørsted 06 12")).toEqual(["SE", "NO", "DK"]);
    expect(scriptRegions("Søndag 06 12 é")).toEqual(["SE", "NO", "DK"]);
    expect(scriptRegions("Crème brûlée 06 12")).toEqual([]);
    expect(scriptRegions("যোগাযোগ ০১৭১১")).toEqual(["BD", "IN"]);
    expect(scriptRegions(`${"x".repeat(2_000)}ł`)).toEqual([]);
  });
});
