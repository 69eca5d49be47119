import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { leadingLookBehind } from "../src/leading-look-behind";
import { titleRecognizer } from "../src/recognizers/title-recognizer";
import { smallRegexCode } from "../src/small-regex-code";

const all = (regex: RegExp, text: string) => {
  const found: string[] = [];
  regex.lastIndex = 0;
  for (let m = regex.exec(text); m !== null; m = regex.exec(text)) {
    found.push(`${m.index}:${m[0]}:${JSON.stringify(m.indices ?? null)}`);
    if (m[0].length === 0) regex.lastIndex++;
  }
  return found;
};

describe("smallRegexCode", () => {
  it("pads a source past the length V8 optimizes, flags and all, and leaves a long one as it is", () => {
    const small = smallRegexCode(/(?<!\p{L})(?:nurse|lawyer)(?!\p{L})/dgiu);
    expect(small.source.length).toBeGreaterThan(20 * 1024);
    expect(small.flags).toBe("dgiu");
    const long = new RegExp(`x{0}${"a".repeat(30_000)}`, "g");
    expect(smallRegexCode(long)).toBe(long);
    // The copy the pattern recognizer runs without its leading look-behind is still past it.
    const rest = leadingLookBehind(small)?.rest;
    expect(rest?.source.length).toBeGreaterThan(20 * 1024);
  });

  it("matches what the pattern matches, groups included, for the job-title patterns", () => {
    const patterns = titleRecognizer.patterns.map((p) => p.regex).filter((r) => r.source.length > 20 * 1024);
    // Those where a role may be one of several words: the others read their lists by lookup (listed-roles.test.ts).
    expect(patterns.length).toBeGreaterThanOrEqual(4);
    // The padding removed again: what the pattern was before it.
    const plain = patterns.map((r) => new RegExp(r.source.replace(/\(\?:\[_+\]\{0\}\)$/, ""), r.flags));
    expect(plain.every((r) => r.source.length < 20 * 1024)).toBe(true);
    const piece = fc.constantFrom(
      ...["works as a", "nurse", "Nurse", "LAWYER", "my", "line manager", "Anna Berg,", "directora de", "ventas"],
      ...["(Support Team Lead)", "presso", "Hotel", "sono", "avvocato", "Senior", "Engineer", "\n", ", ", " "],
    );
    let matched = 0;
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 12 }), (parts) => {
        const text = parts.join(" ");
        patterns.forEach((padded, k) => {
          const expected = all(plain[k]!, text);
          if (expected.length > 0) matched++;
          expect([k, text, all(padded, text)]).toEqual([k, text, expected]);
        });
      }),
      { numRuns: 200 },
    );
    expect(matched).toBeGreaterThan(50);
  });
});
