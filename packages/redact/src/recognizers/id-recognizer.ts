import { type PatternVerdict, patternRecognizer } from "../pattern-recognizer";
import { luhnValid } from "../validation/luhn";
import {
  balticPersonalCodeValid,
  belgianNationalNumberValid,
  cnpValid,
  cprValid,
  egnValid,
  fodselsnummerValid,
  hetuValid,
  kvnrValid,
  rodneCisloValid,
  rutValid,
  snilsValid,
  steuerIdValid,
} from "../validation/national-id-checks";
import { verhoeffValid } from "../validation/verhoeff";
import { NUMBER_PLATE_PATTERNS } from "./number-plate-patterns";
import { PERSONAL_ID_ACRONYMS, PERSONAL_ID_SCRIPT_WORDS, PERSONAL_ID_WORDS } from "./personal-id-labels";

const DNI_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE";

function dniValid(value: string): boolean {
  const v = value.toUpperCase().replace(/^X/, "0").replace(/^Y/, "1").replace(/^Z/, "2");
  const n = Number(v.slice(0, 8));
  return DNI_LETTERS[n % 23] === v[8];
}

// Singapore's NRIC and FIN: a letter for the century and status, seven digits, and a check letter from weighted
// digits (the M series of 2022 has a table of its own).
const NRIC_WEIGHTS = [2, 7, 6, 5, 4, 3, 2];
const NRIC_TABLES: Readonly<Record<string, readonly [number, string]>> = {
  S: [0, "JZIHGFEDCBA"],
  T: [4, "JZIHGFEDCBA"],
  F: [0, "XWUTRQPNMLK"],
  G: [4, "XWUTRQPNMLK"],
  M: [3, "KLJNPQRTUWX"],
};

function nricValid(value: string): boolean {
  const [offset, table] = NRIC_TABLES[value[0]!] ?? [0, ""];
  if (table === "") return false;
  let sum = offset;
  for (let i = 0; i < 7; i++) sum += Number(value[i + 1]) * NRIC_WEIGHTS[i]!;
  const index = value[0] === "M" ? 10 - (sum % 11) : sum % 11;
  return table[index] === value[8];
}

function cpfValid(digits: string): boolean {
  if (/^(\d)\1{10}$/.test(digits)) return false;
  const check = (len: number) => {
    let sum = 0;
    for (let i = 0; i < len; i++) sum += Number(digits[i]) * (len + 1 - i);
    const r = (sum * 10) % 11;
    return (r === 10 ? 0 : r) === Number(digits[len]);
  };
  return check(9) && check(10);
}

function codiceFiscaleValid(value: string): boolean {
  const odd = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23];
  let sum = 0;
  for (let i = 0; i < 15; i++) {
    const ch = value.charCodeAt(i);
    const n = ch <= 57 ? ch - 48 : ch - 65;
    sum += i % 2 === 0 ? odd[n]! : n;
  }
  return String.fromCharCode(65 + (sum % 26)) === value[15];
}

function elevenProof(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(digits[i]) * (9 - i);
  return (sum - Number(digits[8])) % 11 === 0;
}

function peselValid(d: string): boolean {
  const w = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3];
  let sum = 0;
  for (let i = 0; i < 10; i++) sum += Number(d[i]) * w[i]!;
  const month = Number(d.slice(2, 4)) % 20;
  return (10 - (sum % 10)) % 10 === Number(d[10]) && month >= 1 && month <= 12;
}

/** The NHS number's mod-11 check digit (weights 10 to 2; a remainder giving 10 is never issued). */
function nhsValid(d: string): boolean {
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(d[i]) * (10 - i);
  const check = (11 - (sum % 11)) % 11;
  return check !== 10 && check === Number(d[9]);
}

function tcknValid(d: string): boolean {
  if (d[0] === "0") return false;
  const n = [...d].map(Number);
  const odd = n[0]! + n[2]! + n[4]! + n[6]! + n[8]!;
  const even = n[1]! + n[3]! + n[5]! + n[7]!;
  const tenth = (((odd * 7 - even) % 10) + 10) % 10;
  return tenth === n[9] && n.slice(0, 10).reduce((a, b) => a + b, 0) % 10 === n[10];
}

/** A South African identity number: a real date of birth, citizenship 0 or 1, and Luhn over all thirteen digits. */
function saIdValid(v: string): boolean {
  const month = Number(v.slice(2, 4));
  const day = Number(v.slice(4, 6));
  return month >= 1 && month <= 12 && day >= 1 && day <= 31 && (v[10] === "0" || v[10] === "1") && luhnValid(v);
}

/** A Thai national id: the first digit 1 to 8, and the thirteenth (11 - sum of digit i times (13 - i)) mod 11 mod 10. */
function thaiIdValid(d: string): boolean {
  if (d.length !== 13 || d[0] === "0" || d[0] === "9") return false;
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(d[i]) * (13 - i);
  return (11 - (sum % 11)) % 10 === Number(d[12]);
}

// Eleven-digit national numbers, each taken only with its checksum and its name a few words before it.
const ELEVEN_DIGIT_IDS: readonly [RegExp, (digits: string) => boolean][] = [
  [/pesel/i, peselValid],
  [/kimlik|tckn|t\.\s?c\.?\s?(?:no|kimlik)/i, tcknValid],
];

// Between a number's name and the number: "CPR-nr.:", "RUT", "תעודת זהות לחוזה:", "Steuer-ID ist", "(".
const NAMED_GAP =
  "(?:-?[^\\S\\n]?(?:no|nr|n[º°o]|number|nummer|numéro|número|numero|číslo|#)\\.?)?(?:[^\\S\\n]\\p{L}{1,12}){0,2}?[^\\S\\n]?(?:[:#=]|is|ist|est|es|je|er|on|är)?[^\\S\\n]{0,3}\\(?";
const digits = (v: string) => v.replace(/\D/g, "");

/** A national number after its name, checked by its own rule: `[name, number shape, check]`. */
const NAMED_NUMBERS: readonly [string, string, (value: string) => boolean][] = [
  // Czech and Slovak rodné číslo: "r. č. 850614/1237".
  [
    "rodné číslo|rodného čísla|rodne cislo|r\\.[^\\S\\n]?č\\.|RČ",
    "\\d{6}\\/?\\d{3,4}",
    (v) => rodneCisloValid(digits(v)),
  ],
  // Danish CPR: "CPR-nr.: 120387-4417".
  ["CPR|cpr-nummer|personnummer", "\\d{6}-?\\d{4}", (v) => cprValid(digits(v))],
  // Chilean RUT and RUN: "RUT 17.482.553-K".
  [
    "RUT|RUN|R\\.U\\.T\\.",
    "\\d{1,2}\\.?\\d{3}\\.?\\d{3}-?[\\dkK]",
    (v) => rutValid(digits(v.slice(0, -1)), v.slice(-1)),
  ],
  // Romanian CNP.
  ["CNP|cod numeric personal", "[1-9]\\d{12}", cnpValid],
  // Israeli identity number (Luhn over nine digits): "ת.ז. 312786452".
  [
    "תעודת זהות(?:[^\\S\\n]?\\((?:מס[׳']|מספר)\\.?)?|ת\\.ז\\.?|ת\"ז|מספר זהות|teudat zehut",
    "\\d{8,9}",
    (v) => luhnValid(v.padStart(9, "0")),
  ],
  // South African identity number: date of birth, sequence, citizenship (0 or 1), a digit, and a Luhn check digit.
  ["ID|ID number|identity number|RSA ID|SA ID", "\\d{13}", saIdValid],
  // Thai national id: thirteen digits, the last a weighted mod-11 check ("1 1037 00123 45 8").
  [
    "เลขประจำตัวประชาชน|เลขบัตรประชาชน|บัตรประชาชน|Thai ID",
    "\\d[^\\S\\n]?\\d{4}[^\\S\\n]?\\d{5}[^\\S\\n]?\\d{2}[^\\S\\n]?\\d",
    (v) => thaiIdValid(digits(v)),
  ],
  // German tax id: "Steuer-ID 65 929 970 489".
  [
    "steuer-?id|steuer-?idnr\\.?|steueridentifikationsnummer|steuer-identifikationsnummer|identifikationsnummer",
    "\\d{2}[^\\S\\n]?\\d{3}[^\\S\\n]?\\d{3}[^\\S\\n]?\\d{3}",
    (v) => steuerIdValid(digits(v)),
  ],
  // German health insurance number: "Versichertennummer K403812572".
  [
    "versichertennummer|krankenversichertennummer|versicherten-nr\\.?|versichertennr\\.?|KVNR",
    "[A-Z]\\d{9}",
    kvnrValid,
  ],
  // Russian SNILS: "СНИЛС 112-233-445 95".
  ["СНИЛС|SNILS", "\\d{3}-?\\d{3}-?\\d{3}[-\\s]?\\d{2}", (v) => snilsValid(digits(v))],
  // Bulgarian EGN.
  ["ЕГН|EGN", "\\d{10}", egnValid],
  // Estonian isikukood, Lithuanian asmens kodas.
  ["isikukood|asmens kodas|asmens kodo", "[1-6]\\d{10}", balticPersonalCodeValid],
  // Norwegian fødselsnummer.
  ["fødselsnummer|fødselsnr\\.?|fodselsnummer", "\\d{6}[^\\S\\n]?\\d{5}", (v) => fodselsnummerValid(digits(v))],
  // Belgian national register number: "rijksregisternummer 85.07.30-033.28".
  [
    "rijksregisternummer|rijksregister|registre national|numéro national|NISS|INSZ",
    "\\d{2}\\.?\\d{2}\\.?\\d{2}-?\\d{3}\\.?\\d{2}",
    (v) => belgianNationalNumberValid(digits(v)),
  ],
];

// Between a personal number's name and the number: "SV-Nummer:", "UAN (PF):", "ID No.", "nambari", "番号：", "(".
const ID_GAP =
  "(?:[^\\S\\n]?\\([^()\\n]{1,12}\\))?(?:[^\\S\\n]\\p{L}{1,12}){0,2}?(?:[^\\S\\n]?[(（])?(?:-?[^\\S\\n]?(?:no|nr|n[º°o]|number|nummer|numéro|número|numero|číslo|szám|nambari|namba|lambar|số|رقم|شماره|नंबर|नं|নম্বর|番号|번호|#)\\.?)?(?:[^\\S\\n]\\p{L}{1,12})??[^\\S\\n]?(?:[:：#=]|is|ist|est|es|je|er|on|är)?[^\\S\\n]{0,3}[(（\"']?[^\\S\\n]?";
// The number: letters and digits in up to eight groups joined by one space, dot, slash or hyphen. What it may hold
// beyond the number ("48213097651 has") is cut off by personalIdAfterLabel. A digit comes after at most six letters
// ("BXKPV4821L", "CFK 482913"), so that words after the label are read as part of the gap, not as the number.
const ID_VALUE = "((?=\\p{L}{0,6}[-./ ]?\\p{N})[\\p{L}\\p{N}]+(?:[-./ ][\\p{L}\\p{N}]+){0,7})";
// Words before a label that make its number another kind of number: "order ID no.", "customer tax number".
const OTHER_OWNER_BEFORE =
  /(?:order|ticket|invoice|customer|client|booking|transaction|tracking|reference|account|member|employee|student|meeting|session|user|device|product|item|company|business|vat|firm)[^\S\n]{0,2}$/iu;

const COMPANY_WORD =
  /организаци|компани|предприяти|фирм|fyrirtæk|company|empresa|société|societa|società|firma|firmy|bedrijf|yrityksen|şirket|virksomhed|företag|selskap/iu;

/**
 * The personal number a label names, from the text after it: the groups that are all capitals and digits, the first
 * of them letters only when it is a short series ("CFK 482913", "PO 4K812"), with enough digits to be a number.
 */
function personalIdAfterLabel(value: string, m: RegExpExecArray, text: string): PatternVerdict {
  if (OTHER_OWNER_BEFORE.test(text.slice(Math.max(0, m.index - 24), m.index))) return null;
  const start = m.indices?.[1]?.[0] ?? m.index;
  // "ИНН организации", "kennitala fyrirtækis": the number of a company, named between the label and the number.
  if (COMPANY_WORD.test(text.slice(m.index, start))) return null;
  let end = 0;
  let digitsSoFar = 0;
  for (const g of value.matchAll(/([^-./ ]+)([-./ ]?)/gu)) {
    const group = g[1]!;
    if (!/^[A-Z0-9]+$/.test(group)) break;
    const digits = group.replace(/\D/g, "").length;
    // A short series of letters may open the number or stand inside it ("CFK 482913", "53 140287 K 015").
    if (digits === 0 && (group.length > 3 || g[2] === "")) break;
    digitsSoFar += digits;
    if (digits > 0) end = g.index + group.length;
  }
  const id = value.slice(0, end);
  const letters = id.replace(/[^A-Z]/g, "").length;
  if (id.length < 5 || id.length > 24) return null;
  if (!(digitsSoFar >= 5 || (digitsSoFar >= 3 && letters >= 3 && id.length >= 7))) return null;
  // A date is no number of a person's; a US social security number is the SSN recognizer's.
  if (/^\d{1,2}[./-]\d{1,2}[./-]\d{2,4}$/.test(id) || /^\d{3}-\d{2}-\d{4}$/.test(id)) return null;
  return { start, end: start + end, score: 0.7 };
}

// The payment service handles of India's UPI ("manju.gowda@okaxis", "9814022371@paytm"): an address that names a
// person's bank account, written like an e-mail address without a domain.
const UPI_HANDLES =
  "ybl|ibl|axl|okaxis|okhdfcbank|okicici|oksbi|okbizaxis|paytm|pthdfc|ptaxis|ptsbi|ptyes|upi|apl|yapl|rapl|axisbank|axisb|hdfcbank|icici|sbi|kotak|kmbl|freecharge|airtel|jio|indus|fbl|federal|idfcbank|idfcfirst|rbl|yesbank|yesbankltd|barodampay|pnb|citi|dbs|hsbc|unionbank|kbl|aubank|ikwik|waaxis|wahdfcbank|wasbi|waicici|abfspay|timecosmos|fam|jupiteraxis|naviaxis|superyes|mahb|boi|cnrb|cbin|iob|uco|psb|kvb|equitas|jkb|sib|nsdl|postbank|ippb|mobikwik|payzapp";

/** Whether two digits of a year, a month and a day make a date: the birth date at the head of many national ids. */
function birthDate(yy: string, mm: string, dd: string): boolean {
  const m = Number(mm);
  const d = Number(dd);
  return /^\d\d$/.test(yy) && m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

const DOC_WORDS =
  "passport|passeport|pasaporte|passaporto|paspoort|passaporte|reisepass|licen[cs]e|driver'?s? licen[cs]e|driving licen[cs]e|führerschein|permis|carnet|patente|rijbewijs|carta de condução|identity card|id card|ausweis|personalausweis|carte d'identité|cni|cnie|cin|dni|nie|documento|identiteitskaart|national insurance|nino|tax id|steuer-id|steueridentifikationsnummer|nif|bsn|aadhaar|cpf|tfn|medicare|codice fiscale|licence number|license number|id number";

/**
 * Identity documents: national ids with checksums (Spanish DNI/NIE, Italian codice fiscale, Brazilian CPF, Dutch
 * BSN, Indian Aadhaar and PAN, UK National Insurance, French NIR), and passport or licence numbers after a word
 * naming the document.
 */
export const idRecognizer = patternRecognizer({
  name: "id",
  type: "ID",
  context: [...DOC_WORDS.split("|"), "id", "pan", "rg", "sin", "document", "dokument"],
  patterns: [
    {
      // Singapore NRIC or FIN, "S8712345F": only with a valid check letter.
      regex: /(?<![\p{L}\p{N}])[STFGM]\d{7}[A-Z](?![\p{L}\p{N}])/gu,
      requires: /[STFGM]\d{7}[A-Z]/,
      score: 0.85,
      validate: (value) => (nricValid(value) ? 0.85 : null),
    },
    {
      // Emirates ID, "784-1988-4471023-0": the country code 784, the year of birth, seven digits and a Luhn digit.
      regex: /(?<![\p{L}\p{N}-])784-?(?:19|20)\d\d-?\d{7}-?\d(?![\p{L}\p{N}]|-\d)/gu,
      requires: /784-?(?:19|20)\d\d/,
      score: 0.85,
      validate: (value) => (luhnValid(value.replace(/\D/g, "")) ? 0.9 : 0.6),
    },
    {
      regex: /(?<![\p{L}\p{N}])[XYZ]?\d{7,8}-?[A-Z](?![\p{L}\p{N}])/gu,
      requires: /\d{7}-?[A-Z]/,
      score: 0.85,
      validate: (value) => {
        const v = value.replace("-", "");
        return v.length === 9 && dniValid(v) ? 0.85 : null;
      },
    },
    {
      regex: /(?<![\p{L}\p{N}])[A-Z]{6}\d{2}[A-EHLMPRST]\d{2}[A-Z]\d{3}[A-Z](?![\p{L}\p{N}])/gu,
      requires: /[A-Z]\d{2}[A-Z]\d{3}[A-Z]/,
      score: 0.95,
      validate: (value) => (codiceFiscaleValid(value) ? 0.95 : 0.5),
    },
    {
      regex: /(?<![\p{L}\p{N}.-])\d{3}\.\d{3}\.\d{3}-\d{2}(?![\p{L}\p{N}])/gu,
      requires: /\d\.\d{3}-\d/,
      score: 0.9,
      validate: (value) => (cpfValid(value.replace(/\D/g, "")) ? 0.9 : 0.4),
    },
    {
      regex: /(?<![\p{L}\p{N}])[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\d{2} ?\d{2} ?\d{2} ?[A-D](?![\p{L}\p{N}])/gu,
      requires: /\d ?\d{2} ?[A-D]/,
      score: 0.8,
    },
    {
      regex: /(?<![\p{L}\p{N}])[A-Z]{3}[PCHFATBLJG][A-Z]\d{4}[A-Z](?![\p{L}\p{N}])/gu,
      requires: /[A-Z]\d{4}[A-Z]/,
      score: 0.75,
    },
    {
      // Mexican CURP.
      regex: /(?<![\p{L}\p{N}])[A-Z]{4}\d{6}[HM][A-Z]{5}[A-Z0-9]\d(?![\p{L}\p{N}])/gu,
      requires: /\d{6}[HM][A-Z]{5}/,
      score: 0.85,
    },
    {
      // Aadhaar: 12 digits in groups of four, Verhoeff-checked.
      regex: /(?<![\p{L}\p{N}-])[2-9]\d{3} ?\d{4} ?\d{4}(?![\p{L}\p{N}])/gu,
      requires: /\d{4} ?\d{4} ?\d{4}/,
      score: 0.6,
      validate: (value) => (verhoeffValid(value.replace(/ /g, "")) ? 0.6 : null),
    },
    {
      // French NIR: sex, year, month, department, commune, order, key (97 - n mod 97).
      regex:
        /(?<![\p{L}\p{N}])[12] ?\d{2} ?(?:0[1-9]|1[0-2]|[2-9]\d) ?(?:\d{2}|2[AB]) ?\d{3} ?\d{3} ?\d{2}(?![\p{L}\p{N}])/gu,
      score: 0.85,
      validate: (value) => {
        const v = value.replace(/ /g, "").replace("2A", "19").replace("2B", "18");
        const body = BigInt(v.slice(0, 13));
        return 97n - (body % 97n) === BigInt(v.slice(13)) ? 0.85 : null;
      },
    },
    {
      // Dutch BSN and Canadian SIN: only next to their name, both checksummed.
      regex:
        /(?<=(?:bsn|burgerservicenummer|sin|social insurance number)\s?(?:number|nummer|no\.?|#)?:?\s?)(\d{3}[ .-]?\d{3}[ .-]?\d{3})(?![\p{N}])/giu,
      requires: /bsn|burgerservicenummer|sin|social insurance number/i,
      score: 0.85,
      validate: (value) => {
        const d = value.replace(/\D/g, "");
        return elevenProof(d) || luhnValid(d) ? 0.85 : null;
      },
    },
    {
      // UK NHS numbers after their name: "NHS number: 943 476 5919". A number so named that misses the check digit
      // is still someone's (mistyped) number, at a lower score.
      regex: /(?<=(?<![\p{L}])NHS\s?(?:number|no\.?|#)?\s?:?\s?)\d{3}[ -]?\d{3}[ -]?\d{4}(?![\p{L}\p{N}])/gu,
      requires: /NHS/,
      score: 0.9,
      validate: (value) => (nhsValid(value.replace(/\D/g, "")) ? 0.9 : 0.6),
    },
    {
      // Swedish personnummer, with or without the century: "personnummer 19870512-4389", Luhn on the last ten digits.
      regex: /(?<![\p{L}\p{N}])(?:19|20)?\d{6}[-+]\d{4}(?![\p{L}\p{N}])/gu,
      requires: /person(?:nummer|nr)/i,
      score: 0.85,
      validate: (value, match, text) => {
        const before = text.slice(Math.max(0, match.index - 40), match.index);
        return /person(?:nummer|nr)/i.test(before) && luhnValid(value.replace(/\D/g, "").slice(-10)) ? 0.85 : null;
      },
    },
    {
      // Polish PESEL and Turkish T.C. kimlik numbers: "PESEL pacjenta: 44051401359".
      regex: /(?<![\p{L}\p{N}])\d{11}(?![\p{L}\p{N}])/gu,
      requires: /pesel|kimlik|tckn|t\.\s?c\./i,
      score: 0.85,
      validate: (value, match, text) => {
        const before = text.slice(Math.max(0, match.index - 40), match.index);
        return ELEVEN_DIGIT_IDS.some(([name, valid]) => name.test(before) && valid(value)) ? 0.85 : null;
      },
    },
    ...NAMED_NUMBERS.map(([name, shape, valid]) => ({
      regex: new RegExp(`(?<![\\p{L}\\p{N}])(?:${name})${NAMED_GAP}(${shape})(?![\\p{L}\\p{N}]|[-/.]\\d)`, "dgiu"),
      group: 1,
      score: 0.85,
      validate: (value: string) => (valid(value) ? 0.85 : null),
    })),
    {
      // Finnish henkilötunnus, whose century sign and check character make it unmistakable: "131052-308T".
      regex: /(?<![\p{L}\p{N}])\d{6}[-+A-FU-Y]\d{3}[0-9A-Y](?![\p{L}\p{N}])/gu,
      requires: /\d{6}[-+A-FU-Y]\d{3}[0-9A-Y]/,
      score: 0.85,
      validate: (value) => (hetuValid(value) ? 0.85 : null),
    },
    {
      // Named numbers whose check digit is not published or that people mistype: a UK National Insurance number
      // after its name ("NI number QQ 12 34 56 C"), a French NIR after "sécurité sociale", a Russian health policy.
      regex:
        /(?<![\p{L}\p{N}])(?:NI number|NI no\.?|NINO|national insurance(?: number| no\.?)?|n(?:[º°o]|uméro) de sécurité sociale|sécurité sociale|securite sociale|NIR|carte vitale|полис(?:а)? ОМС|ОМС|ЕНП)(?:[^\S\n](?:is|est))?[^\S\n]?:?[^\S\n]{0,3}([A-Z]{2}[^\S\n]?\d{2}[^\S\n]?\d{2}[^\S\n]?\d{2}[^\S\n]?[A-D]|[12][^\S\n]?\d{2}[^\S\n]?\d{2}[^\S\n]?(?:\d{2}|2[AB])[^\S\n]?\d{3}[^\S\n]?\d{3}[^\S\n]?\d{2}|\d{4}[^\S\n]?\d{4}[^\S\n]?\d{4}[^\S\n]?\d{4})(?![\p{L}\p{N}])/dgiu,
      group: 1,
      score: 0.7,
      validate: (value) => (/[a-z]/.test(value) ? null : 0.7),
    },
    {
      // Malaysian MyKad number: date of birth, a place-of-birth code and four digits ("920417-14-5533").
      regex: /(?<![\p{L}\p{N}-])(\d{2})(\d{2})(\d{2})-(\d{2})-\d{4}(?![\p{L}\p{N}]|-\d)/gu,
      requires: /\d{6}-\d{2}-\d{4}/,
      score: 0.75,
      validate: (_value, m) => {
        const place = Number(m[4]);
        const placeOk = (place >= 1 && place <= 59) || (place >= 60 && place <= 99 && place !== 70 && place !== 80);
        return birthDate(m[1]!, m[2]!, m[3]!) && placeOk ? 0.75 : null;
      },
    },
    {
      // Korean resident registration number: date of birth, then a digit for the century and sex, and six more
      // ("950312-2184617").
      regex: /(?<![\p{L}\p{N}-])(\d{2})(\d{2})(\d{2})-[1-8]\d{6}(?![\p{L}\p{N}]|-\d)/gu,
      requires: /\d{6}-[1-8]\d{6}/,
      score: 0.8,
      validate: (_value, m) => (birthDate(m[1]!, m[2]!, m[3]!) ? 0.8 : null),
    },
    {
      // A UPI handle: "salmak@ybl", "9814022371@paytm".
      regex: new RegExp(
        `(?<![\\p{L}\\p{N}._@-])[\\p{L}\\p{N}][\\p{L}\\p{N}._-]{1,48}@(?:${UPI_HANDLES})(?![\\p{L}\\p{N}@]|[.-][\\p{L}\\p{N}])`,
        "giu",
      ),
      requires: new RegExp(`@(?:${UPI_HANDLES})(?![\\p{L}\\p{N}])`, "iu"),
      // The "@" comes after at most 50 characters of the handle's name.
      anchor: { regex: /@/, within: 50 },
      score: 0.75,
    },
    {
      // A person's own number after the word that names it, whatever its shape: "SV-Nummer: 53 140287 K 015",
      // "PhilHealth 12-050148837-1", "الرقم القومي: 27906150102347" (see personal-id-labels).
      regex: new RegExp(
        `(?<![\\p{L}\\p{N}])(?:${PERSONAL_ID_WORDS.join("|")})${ID_GAP}${ID_VALUE}(?![\\p{L}\\p{N}])`,
        "dgiu",
      ),
      group: 1,
      score: 0.7,
      validate: personalIdAfterLabel,
    },
    {
      // The same after the words of scripts the word index does not read: "الرقم القومي: 27906150102347",
      // "주민등록번호", "Số CCCD". No look-behind: Chinese and Japanese write no space before a label.
      regex: new RegExp(`(?:${PERSONAL_ID_SCRIPT_WORDS.join("|")})${ID_GAP}${ID_VALUE}(?![\\p{L}\\p{N}])`, "dgiu"),
      requires: new RegExp(PERSONAL_ID_SCRIPT_WORDS.join("|"), "iu"),
      group: 1,
      score: 0.7,
      validate: personalIdAfterLabel,
    },
    {
      // The same after an acronym written in capitals: "NIN 48213097651", "TIN 418-552-903-000", "OIB: 69435151530".
      regex: new RegExp(
        `(?<![\\p{L}\\p{N}])(?:${PERSONAL_ID_ACRONYMS.join("|")})(?![\\p{L}\\p{N}])${ID_GAP}${ID_VALUE}(?![\\p{L}\\p{N}])`,
        "dgu",
      ),
      group: 1,
      score: 0.7,
      validate: personalIdAfterLabel,
    },
    {
      // "passport no. X1234567", "Führerschein: B072RRE2I55", "DNI 12345678Z", "license number D1234-5678".
      regex: new RegExp(
        `(?<![\\p{L}])(?:${DOC_WORDS})(?:(?:\\s\\p{L}{1,12}){0,3}?\\s\\(?(?:no\\.?|number|nr\\.?|nummer|numéro|número|numero|n[º°o]\\.?|n\\.|#))?\\s?(?:is|ist|est|es|è|é)?:?\\s?[#(]?([A-Z0-9][A-Z0-9-]{4,15}[A-Z0-9])(?![\\p{L}\\p{N}])`,
        "dgiu",
      ),
      requires: new RegExp(DOC_WORDS, "i"),
      group: 1,
      score: 0.7,
      validate: (value) => (/^[A-Z0-9-]+$/.test(value) && (value.match(/\d/g) ?? []).length >= 2 ? 0.7 : null),
    },
    // Last: V8 compiles a process's regexes in the order they first run, and optimizes only those compiled before
    // the process holds 16 MB of machine code (see smallRegexCode); the plate patterns, added after the others, keep
    // them in the order they had.
    ...NUMBER_PLATE_PATTERNS,
  ],
});
