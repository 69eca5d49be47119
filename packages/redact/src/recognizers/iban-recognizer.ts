import { patternRecognizer } from "../pattern-recognizer";
import { mod97 } from "../validation/mod97";

/** IBAN length per country code (SWIFT IBAN registry). */
const LENGTHS: Readonly<Record<string, number>> = {
  AD: 24,
  AE: 23,
  AL: 28,
  AT: 20,
  AZ: 28,
  BA: 20,
  BE: 16,
  BG: 22,
  BH: 22,
  BR: 29,
  BY: 28,
  CH: 21,
  CR: 22,
  CY: 28,
  CZ: 24,
  DE: 22,
  DK: 18,
  DO: 28,
  EE: 20,
  EG: 29,
  ES: 24,
  FI: 18,
  FO: 18,
  FR: 27,
  GB: 22,
  GE: 22,
  GI: 23,
  GL: 18,
  GR: 27,
  GT: 28,
  HR: 21,
  HU: 28,
  IE: 22,
  IL: 23,
  IQ: 23,
  IS: 26,
  IT: 27,
  JO: 30,
  KW: 30,
  KZ: 20,
  LB: 28,
  LC: 32,
  LI: 21,
  LT: 20,
  LU: 20,
  LV: 21,
  MC: 27,
  MD: 24,
  ME: 22,
  MK: 19,
  MR: 27,
  MT: 31,
  MU: 30,
  NL: 18,
  NO: 15,
  PK: 24,
  PL: 28,
  PS: 29,
  PT: 25,
  QA: 29,
  RO: 24,
  RS: 22,
  SA: 24,
  SC: 31,
  SE: 24,
  SI: 19,
  SK: 24,
  SM: 27,
  ST: 25,
  SV: 28,
  TL: 23,
  TN: 24,
  TR: 26,
  UA: 29,
  VA: 22,
  VG: 24,
  XK: 20,
};

/** Whether `compact` (no spaces, upper case) is an IBAN of its country's length with a valid mod-97 check. */
export function ibanValid(compact: string): boolean {
  const length = LENGTHS[compact.slice(0, 2)];
  if (length === undefined || compact.length !== length) return false;
  return mod97(compact.slice(4) + compact.slice(0, 4)) === 1;
}

// A printed IBAN: the country and check digits, then groups of four with a shorter last one, or no spaces at all.
const PRINTED = /^[A-Z]{2}\d\d(?:(?: [A-Z0-9]{4})* [A-Z0-9]{1,4}|[A-Z0-9]+)$/;

/**
 * The end (in `value`) of an IBAN printed with a length its country's registry entry does not give, when its check
 * digits still hold: a typo, an account from a newer registry, or a made-up example whose writer got the mod-97 sum
 * right but not the length. Groups of four are tried from the longest run down, so a word after the number ("0174
 * Nachhilfe") is left out.
 */
function offLengthEnd(value: string): number | null {
  const ends: number[] = [];
  for (let i = 5; i <= value.length; i++) if (i === value.length || value[i] === " ") ends.push(i);
  for (let k = ends.length - 1; k >= 0; k--) {
    const end = ends[k]!;
    const printed = value.slice(0, end).toUpperCase();
    const compact = printed.replace(/ /g, "");
    if (compact.length < 15 || compact.length > 34 || !PRINTED.test(printed)) continue;
    if (mod97(compact.slice(4) + compact.slice(0, 4)) === 1) return end;
  }
  return null;
}

/** IBANs, compact or in groups of four, cut to their country's length and checked mod 97. */
export const ibanRecognizer = patternRecognizer({
  name: "iban",
  type: "IBAN",
  context: [
    "iban",
    "bank",
    "account",
    "konto",
    "compte",
    "cuenta",
    "conto",
    "conta",
    "rekening",
    "transfer",
    "rib",
    "überweisung",
    "bankverbindung",
    "virement",
    "bonifico",
    "transferencia",
    "rachun",
    "účet",
    "účtu",
    "sąskait",
    "tili",
    "számla",
    "hesap",
    "contul",
    "račun",
    "λογαριασμ",
    "payee",
    "beneficiar",
  ],
  patterns: [
    {
      regex: /(?<![\p{L}\p{N}])[a-z]{2}\d{2}(?: ?[a-z0-9]){10,32}/giu,
      requires: /[a-z]{2}\d\d/iu,
      score: 1,
      validate: (value, m) => {
        const country = value.slice(0, 2).toUpperCase();
        const length = LENGTHS[country];
        if (length === undefined) return null;
        // The regex may run into the next word; count exactly the country's length of characters.
        let seen = 0;
        let end = 0;
        while (end < value.length && seen < length) {
          if (value[end] !== " ") seen++;
          end++;
        }
        const after = (at: number) => m.input[m.index + at];
        const boundary = (at: number) => {
          const next = after(at);
          return next === undefined || !/[\p{L}\p{N}]/u.test(next);
        };
        if (seen === length && (value[end] === undefined || value[end] === " ") && boundary(end)) {
          if (ibanValid(value.slice(0, end).replace(/ /g, "").toUpperCase()))
            return { start: m.index, end: m.index + end, score: 1 };
        }
        const off = offLengthEnd(value);
        if (off === null || !boundary(off)) return null;
        return { start: m.index, end: m.index + off, score: 0.85 };
      },
    },
  ],
});
