import { parsePhoneNumberFromString } from "libphonenumber-js/max";
import { patternRecognizer } from "../pattern-recognizer";

const KEYPAD: Readonly<Record<string, string>> = {
  A: "2",
  B: "2",
  C: "2",
  D: "3",
  E: "3",
  F: "3",
  G: "4",
  H: "4",
  I: "4",
  J: "5",
  K: "5",
  L: "5",
  M: "6",
  N: "6",
  O: "6",
  P: "7",
  Q: "7",
  R: "7",
  S: "7",
  T: "8",
  U: "8",
  V: "8",
  W: "9",
  X: "9",
  Y: "9",
  Z: "9",
};

/** The digits a phone keypad gives for `value`'s digits and capital letters. */
export function keypadDigits(value: string): string {
  let out = "";
  for (const ch of value) {
    if (ch >= "0" && ch <= "9") out += ch;
    else if (KEYPAD[ch]) out += KEYPAD[ch];
  }
  return out;
}

/**
 * North American toll-free numbers spelled with letters ("1-800-FLOWERS", "(888) GO-TRAIN"): the capitals are read
 * off a phone keypad, and the number is taken when the first ten digits after the optional 1 make a valid number.
 * Letters past the tenth digit are spelling only, as the keypad ignores them.
 */
export const vanityPhoneRecognizer = patternRecognizer({
  name: "vanity-phone",
  type: "PHONE",
  context: ["call", "phone", "tel", "dial", "toll-free", "hotline"],
  patterns: [
    {
      regex:
        /(?<![\p{L}\p{N}])(?:\+?1[-. ]?)?(?:\(8(?:00|33|44|55|66|77|88)\)|8(?:00|33|44|55|66|77|88))[-. ]?[A-Z0-9]{2,4}-?[A-Z0-9]{2,8}(?![\p{L}\p{N}])/gu,
      requires: /8(?:00|33|44|55|66|77|88)\)?[-. ]?[A-Z0-9]{0,3}[A-Z]/,
      score: 0.7,
      validate: (value) => {
        // Two letters at least: a number of digits only is the phone recognizer's. A dash or brackets too, as
        // vanity numbers are written: "800 MEGAHERTZ" is a figure and a word.
        if ((value.match(/[A-Z]/g)?.length ?? 0) < 2 || !/[-(]/.test(value)) return null;
        const digits = keypadDigits(value.replace(/^\+?1(?=[-. (8])/, ""));
        if (digits.length < 10) return null;
        const parsed = parsePhoneNumberFromString(`+1${digits.slice(0, 10)}`);
        return parsed?.isValid() ? 0.7 : null;
      },
    },
  ],
});
