import { patternRecognizer } from "../pattern-recognizer";
import { ssaValid } from "../validation/ssa";

/** US social security numbers, with the SSA's area, group and serial rules. */
export const usSsnRecognizer = patternRecognizer({
  name: "us-ssn",
  type: "US_SSN",
  context: ["ssn", "social security", "social", "security", "ss#", "ssa", "tax"],
  patterns: [
    {
      regex: /(?<![\p{L}\p{N}_./-])(\d{3})([- .]?)(\d{2})\2(\d{4})(?![\p{L}\p{N}_]|[-./,]\d)/gu,
      score: 0.6,
      validate: (_value, m) => {
        const [area, sep, group, serial] = [m[1]!, m[2]!, m[3]!, m[4]!];
        // "1,234-56-7890" continues a number; a comma after a word or a field ("Doe,401-56-7723") ends a CSV cell.
        if (m.index >= 2 && m.input[m.index - 1] === "," && /\d/.test(m.input[m.index - 2]!)) return null;
        if (!ssaValid(area, group, serial)) return null;
        if (sep === "-") return 0.6;
        return sep === "" ? 0.2 : 0.4;
      },
    },
  ],
});
