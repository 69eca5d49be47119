import { patternRecognizer } from "../pattern-recognizer";
import { luhnValid } from "../validation/luhn";

/** One network's issuer range: card numbers whose first `from.length` digits lie in [from, to], and their lengths. */
type Range = readonly [from: string, to: string, minLength: number, maxLength: number];

// Issuer identification ranges of the card networks, after their published tables. Overlaps are harmless: a number
// is known when any range holds it.
const RANGES: readonly Range[] = [
  ["4", "4", 13, 19], // Visa, Visa Electron, and Elo's and Hipercard's Visa-range cards
  ["51", "55", 16, 16], // Mastercard
  ["2221", "2720", 16, 16], // Mastercard 2-series
  ["34", "34", 15, 15], // American Express
  ["37", "37", 15, 15],
  ["6011", "6011", 16, 19], // Discover
  ["644", "649", 16, 19],
  ["65", "65", 16, 19], // Discover, RuPay, Troy, Elo
  ["622126", "622925", 16, 19],
  ["3528", "3589", 16, 19], // JCB
  ["3088", "3094", 16, 16], // JCB's older ranges
  ["3096", "3102", 16, 16],
  ["3112", "3120", 16, 16],
  ["3158", "3159", 16, 16],
  ["3337", "3349", 16, 16],
  ["300", "305", 14, 19], // Diners Club
  ["3095", "3095", 14, 19],
  ["36", "36", 14, 19],
  ["38", "39", 14, 19],
  ["62", "62", 16, 19], // UnionPay
  ["8100", "8171", 16, 19],
  ["2200", "2204", 16, 19], // Mir
  ["60", "60", 16, 16], // RuPay
  ["81", "82", 16, 16],
  ["508", "508", 16, 16],
  ["353", "353", 16, 16],
  ["356", "356", 16, 16],
  ["9792", "9792", 16, 16], // Troy
  ["50", "50", 12, 19], // Maestro, Elo, Verve, Dankort
  ["56", "69", 12, 19], // Maestro, Elo, Hipercard, InterPayment, InstaPayment
  ["1946", "1946", 16, 19], // GPN
  ["9860", "9860", 16, 16], // Humo
  ["8600", "8600", 16, 16], // Uzcard
];

/** Whether the leading digits and length belong to a card network's issuer range. */
export function issuerKnown(digits: string): boolean {
  const n = digits.length;
  for (const [from, to, min, max] of RANGES) {
    if (n < min || n > max) continue;
    const head = digits.slice(0, from.length);
    if (head >= from && head <= to) return true;
  }
  return false;
}

// The word for a card in scripts written without spaces, straight before the number ("您的银联卡6238…"): context
// words are looked for at the start of words, which these scripts do not mark.
const CARD_WORD_BEFORE = /(?:卡|カード|카드)\s?[:：]?\s?$/u;

/** A score that only a context word lifts over the threshold, or a word for a card right before the number. */
function weak(text: string, at: number): number {
  return CARD_WORD_BEFORE.test(text.slice(Math.max(0, at - 6), at)) ? 0.6 : 0.3;
}

/** Payment card numbers 12 (Maestro) to 19 digits long, checked with Luhn and issuer ranges. */
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
    "jcb",
    "unionpay",
    "maestro",
    "mir",
    "rupay",
    "elo",
    "troy",
    "discover",
    "diners",
    "charged",
    "karta",
    "karty",
    "kort",
    "kaart",
    "kortel",
    "kartı",
    "kartu",
    "cartao",
    "cb",
    "カード",
    "卡",
    "카드",
    "карт",
  ],
  patterns: [
    {
      // A comma may stand on either side, as in a CSV row ("10021,4167988527373879,129.00"); the validator then asks for
      // both the checksum and the issuer, since a comma between digits is also a decimal or thousands separator.
      // Next to kana or Han the number stands alone ("您的银联卡6238 8843 …于11月"); next to any other letter it is part of
      // a word.
      regex:
        /(?<![\p{N}_.-]|[^\P{L}\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}])\d(?:[ -]?\d){11,18}(?![\p{N}_]|[^\P{L}\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}]|[-.]\d)/gu,
      requires: /\d(?:[ -]?\d){11}/,
      score: 0.9,
      validate: (value, m, text) => {
        const digits = value.replace(/[ -]/g, "");
        if (/^(\d)\1+$/.test(digits)) return null;
        const luhn = luhnValid(digits);
        const issuer = issuerKnown(digits);
        const end = m.index + value.length;
        const inCell =
          (text[m.index - 1] === "," && /\d/.test(text[m.index - 2] ?? "")) || /^,\d/.test(text.slice(end, end + 2));
        if (inCell && !(luhn && issuer && /^\d+$/.test(value))) return null;
        // Twelve digits only for Maestro, written in groups, and only with a word like "card" near.
        if (digits.length === 12)
          return luhn && issuer && /^\d{4}([ -])\d{4}\1\d{4}$/.test(value) ? weak(text, m.index) : null;
        if (luhn && issuer) return 0.95;
        // UnionPay's 62 range issues numbers without a Luhn check digit: grouped, with a word like "card" near.
        if (issuer && digits.startsWith("62") && /^\d{4}([ -])\d{4}\1\d{4}\1\d{4}(?:\d{1,3})?$/.test(value))
          return weak(text, m.index);
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
