import { type CountryCode, parsePhoneNumberFromString } from "libphonenumber-js/max";
import { asciiDigits, isAsciiDigit } from "../ascii-digits";
import { digitProfile } from "../digit-profile";
import type { Recognizer, RecognizerContext, RecognizerResult } from "../recognizer";
import { guessLanguage } from "./guess-language";
import { namedOtherThanPhone } from "./phone-label";
import { mayBePhoneIn } from "./phone-shape";

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
  "llame",
  "llamar",
  "llámame",
  "appeler",
  "appelez",
  "chiamami",
  "chiamare",
  "ruf",
  "bellen",
  "ligue",
  "ligar",
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
  // Words for a phone, a number and calling in more languages, and what a mobile-money notice says before the
  // number of whom the money went to or came from ("sent to JOHN K. 0722...", "kutoka kwa ... (0713...)").
  "hp",
  "handphone",
  "telp",
  "hubungi",
  "sími",
  "simi",
  "deitu",
  "ffoniwch",
  "soita",
  "zadzwoń",
  "zavolejte",
  "hívjon",
  "sună",
  "simu",
  "piga",
  "taleefan",
  "ungishayele",
  "shayela",
  "sent to",
  "received from",
  "kutoka",
  "mula kay",
  "тел",
  "утас",
  "холбоо",
  "هاتف",
  "جوال",
  "موبايل",
  "تليفون",
  "واتساب",
  "اتصل",
  "فون",
  "फोन",
  "फ़ोन",
  "मोबाइल",
  "सम्पर्क",
  "संपर्क",
  "ফোন",
  "মোবাইল",
  "ስልክ",
  "โทร",
  "sđt",
  "điện thoại",
];

// Groups of digits joined by at most two separators; a separator is required between groups, so a run of digits
// has one way to be split and the scan stays linear.
// Letters of scripts that write spaces between words: next to one of them digits are part of a word ("A4", "x86");
// next to kana or Han they are not ("は03-1234-5678まで").
// A "+" may follow a colon ("TEL;TYPE=CELL:+255 754 318 902", checked in code: an alternation here would slow the
// scan); a "(0)" after the country code ("+33 (0)6 71 84 22 10"), a spaced slash ("0171 / 555 88 21") and a spaced
// dash ("089 - 12 34 56", checked in code) join groups.
const CANDIDATE =
  /(?<![\p{sc=Latin}\p{sc=Greek}\p{sc=Cyrillic}\p{N}+_/.-])(?:\+|00)?(?:\(\d{1,5}\)\s?)?\d{1,14}(?:(?:[ .\-/\u00A0]{1,2}|\s[/–-]\s|\s?\(|(?<=\(0\)))\(?\d{1,14}\)?){0,7}(?:\s?(?:ext\.?|x|#)\s?\d{1,5})?(?![\p{sc=Latin}\p{sc=Greek}\p{sc=Cyrillic}\p{N}]|[.,/:-]\d)/gu;
const SPACED_DASH = /\s[–-]\s/;
// What may stand before a spaced dash inside a number: a country code, "(0)", and an area code, or a national area
// code with its trunk 0.
const AREA_CODE = /^(?:(?:\+|00)\d{1,3}\s?(?:\(0\)\s?)?\d{1,5}|0\d{1,5})$/;
// A calendar date opening the candidate ("12.03.2024 14"); "05.61.22.48.90" has no month 61 and stays a phone.
const DAY = "(?:0?[1-9]|[12]\\d|3[01])";
const MONTH = "(?:0?[1-9]|1[0-2])";
// A fourth group after the year ("06.12.34.56.78") makes a French mobile, not a date.
const DATE_LIKE = new RegExp(
  `^(?:${DAY}[./-]${MONTH}[./-]\\d{2,4}|${MONTH}[./-]${DAY}[./-]\\d{2,4}|\\d{4}[./-]${MONTH}[./-]${DAY})(?![./-]?\\d)`,
);
const MIN_DIGITS = 7;
// "2025-88412", "2024/5531": a year, a hyphen or slash and a serial is how references are numbered, not phones.
const YEAR_SERIAL = /^(?:19|20)\d\d[-/]\d{3,8}$/;
// Shapes that other numbers have and phones rarely do, taken as phones only after a word like "tel": the US social
// security number (3-2-4), Portuguese and Brazilian postcodes (4-3, 5-3), a time span ("09.00-15.00"), and a house
// number with its second number after a slash ("1511/230"; a German "030/1234567" has a long subscriber part).
const OTHER_SHAPE =
  /^(?:\d{3}([- ])\d{2}\1\d{4}|\d{4,5}-\d{3}|(?:[01]?\d|2[0-3])[.:][0-5]\d\s?[-–]\s?(?:[01]?\d|2[0-3])[.:][0-5]\d|[1-9]\d{0,4}\/\d{1,4})$/;
const GROUPED_NUMBER = /^\d{1,3}(?:[.,]\d{3})+$/;
// Four numbers of at most three digits joined by dots, none with a leading zero: an IPv4 address ("192.168.1.20").
const IPV4_LIKE = /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;
// "151.213108", "3.10.0.1160": a decimal fraction or a version number, which no numbering plan writes as a phone
// (a national number opens on its trunk 0 or on 1 in North America).
const DECIMAL_OR_VERSION = /^[1-9]\d{0,2}\.\d{5,}$|^[2-9]\.\d/;
// On the same line: a postcode ending the line above ("Leeds LS1 2TW" then "+44 113 ...") continues nothing.
const CODE_BEFORE = /(?:^|[^\p{L}\p{N}])(?:\p{Lu}+\d|\d+\p{Lu})[\p{Lu}\d]*[ \t\u00A0]$/u;

// "tel", "Handy", "móvil" just before a number: only then is it worth trying regions the text gives no hint of.
const CONTEXT_BEFORE = new RegExp(
  `(?:^|[^\\p{L}])(?:${CONTEXT.join("|")})[^\\p{L}\\p{N}]{0,12}(?:\\p{L}+[^\\p{L}\\p{N}]{1,3}){0,2}$`,
  "iu",
);
// Words for a phone in scripts written without spaces, straight before the number ("或拨打13912345678").
const CJK_CONTEXT_BEFORE =
  /(?:电话|電話|拨打|撥打|致电|致電|手机|手機|携帯|連絡先|전화|휴대폰|연락처)[^\p{L}\p{N}]{0,3}$/u;
// An extension after a number, in the words of the covered languages ("poste 4312", "доб. 214", "wew. 25", "ต่อ 105").
const EXTENSION_AFTER =
  /\s?(?:ext|extn|x|#|poste|durchwahl|dw|nebenstelle|interno|int|ramal|anexo|toestel|tst|lok|wew|доб|вн|ต่อ|内線|分机|內線|내선|dahili|klapka|linka)\.?:?\s?\d{1,6}(?![\p{L}\p{N}])/iuy;

/** The end of a number with the extension written after it, if any. */
function withExtension(text: string, end: number): number {
  EXTENSION_AFTER.lastIndex = end;
  return EXTENSION_AFTER.test(text) ? EXTENSION_AFTER.lastIndex : end;
}

// What stands between two items of a list: a remark in brackets, then a comma, semicolon or "and".
const LIST_GAP = /^(?:\s?\([^()\n]{1,30}\))?\s?(?:[,;]|[,;]?\s(?:and|und|et|y|e|en|och|og|i|и))\s?$/u;

/**
 * The text with the commas inside a CSV row ("…,0152 3344 5566,20095") read as semicolons: the scan reads them as
 * ends of cells, which the candidate's look-ahead would otherwise take for the decimals of a number and cut the phone
 * short. A comma counts after a digit or ")" and before a digit, "+" or "(". A loop over the commas, not a regex that
 * opens on a look-behind, which V8 tries at every position of the text.
 */
function withCellCommas(text: string): string {
  let out = "";
  let from = 0;
  for (let i = text.indexOf(","); i >= 0; i = text.indexOf(",", i + 1)) {
    const b = text.charCodeAt(i - 1);
    const a = text.charCodeAt(i + 1);
    if (!((isAsciiDigit(b) || b === 41) && (isAsciiDigit(a) || a === 43 || a === 40))) continue;
    out += `${text.slice(from, i)};`;
    from = i + 1;
  }
  return from === 0 ? text : out + text.slice(from);
}

// A price or an amount: "€ 1 234 567", "1.234.567 EUR", "USD 2 500 000".
const MONEY_BEFORE = /(?:[$€£¥₹]|\b(?:EUR|USD|GBP|CHF|INR|BRL|MXN|R\$)\s?)\s?$/u;
const MONEY_AFTER = /^\s?(?:[$€£¥₹]|(?:EUR|USD|GBP|CHF|INR|BRL|MXN|euros?|dollars?|reais|pesos)\b)/iu;

/**
 * Phone numbers through libphonenumber's full metadata. One linear regex finds digit groups that could be a number;
 * only those are parsed. International numbers are read by their country code; national ones only in the regions
 * the text points to (the caller's regions, the language given or guessed from the text, the countries of the
 * international numbers in it), and in the usual other regions only when a word like "tel" stands right before
 * them. A number must be valid for its region, and is not taken from amounts, dates, or numbers named as orders,
 * invoices or ids.
 */
export const phoneRecognizer: Recognizer = {
  name: "phone",
  types: ["PHONE"],
  analyze(input: string, context: RecognizerContext): RecognizerResult[] {
    const out: RecognizerResult[] = [];
    // "۰۲۱-۲۲۰۷۴۴۱۸", "০১৭১১-৪৫২৩৮৯": numbers in the digits of other scripts are read as the same ASCII digits, at the
    // same offsets.
    const text = asciiDigits(input);
    // Every candidate holds at least 7 digits: most short messages hold fewer.
    if (digitProfile(text).digits < MIN_DIGITS) return out;
    const candidates: { start: number; raw: string; digits: string }[] = [];
    const regex = CANDIDATE;
    regex.lastIndex = 0;
    const scan = withCellCommas(text);
    // The end of the last number named as something other than a phone, or -1.
    let named = -1;
    for (let m = regex.exec(scan); m !== null; m = regex.exec(scan)) {
      // After a colon only "+" opens a number: "10:30 ..." goes on from the minutes, whose look-behind then fails.
      if (text.charCodeAt(m.index - 1) === 58 && text[m.index] !== "+") {
        regex.lastIndex = m.index + 1;
        continue;
      }
      let raw = m[0];
      // "+31 (0) 10 - 414 22 99", "089 - 12 34 56 78": a spaced dash after the area code of a number written with its
      // prefix. Anywhere else it joins two things ("Rp 500.000 – 0812-2734-5519", "1990 - 1995"): the candidate
      // stops there, and the scan goes on after the dash.
      const dash = SPACED_DASH.exec(raw);
      if (dash && !AREA_CODE.test(raw.slice(0, dash.index))) {
        raw = raw.slice(0, dash.index);
        regex.lastIndex = m.index + dash.index + dash[0].length;
      }
      if (raw.endsWith(")") && !raw.includes("(")) raw = raw.slice(0, -1);
      const digits = raw.replace(/\D/g, "");
      if (digits.length < MIN_DIGITS) continue;
      // "+65 6123 4567 / 9123 4567": two numbers joined by a spaced slash, longer than any one number can be.
      if (digits.length > 15 && /\s\/\s/.test(raw)) {
        if (namedOtherThanPhone(text.slice(Math.max(0, m.index - 40), m.index))) continue;
        let at = m.index;
        for (const part of raw.split(/\s\/\s/)) {
          const partDigits = part.replace(/\D/g, "");
          if (partDigits.length >= MIN_DIGITS && partDigits.length <= 15 && !DATE_LIKE.test(part))
            candidates.push({ start: at, raw: part, digits: partDigits });
          at += part.length + 3;
        }
        continue;
      }
      if (digits.length > 17) continue;
      if (DATE_LIKE.test(raw) || GROUPED_NUMBER.test(raw) || IPV4_LIKE.test(raw) || DECIMAL_OR_VERSION.test(raw))
        continue;
      // "Summe 35.801 / 146.791": amounts side by side.
      if (raw.split(/\s\/\s/).every((part) => GROUPED_NUMBER.test(part))) continue;
      // "3,1415926": the decimals of a number, not a phone after a CSV comma.
      if (text[m.index - 1] === "," && /\d/.test(text[m.index - 2] ?? "") && /^\d+$/.test(raw)) continue;
      const before = text.slice(Math.max(0, m.index - 40), m.index);
      if ((YEAR_SERIAL.test(raw) || OTHER_SHAPE.test(raw)) && !CONTEXT_BEFORE.test(before)) continue;
      // "Nr. 2024-118", "order #4471-2290", "Biljettnummer": a number named as something else is not a phone, nor
      // are the numbers listed after it ("Part numbers: 0451 103 2208 (filter), 06 12 345 678 (gasket)").
      if (namedOtherThanPhone(before) || (named >= 0 && LIST_GAP.test(text.slice(named, m.index)))) {
        named = m.index + raw.length;
        continue;
      }
      // "1Z 999 AA1 01 2345 6784", "TH0012 8844 719": digits after a code of letters and digits continue the code;
      // a "+" opens a number of its own.
      if (raw[0] !== "+" && CODE_BEFORE.test(before)) continue;
      if (MONEY_BEFORE.test(before) || MONEY_AFTER.test(text.slice(m.index + raw.length, m.index + raw.length + 10)))
        continue;
      candidates.push({ start: m.index, raw, digits });
    }
    if (candidates.length === 0) return out;
    let regions: readonly string[] | null = null;
    const national: typeof candidates = [];
    const seen = new Set<string>();
    for (const c of candidates) {
      if (!(c.raw.startsWith("+") || c.raw.startsWith("00"))) {
        national.push(c);
        continue;
      }
      const found = scoreInternational(c.raw);
      if (!found) continue;
      if (found.country) seen.add(found.country);
      const end = withExtension(text, c.start + c.raw.length);
      out.push({ start: c.start, end, type: "PHONE", score: found.score, context: CONTEXT });
    }
    for (const c of national) {
      regions ??= likelyRegions(text, context, seen);
      let score = scoreNational(c.raw, c.digits, regions);
      if (score === null) {
        const cued = CONTEXT_BEFORE.test(text.slice(Math.max(0, c.start - 40), c.start));
        if (regions !== DEFAULT_PHONE_REGIONS) {
          // A number of another region than the text points to: taken with a word like "tel" before it, or when it
          // is grouped the way phone numbers are written, at a score that a context word still raises.
          const other = scoreNational(c.raw, c.digits, DEFAULT_PHONE_REGIONS);
          if (other !== null) score = cued ? other : other >= 0.7 ? 0.5 : null;
        }
        // "call me 8123 4456": after a word like "call", a number valid in a region nothing else points to.
        if (score === null && cued) score = scoreNational(c.raw, c.digits, CUED_REGIONS);
      }
      if (score === null) continue;
      // Chinese and Japanese write mobile numbers as one run of digits, straight after the word for a phone.
      if (score < 0.7 && CJK_CONTEXT_BEFORE.test(text.slice(Math.max(0, c.start - 8), c.start))) score = 0.7;
      const end = withExtension(text, c.start + c.raw.length);
      out.push({ start: c.start, end, type: "PHONE", score, context: CONTEXT });
    }
    return out.sort((a, b) => a.start - b.start);
  },
};

// Letters that only some languages use, and the regions whose numbering plans their writers likely use: kana for
// Japan, Hangul for Korea, Han alone for China and Taiwan, Cyrillic, Greek, Arabic, Hebrew, Devanagari, Thai, the
// other scripts of South Asia, Ethiopic, Myanmar, Khmer, Georgian and Armenian, and the letters of Polish, Turkish,
// Czech, Scandinavian and Vietnamese.
export const SCRIPT_REGIONS: readonly (readonly [RegExp, readonly string[]])[] = [
  [/[\u3040-\u30ff]/u, ["JP"]],
  [/[\uac00-\ud7af]/u, ["KR"]],
  [/[\u4e00-\u9fff]/u, ["CN", "TW", "HK", "SG"]],
  [/[\u0400-\u04ff]/u, ["RU", "UA", "BY", "KZ", "RS", "BG"]],
  [/[\u0370-\u03ff]/u, ["GR", "CY"]],
  [/[\u0600-\u06ff]/u, ["SA", "AE", "EG", "MA", "PK", "IR"]],
  [/[\u0590-\u05ff]/u, ["IL"]],
  [/[\u0900-\u097f]/u, ["IN", "NP"]],
  [/[\u0e00-\u0e7f]/u, ["TH"]],
  [/[\u0980-\u09ff]/u, ["BD", "IN"]],
  [/[\u0b80-\u0bff]/u, ["IN", "LK"]],
  [/[\u0a00-\u0aff\u0c00-\u0d7f]/u, ["IN"]],
  [/[\u0d80-\u0dff]/u, ["LK"]],
  [/[\u1200-\u137f]/u, ["ET"]],
  [/[\u1000-\u109f]/u, ["MM"]],
  [/[\u1780-\u17ff]/u, ["KH"]],
  [/[\u10a0-\u10ff]/u, ["GE"]],
  [/[\u0530-\u058f]/u, ["AM"]],
  [/[łąęśźżńŁĄĘŚŹŻ]/u, ["PL"]],
  [/[ğışİĞŞ]/u, ["TR"]],
  [/[řůěŘŮĚ]/u, ["CZ", "SK"]],
  [/[åøæÅØÆ]/u, ["SE", "NO", "DK"]],
  [/[ơưđƠƯĐ]/u, ["VN"]],
];

// Å, Æ, Ø, å, æ, ø: Danish, Norwegian and Swedish text may hold no letter past Latin-1 at all.
const NORDIC_LATIN1 = new Set([0xc5, 0xc6, 0xd8, 0xe5, 0xe6, 0xf8]);

// Which of SCRIPT_REGIONS' letter sets each UTF-16 unit is in, as bits, plus one; 0 when not yet known.
const scriptMasks = new Uint32Array(0x10000);

function scriptMaskOf(code: number): number {
  let mask = scriptMasks[code]!;
  if (mask === 0) {
    mask = 1;
    // A surrogate is in none of the sets: with the `u` flag a pair reads as one code point past them all, and a lone
    // one is none of the letters listed.
    if (code < 0xd800 || code > 0xdfff) {
      const unit = String.fromCharCode(code);
      SCRIPT_REGIONS.forEach(([letters], k) => {
        if (letters.test(unit)) mask |= 2 << k;
      });
    }
    scriptMasks[code] = mask;
  }
  return mask - 1;
}

/**
 * The regions of the scripts and letters in the first 2,000 units of `text`, in the order of SCRIPT_REGIONS: one pass
 * over the units with the sets each is in, not one regex scan per set.
 */
export function scriptRegions(text: string): string[] {
  const end = Math.min(text.length, 2_000);
  let found = 0;
  // Only text with a letter past Latin-1 or a Scandinavian one (Å, Æ, Ø, which are within it) can say anything here: a
  // unit from U+0100 on, a lone surrogate included (the `u` flag reads a pair as one code point past U+FFFF).
  let wide = false;
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < 0xc0) continue;
    if (c >= 0xd800 && c <= 0xdfff) {
      const pair = c <= 0xdbff && i + 1 < end && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
      if (pair) i++;
      else wide = true;
      continue;
    }
    if (c >= 0x100 || NORDIC_LATIN1.has(c)) wide = true;
    found |= scriptMaskOf(c);
  }
  const out: string[] = [];
  if (!wide || found === 0) return out;
  SCRIPT_REGIONS.forEach(([, regions], k) => {
    if (found & (2 << k)) out.push(...regions);
  });
  return out;
}

// Payment apps and mobile money that people pay one another through by phone number: a text naming one points to the
// regions it works in ("ok can, I PayNow you 9123 8876", "send it to my GCash 0917 123 4567"). Names that are no
// everyday word in any covered language; the number must still be valid there.
const APP_REGIONS: readonly (readonly [RegExp, readonly string[]])[] = [
  [/\bpaynow\b/i, ["SG"]],
  [/\bm-?pesa\b/i, ["KE", "TZ"]],
  [/\b(?:gcash|paymaya)\b/i, ["PH"]],
  [/\bswish\b/i, ["SE"]],
  [/\bvipps\b/i, ["NO"]],
  [/\bmobilepay\b/i, ["DK", "FI"]],
  [/\bbizum\b/i, ["ES"]],
  [/\b(?:paytm|phonepe|gpay|upi)\b/i, ["IN"]],
  [/\b(?:bkash|nagad)\b/i, ["BD"]],
  [/\b(?:jazzcash|easypaisa)\b/i, ["PK"]],
  [/\bpromptpay\b/i, ["TH"]],
  [/\bblik\b/i, ["PL"]],
  [/\btwint\b/i, ["CH"]],
  [/\becocash\b/i, ["ZW"]],
  [/\b(?:mtn momo|mobile money|momo pay)\b/i, ["GH", "UG", "CM", "RW", "ZM", "CI"]],
  [/\b(?:venmo|zelle|cash ?app)\b/i, ["US"]],
  [/\binterac\b/i, ["CA"]],
  [/\b(?:duitnow|touch ?'?n ?go)\b/i, ["MY"]],
  [/\b(?:gopay|shopeepay)\b/i, ["ID"]],
  [/\b(?:tigo pesa|airtel money|halopesa)\b|فودافون كاش|\bvodafone cash\b/i, ["TZ", "EG"]],
  [/\b(?:opay|palmpay|moniepoint)\b/i, ["NG"]],
];

// All the app names in one regex: most texts name none, and are then read once rather than once per app.
const ANY_APP = new RegExp(APP_REGIONS.map(([name]) => `(?:${name.source})`).join("|"), "i");

function appRegions(text: string): string[] {
  const out: string[] = [];
  if (!ANY_APP.test(text)) return out;
  for (const [name, regions] of APP_REGIONS) if (name.test(text)) out.push(...regions);
  return out;
}

function likelyRegions(text: string, context: RecognizerContext, seen: ReadonlySet<string>): readonly string[] {
  const language = context.language ?? guessLanguage(text);
  const regions = [
    ...new Set([
      ...context.regions,
      ...(LANGUAGE_REGIONS[language ?? ""] ?? []),
      ...seen,
      ...scriptRegions(text),
      ...appRegions(text),
    ]),
  ];
  // A text with no hint at all ("UK 020 7946 0958"): the usual regions are all there is to go on.
  return regions.length > 0 ? regions : DEFAULT_PHONE_REGIONS;
}

function scoreInternational(raw: string): { score: number; country?: string } | null {
  const value = raw.startsWith("00") ? `+${raw.slice(2)}` : raw;
  const parsed = parsePhoneNumberFromString(value);
  if (parsed?.isValid()) return parsed.country ? { score: 0.95, country: parsed.country } : { score: 0.95 };
  return parsed?.isPossible() ? { score: 0.55 } : null;
}

/**
 * Regions tried for a number written without a country code only when a word like "tel" stands right before it: the
 * ones people most often write from beyond the usual ones (Asia, Africa, the Middle East, the rest of Europe and the
 * Americas).
 */
const CUED_REGIONS: readonly string[] = [
  ..."SG MY PH ID TH VN HK TW JP KR CN PK BD LK NP NG KE GH ZA TZ UG EG MA AE SA IL TR".split(" "),
  ..."PL CZ SK HU RO GR SE NO DK FI RU UA NZ CA AR CL CO PE".split(" "),
];

// Regions whose national numbers are always written with their trunk prefix 0 (unlike the US, Italy, Spain or India).
const TRUNK_WRITTEN = new Set([
  "GB",
  "IE",
  "DE",
  "AT",
  "CH",
  "FR",
  "BE",
  "NL",
  "AU",
  "NZ",
  "JP",
  "KR",
  "TW",
  "SE",
  "FI",
]);
const SERVICE_WITHOUT_TRUNK = new Set(["AU", "IE", "KR"]);

const EXTENSION = /\s?(?:ext\.?|x|#)\s?\d{1,5}$/;

function scoreNational(raw: string, digits: string, regions: readonly string[]): number | null {
  const formatted = /[\s().\-/]/.test(raw);
  const number = EXTENSION.test(raw) ? raw.replace(EXTENSION, "").replace(/\D/g, "") : digits;
  for (const region of regions) {
    // libphonenumber reads "7705 2201 6649" as a German number whose trunk 0 was left out; nobody in those countries
    // writes a national number that way, save the service numbers without one (Australia's 1300, Ireland's 1800).
    if (number[0] !== "0" && TRUNK_WRITTEN.has(region) && !(number[0] === "1" && SERVICE_WITHOUT_TRUNK.has(region)))
      continue;
    if (!mayBePhoneIn(number, region)) continue;
    const parsed = parsePhoneNumberFromString(raw, region as CountryCode);
    if (!parsed?.isValid()) continue;
    // A formatted number, or one with a trunk prefix, reads as a phone; a bare digit run could be anything.
    if (formatted) return /^\(?\d{2,5}\)?[\s.\-/]\d/.test(raw) ? 0.7 : 0.6;
    return digits.startsWith("0") && digits.length >= 9 ? 0.45 : 0.35;
  }
  return null;
}
