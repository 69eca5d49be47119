// The token pattern of the secret recognizer is skipped on texts without 24 token characters in a row, found by a
// loop over the characters. It must answer as the regex of that run does, on any text.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hasTokenRun } from "../src/recognizers/secret-recognizer";

const RUN = /(?<![A-Za-z0-9_+/=-])[A-Za-z0-9_+/=-]{24}/;

describe("hasTokenRun", () => {
  it("answers as the run regex does", () => {
    const piece = fc.oneof(
      {
        arbitrary: fc.constantFrom(
          ...["a", "Z", "9", "_", "+", "/", "=", "-", "abcdefgh", "0123456789", "xY7/+=", "eyJ"],
        ),
        weight: 8,
      },
      fc.constantFrom(
        ...[" ", ".", ":", "\n", "é", "ß", "😀", "\ud800", "\u0100", "\u212a", "ſ", "\u00aa", "~", "@", "{"],
      ),
    );
    let runs = 0;
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const text = pieces.join("");
        const expected = RUN.test(text);
        if (expected) runs++;
        expect(hasTokenRun(text)).toBe(expected);
      }),
      { numRuns: 3_000 },
    );
    expect(runs).toBeGreaterThan(150);
  });

  it("needs 24 in a row", () => {
    expect(hasTokenRun("x".repeat(23))).toBe(false);
    expect(hasTokenRun(` ${"x".repeat(24)} `)).toBe(true);
    expect(hasTokenRun(`${"x".repeat(12)}.${"x".repeat(12)}`)).toBe(false);
  });
});
