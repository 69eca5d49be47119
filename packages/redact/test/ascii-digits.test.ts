// Digits of other scripts read as ASCII digits by the phone recognizer: the same length, so every offset holds.
import { describe, expect, it } from "vitest";
import { asciiDigits } from "../src/ascii-digits";

describe("asciiDigits", () => {
  it("writes the digits of other scripts as ASCII digits and leaves everything else as it was", () => {
    expect(asciiDigits("شماره: ۰۲۱-۲۲۰۷۴۴۱۸")).toBe("شماره: 021-22074418");
    expect(asciiDigits("٠٥٠ ١٢٣ ٤٥٦٧ / ০১৭১১ / ०९८ / ๑๒๓ / １２３")).toBe("050 123 4567 / 01711 / 098 / 123 / 123");
    // Astral characters, a lone surrogate and letters next to digits keep their units.
    const mixed = "😀۱\ud800x٢𝟘";
    expect(asciiDigits(mixed)).toBe("😀1\ud800x2𝟘");
    expect(asciiDigits(mixed)).toHaveLength(mixed.length);
  });

  it("returns the same string when there is nothing to change, and keeps the length of a huge one", () => {
    const plain = "call +44 20 7946 0958 ".repeat(1_000);
    expect(asciiDigits(plain)).toBe(plain);
    const huge = "۰۱۲۳۴۵۶۷۸۹ x ".repeat(100_000);
    const out = asciiDigits(huge);
    expect(out).toHaveLength(huge.length);
    expect(out.startsWith("0123456789 x ")).toBe(true);
  });
});
