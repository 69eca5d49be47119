// A vault keys each value by its normal form, and restore reads placeholders back by their canonical key. Both skip
// their copies and regexes for values already normal and keys already canonical: the shortcut must give what the
// plain reading gives for any value (whitespace, case, Unicode normalization, digit grouping) and any placeholder a
// model may echo.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalKey, ENTITY_TYPES, normalizeValue, placeholderRegex, Vault } from "../src/index";

/** The plain reading: NFKC, trimmed, whitespace collapsed, lower case, then the type's own filter. */
function plainNormal(type: string, value: string): string {
  const v = value.normalize("NFKC").trim().replace(/\s+/g, " ").toLowerCase();
  if (type === "PHONE" || type === "CREDIT_CARD" || type === "US_SSN") return v.replace(/[^\p{N}+]/gu, "");
  if (type === "IBAN") return v.replace(/ /g, "");
  return v;
}

function plainKey(type: string, n: string): string {
  return `${type.toUpperCase().replace(/[ -]/g, "_")}_${Number(n)}`;
}

const PIECES = [
  "a",
  "Z",
  "0",
  "7",
  "+",
  "-",
  " ",
  "  ",
  "\t",
  "\n",
  "\r",
  "\v",
  "\f",
  "\u00a0",
  "\u2003",
  "\u3000",
  "\ufeff",
  "İ",
  "ß",
  "ẞ",
  "Σ",
  "ς",
  "ſ",
  "\u212a",
  "é",
  "e\u0301",
  "ﬁ",
  "①",
  "１２",
  "𝟙",
  "😀",
  "\ud800",
  ".",
  "@",
];
const value = fc
  .array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 3 })), { maxLength: 12 })
  .map((p) => p.join(""));
const type = fc.constantFrom(...ENTITY_TYPES);

describe("vault normal forms", () => {
  it("normalizes any value as the plain reading does", () => {
    fc.assert(
      fc.property(type, value, (t, v) => {
        expect(normalizeValue(t, v)).toBe(plainNormal(t, v));
      }),
      { numRuns: 3_000 },
    );
  });

  it("gives one placeholder to two spellings exactly when their plain normal forms agree", () => {
    fc.assert(
      fc.property(type, value, value, (t, a, b) => {
        const vault = new Vault();
        expect(vault.keyFor(t, a) === vault.keyFor(t, b)).toBe(plainNormal(t, a) === plainNormal(t, b));
      }),
      { numRuns: 1_000 },
    );
  });

  it("reads any echoed placeholder back to the plain canonical key", () => {
    const spelled = fc.tuple(type, fc.constantFrom("upper", "lower", "title", "spaced", "dashed")).map(([t, how]) => {
      if (how === "lower") return t.toLowerCase();
      if (how === "title") return t.charAt(0) + t.slice(1).toLowerCase();
      if (how === "spaced") return t.replace(/_/g, " ");
      if (how === "dashed") return t.replace(/_/g, "-");
      return t;
    });
    const number = fc.oneof(fc.stringMatching(/^\d{1,9}$/), fc.nat(1_000).map(String));
    fc.assert(
      fc.property(
        spelled,
        number,
        fc.constantFrom("[", "[ "),
        fc.constantFrom("_", " ", "-", ""),
        (t, n, open, sep) => {
          const types = [...ENTITY_TYPES];
          const text = `${open}${t}${sep}${n}]`;
          const m = placeholderRegex(types)!.exec(text);
          expect(m).not.toBeNull();
          expect(canonicalKey(m![1]!, m![2]!)).toBe(plainKey(m![1]!, m![2]!));
          expect(canonicalKey(t, n)).toBe(plainKey(t, n));
        },
      ),
      { numRuns: 2_000 },
    );
  });
});
