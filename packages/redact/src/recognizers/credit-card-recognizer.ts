import { patternRecognizer } from "../pattern-recognizer";
import { luhnValid } from "../validation/luhn";

/** Whether the leading digits and length belong to a card network's issuer range. */
export function issuerKnown(digits: string): boolean {
  const n = digits.length;
  const p2 = Number(digits.slice(0, 2));
  const p3 = Number(digits.slice(0, 3));
  const p4 = Number(digits.slice(0, 4));
  const p6 = Number(digits.slice(0, 6));
  if (digits[0] === "4") return n === 13 || n === 16 || n === 19; // Visa
  if ((p2 >= 51 && p2 <= 55) || (p4 >= 2221 && p4 <= 2720)) return n === 16; // Mastercard
  if (p2 === 34 || p2 === 37) return n === 15; // American Express
  if (p4 === 6011 || p2 === 65 || (p3 >= 644 && p3 <= 649) || (p6 >= 622126 && p6 <= 622925)) return n >= 16; // Discover
  if (p4 >= 3528 && p4 <= 3589) return n >= 16; // JCB
  if (p2 === 36 || p2 === 38 || p2 === 39 || (p3 >= 300 && p3 <= 305)) return n >= 14; // Diners
  if (p2 === 62 || p2 === 81) return n >= 16; // UnionPay
  if (p2 === 50 || (p2 >= 56 && p2 <= 69) || p2 === 2) return n >= 12; // Maestro
  return p4 === 2200 || p4 === 2201 || (p4 >= 2202 && p4 <= 2204) ? n === 16 : false; // Mir
}

/** Payment card numbers 13 to 19 digits long, checked with Luhn and issuer ranges. */
export const creditCardRecognizer = patternRecognizer({
  name: "credit-card",
  type: "CREDIT_CARD",
  context: [
    "card",
    "credit",
    "debit",
    "visa",
    "mastercard",
    "amex",
    "kreditkarte",
    "karte",
    "carte",
    "tarjeta",
    "carta",
    "cartão",
    "creditcard",
    "pan",
  ],
  patterns: [
    {
      regex: /(?<![\p{L}\p{N}_.,-])\d(?:[ -]?\d){12,18}(?![\p{L}\p{N}_]|[-.,]\d)/gu,
      requires: /\d(?:[ -]?\d){12}/,
      score: 0.9,
      validate: (value) => {
        const digits = value.replace(/[ -]/g, "");
        if (/^(\d)\1+$/.test(digits)) return null;
        const luhn = luhnValid(digits);
        const issuer = issuerKnown(digits);
        if (luhn && issuer) return 0.95;
        if (luhn) return 0.4;
        // Typed-out card numbers are often fakes that miss the checksum; keep them for context to confirm.
        return issuer && /^\d{4}([ -])\d{4}\1\d{4}\1\d{4}$/.test(value) ? 0.3 : null;
      },
    },
    {
      // "4006.0240.8426.8081": groups of four joined by dots, taken only with a valid checksum and issuer.
      regex: /(?<![\p{L}\p{N}_.,-])\d{4}\.\d{4}\.\d{4}\.\d{1,4}(?:\.\d{1,3})?(?![\p{L}\p{N}_]|[-.,]\d)/gu,
      requires: /\d{4}\.\d{4}\.\d{4}\./,
      score: 0.9,
      validate: (value) => {
        const digits = value.replace(/\./g, "");
        return digits.length >= 13 && luhnValid(digits) && issuerKnown(digits) ? 0.9 : null;
      },
    },
  ],
});
