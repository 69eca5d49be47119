import { patternRecognizer } from "../pattern-recognizer";
import { ssaValid } from "../validation/ssa";

// The number named as something else right before it: "case # 555-01-2291", "order 123-45-6789", "part no. 4".
const OTHER_LABEL =
  /(?<![\p{L}])(?:order|case|invoice|ticket|ref|reference|tracking|claim|file|docket|part|sku|item|model|serial|po|account|acct|routing|confirmation|booking|phone|tel|fax)(?:\s?(?:no\.?|number|nr\.?|id))?\s?#?\s?[:：]?\s?$/iu;

/** US social security numbers, with the SSA's area, group and serial rules. */
export const usSsnRecognizer = patternRecognizer({
  name: "us-ssn",
  type: "US_SSN",
  context: ["ssn", "social security", "social", "security", "ss#", "ssa", "tax"],
  patterns: [
    {
      // A capital after the serial ("345-09-1276A") is the beneficiary letter of a Medicare HICN built on the SSN.
      regex:
        /(?<![\p{L}\p{N}_./-])(\d{3})([- .]?)(\d{2})\2(\d{4})(?:(?![\p{L}\p{N}_]|[-./,]\d)|(?=\p{Lu}\d?(?![\p{L}\p{N}_])))/gu,
      score: 0.6,
      validate: (_value, m) => {
        const [area, sep, group, serial] = [m[1]!, m[2]!, m[3]!, m[4]!];
        // "1,234-56-7890" continues a number; a comma after a word or a field ("Doe,401-56-7723") ends a CSV cell.
        if (m.index >= 2 && m.input[m.index - 1] === "," && /\d/.test(m.input[m.index - 2]!)) return null;
        if (!ssaValid(area, group, serial)) return null;
        if (OTHER_LABEL.test(m.input.slice(Math.max(0, m.index - 32), m.index))) return null;
        // With the letter it is taken only when a context word ("SSN", "social security") raises it.
        if (/\p{Lu}/u.test(m.input[m.index + m[0].length] ?? "")) return 0.3;
        if (sep === "-") return 0.6;
        return sep === "" ? 0.2 : 0.4;
      },
    },
  ],
});
