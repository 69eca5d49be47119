import { type CountryCode, parsePhoneNumberFromString } from "libphonenumber-js/max";
import type { Recognizer, RecognizerContext, RecognizerResult } from "../recognizer";

/** Regions tried, in this order after the caller's own, for numbers written without a country code. */
export const DEFAULT_PHONE_REGIONS: readonly string[] = [
  "US",
  "GB",
  "DE",
  "FR",
  "ES",
  "IT",
  "NL",
  "IN",
  "BR",
  "AU",
  "PT",
  "BE",
  "CH",
  "AT",
  "MX",
  "IE",
];

const LANGUAGE_REGIONS: Readonly<Record<string, readonly string[]>> = {
  en: ["US", "GB", "AU", "IN", "IE", "CA"],
  de: ["DE", "AT", "CH"],
  fr: ["FR", "BE", "CH", "CA"],
  es: ["ES", "MX", "AR", "CO"],
  it: ["IT", "CH"],
  nl: ["NL", "BE"],
  pt: ["BR", "PT"],
};

const CONTEXT = [
  "phone",
  "tel",
  "telephone",
  "mobile",
  "cell",
  "call",
  "fax",
  "whatsapp",
  "text",
  "ring",
  "number",
  "contact",
  "reach",
  "telefon",
  "handy",
  "mobil",
  "rufnummer",
  "anrufen",
  "téléphone",
  "portable",
  "appelle",
  "teléfono",
  "móvil",
  "llama",
  "telefono",
  "cellulare",
  "chiama",
  "telefoon",
  "mobiel",
  "bel",
  "telefone",
  "celular",
  "liga",
  "tlf",
  "nº",
];

// Groups of digits joined by at most two separators; a separator is required between groups, so a run of digits
// has one way to be split and the scan stays linear.
const CANDIDATE =
  /(?<![\p{L}\p{N}+_/.,:-])(?:\+|00)?(?:\(\d{1,5}\)\s?)?\d{1,14}(?:(?:[ .\-/\u00A0]{1,2}|\s?\()\(?\d{1,14}\)?){0,7}(?:\s?(?:ext\.?|x|#)\s?\d{1,5})?(?![\p{L}\p{N}]|[.,/:-]\d)/gu;
const DATE_LIKE = /^(?:\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}[./-]\d{1,2}[./-]\d{1,2})(?!\d)/;
const NOT_A_PHONE =
  /(?:#|\bnr\.?|\bno\.|n[°º]|\border|\binvoice|\bref(?:erence)?|\bid|\bticket|\bclaim|\btracking|\bbestell\w*|\brechnung\w*|\bkunden\w*|\bfactura|\bfattura|\bcommande|\bpedido|\bordine|\bbestelling|\bIBAN|\bBIC|\bSSN|\bRx|\bcase)\s?:?\s?$/i;
const GROUPED_NUMBER = /^\d{1,3}(?:[.,]\d{3})+$/;

/**
 * Phone numbers through libphonenumber's full metadata: international numbers by their country code, national
 * ones by trying the likely regions in order. A bare run of digits needs a context word such as "tel" to pass.
 */
export const phoneRecognizer: Recognizer = {
  name: "phone",
  types: ["PHONE"],
  analyze(text: string, context: RecognizerContext): RecognizerResult[] {
    const out: RecognizerResult[] = [];
    const regions = orderRegions(context);
    const regex = CANDIDATE;
    regex.lastIndex = 0;
    for (let m = regex.exec(text); m !== null; m = regex.exec(text)) {
      let raw = m[0];
      if (raw.endsWith(")") && !raw.includes("(")) raw = raw.slice(0, -1);
      const digits = raw.replace(/\D/g, "");
      if (digits.length < 7 || digits.length > 17) continue;
      if (DATE_LIKE.test(raw) || GROUPED_NUMBER.test(raw)) continue;
      // "Nr. 2024-118", "order #4471-2290": a number named as something else is not a phone.
      if (NOT_A_PHONE.test(text.slice(Math.max(0, m.index - 16), m.index))) continue;
      const international = raw.startsWith("+") || raw.startsWith("00");
      const score = international ? scoreInternational(raw) : scoreNational(raw, digits, regions);
      if (score === null) continue;
      out.push({ start: m.index, end: m.index + raw.length, type: "PHONE", score, context: CONTEXT });
    }
    return out;
  },
};

function orderRegions(context: RecognizerContext): readonly string[] {
  const first = [...context.regions, ...(LANGUAGE_REGIONS[context.language ?? ""] ?? [])];
  return [...new Set([...first, ...DEFAULT_PHONE_REGIONS])];
}

function scoreInternational(raw: string): number | null {
  const value = raw.startsWith("00") ? `+${raw.slice(2)}` : raw;
  const parsed = parsePhoneNumberFromString(value);
  if (parsed?.isValid()) return 0.95;
  return parsed?.isPossible() ? 0.55 : null;
}

function scoreNational(raw: string, digits: string, regions: readonly string[]): number | null {
  const formatted = /[\s().\-/]/.test(raw);
  for (const region of regions) {
    const parsed = parsePhoneNumberFromString(raw, region as CountryCode);
    if (!parsed?.isValid()) continue;
    // A formatted number, or one with a trunk prefix, reads as a phone; a bare digit run could be anything.
    if (formatted) return /^\(?\d{2,5}\)?[\s.\-/]\d/.test(raw) ? 0.7 : 0.6;
    return digits.startsWith("0") && digits.length >= 9 ? 0.45 : 0.35;
  }
  return null;
}
