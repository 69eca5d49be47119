import { patternRecognizer } from "../pattern-recognizer";
import { namedOtherThanPhone } from "./phone-label";
import { phoneRecognizer } from "./phone-recognizer";

// Digit groups in which a scan or a hurried typist put the letter O for a zero ("O161 496 O77O"): each group digits
// and O only, at least one digit in each.
const GROUPS = /(?<![\p{L}\p{N}])[0-9O]{3,5}(?:[ .-][0-9O]{2,5}){1,4}(?![\p{L}\p{N}])/gu;

/**
 * Phone numbers with the letter O for a zero, as OCR'd scans and notes typed in a hurry write them. The groups are
 * read with zeros and taken only when the phone recognizer takes the whole number so read, there are at least two digits
 * for each O, and nothing names the number as something else.
 */
export const ocrPhoneRecognizer = patternRecognizer({
  name: "ocr-phone",
  type: "PHONE",
  patterns: [
    {
      regex: GROUPS,
      requires: /\dO|O\d/,
      score: 0.6,
      validate: (value, m, text, context) => {
        const letters = value.match(/O/g)?.length ?? 0;
        const digits = value.match(/\d/g)?.length ?? 0;
        if (letters === 0 || letters * 2 > digits || value.split(/[ .-]/).some((g) => !/\d/.test(g))) return null;
        if (namedOtherThanPhone(text.slice(Math.max(0, m.index - 40), m.index))) return null;
        const read = value.replace(/O/g, "0");
        const found = phoneRecognizer.analyze(read, context);
        return found.some((f) => f.start === 0 && f.end === read.length && f.score >= 0.6) ? 0.6 : null;
      },
    },
  ],
});
