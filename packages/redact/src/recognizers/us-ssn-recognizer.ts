import { patternRecognizer } from "../pattern-recognizer";

/** US social security numbers, with the SSA's area, group and serial rules. */
export const usSsnRecognizer = patternRecognizer({
  name: "us-ssn",
  type: "US_SSN",
  context: ["ssn", "social security", "social", "security", "ss#", "ssa", "tax"],
  patterns: [
    {
      regex: /(?<![\p{L}\p{N}_.,/-])(\d{3})([- .]?)(\d{2})\2(\d{4})(?![\p{L}\p{N}_]|[-./,]\d)/gu,
      score: 0.6,
      validate: (_value, m) => {
        const [area, sep, group, serial] = [m[1]!, m[2]!, m[3]!, m[4]!];
        if (area === "000" || area === "666" || area[0] === "9" || group === "00" || serial === "0000") return null;
        if (/^(\d)\1+$/.test(area + group + serial)) return null;
        if (sep === "-") return 0.6;
        return sep === "" ? 0.2 : 0.4;
      },
    },
  ],
});
