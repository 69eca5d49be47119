import { type PatternRecognizer, patternRecognizer } from "../pattern-recognizer";
import type { RecognizerContext, RecognizerResult } from "../recognizer";
import { isHighSurrogate, isLowSurrogate } from "../surrogates";
import { namedOtherThanPhone } from "./phone-label";

// Number words of the covered languages and their values. Phone numbers read aloud, and voicemail transcripts, say
// them digit by digit ("oh two eight"), in pairs ("zero six, twelve, thirty-four") or as tens and units
// ("cuarenta y dos", "zweiundvierzig").
const UNITS: readonly (readonly string[])[] = [
  ["zero", "oh", "nought", "null", "nul", "zéro", "cero", "không"],
  ["one", "eins", "un", "une", "uno", "una", "um", "uma", "een", "één", "một", "mốt"],
  ["two", "zwei", "zwo", "deux", "dos", "due", "dois", "duas", "twee", "hai"],
  ["three", "drei", "trois", "tres", "tre", "três", "drie", "ba"],
  ["four", "vier", "quatre", "cuatro", "quattro", "quatro", "bốn", "tư"],
  ["five", "fünf", "cinq", "cinco", "cinque", "vijf", "năm", "lăm"],
  ["six", "sechs", "seis", "sei", "meia", "zes", "sáu"],
  ["seven", "sieben", "sept", "siete", "sette", "sete", "zeven", "bảy", "bẩy"],
  ["eight", "acht", "huit", "ocho", "otto", "oito", "tám"],
  ["nine", "neun", "neuf", "nueve", "nove", "negen", "chín"],
];
const TEENS: readonly (readonly string[])[] = [
  ["ten", "zehn", "dix", "diez", "dieci", "dez", "tien"],
  ["eleven", "elf", "onze", "once", "undici"],
  ["twelve", "zwölf", "douze", "doce", "dodici", "doze", "twaalf"],
  ["thirteen", "dreizehn", "treize", "trece", "tredici", "treze", "dertien"],
  ["fourteen", "vierzehn", "quatorze", "catorce", "quattordici", "catorze", "veertien"],
  ["fifteen", "fünfzehn", "quinze", "quince", "quindici", "vijftien"],
  ["sixteen", "sechzehn", "seize", "dieciséis", "dieciseis", "sedici", "dezesseis", "dezasseis", "zestien"],
  ["seventeen", "siebzehn", "diecisiete", "diciassette", "dezessete", "dezassete", "zeventien"],
  ["eighteen", "achtzehn", "dieciocho", "diciotto", "dezoito", "achttien"],
  ["nineteen", "neunzehn", "diecinueve", "diciannove", "dezenove", "dezanove", "negentien"],
];
const TENS: readonly (readonly string[])[] = [
  ["twenty", "zwanzig", "vingt", "vingts", "veinte", "venti", "vinte", "twintig"],
  ["thirty", "dreißig", "trente", "treinta", "trenta", "trinta", "dertig"],
  ["forty", "vierzig", "quarante", "cuarenta", "quaranta", "quarenta", "veertig"],
  ["fifty", "fünfzig", "cinquante", "cincuenta", "cinquanta", "cinquenta", "vijftig"],
  ["sixty", "sechzig", "soixante", "sesenta", "sessanta", "sessenta", "zestig"],
  ["seventy", "siebzig", "setenta", "settanta", "zeventig"],
  ["eighty", "achtzig", "ochenta", "ottanta", "oitenta", "tachtig"],
  ["ninety", "neunzig", "noventa", "novanta", "negentig"],
];

const VALUE = new Map<string, number>();
UNITS.forEach((words, n) => {
  for (const w of words) VALUE.set(w, n);
});
TEENS.forEach((words, n) => {
  for (const w of words) VALUE.set(w, 10 + n);
});
TENS.forEach((words, n) => {
  for (const w of words) VALUE.set(w, 20 + 10 * n);
});
// Tens and units written as one word: German "zweiundvierzig", Dutch "tweeënveertig", Spanish "veintidós", Italian
// "trentotto".
const GERMAN_UNITS = ["ein", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun"];
const DUTCH_UNITS = ["een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen"];
const ITALIAN_UNITS = ["uno", "due", "tre", "quattro", "cinque", "sei", "sette", "otto", "nove"];
// By language, not by place in TENS: its rows list different languages (not every language has a word of its own).
const GERMAN_TENS = ["zwanzig", "dreißig", "vierzig", "fünfzig", "sechzig", "siebzig", "achtzig", "neunzig"];
const DUTCH_TENS = ["twintig", "dertig", "veertig", "vijftig", "zestig", "zeventig", "tachtig", "negentig"];
const ITALIAN_TENS = ["venti", "trenta", "quaranta", "cinquanta", "sessanta", "settanta", "ottanta", "novanta"];
for (let t = 0; t < 8; t++) {
  for (let u = 0; u < 9; u++) {
    const value = 20 + 10 * t + u + 1;
    VALUE.set(`${GERMAN_UNITS[u]}und${GERMAN_TENS[t]}`, value);
    VALUE.set(`${DUTCH_UNITS[u]}${/[ei]$/.test(DUTCH_UNITS[u]!) ? "ën" : "en"}${DUTCH_TENS[t]}`, value);
    const tens = ITALIAN_TENS[t]!;
    // "ventuno", "trentotto": the tens drop their vowel before uno and otto; "trentatré" takes an accent.
    const unit = u === 2 ? "tré" : ITALIAN_UNITS[u]!;
    VALUE.set(`${u === 0 || u === 7 ? tens.slice(0, -1) : tens}${unit}`, value);
    if (u === 2) VALUE.set(`${tens}tre`, value);
  }
}
for (const [word, value] of [
  ["veintiuno", 21],
  ["veintidós", 22],
  ["veintidos", 22],
  ["veintitrés", 23],
  ["veintitres", 23],
  ["veinticuatro", 24],
  ["veinticinco", 25],
  ["veintiséis", 26],
  ["veintiseis", 26],
  ["veintisiete", 27],
  ["veintiocho", 28],
  ["veintinueve", 29],
] as const)
  VALUE.set(word, value);
// "double five", "triple seven": the next digit said two or three times.
const REPEAT = new Map([
  ["double", 2],
  ["triple", 3],
]);
const FRENCH_TEENS = new Map([
  ["dixsept", 17],
  ["dixhuit", 18],
  ["dixneuf", 19],
]);
// "cuarenta y dos", "quarenta e dois", "vingt et un": words joining tens and units.
const JOINERS = new Set(["y", "e", "et"]);

/** Every word a spoken number is made of, in lower case, longest first. */
export const SPOKEN_NUMBER_WORDS: readonly string[] = [...VALUE.keys(), ...REPEAT.keys(), ...JOINERS].sort(
  (a, b) => b.length - a.length,
);
const WORDS = SPOKEN_NUMBER_WORDS;
const WORD = `(?:${WORDS.join("|")})`;
// A run of at least seven such words, joined by spaces, commas or hyphens. Each repeat consumes a separator and a
// word, so a run has one way to be read and the scan stays linear.
// A run opens on a number or "double", never on "y", "e" or "et": those are among the commonest words of their
// languages, and every word that could open a run is a place the pattern is tried.
const FIRST = `(?:${WORDS.filter((w) => !JOINERS.has(w)).join("|")})`;
const RUN = new RegExp(`(?<![\\p{L}\\p{N}])${FIRST}(?:[ ,\\u00A0–-]{1,3}${WORD}){6,40}(?![\\p{L}\\p{N}])`, "giu");
const TOKEN = /[^ ,\u00A0–-]+/gu;

// A word for a phone or for calling a few words before the number: without one, a run of number words is a code, a
// count or a score read out.
const CUE =
  /(?<![\p{L}])(?:number|call|cell|phone|mobile|reach|ring|bell|text|tel|contact|whatsapp|dial|n[úu]mero|numéro|nummer|nomor|số|gọi|điện|llam\p{L}*|ruf\p{L}*|anruf\p{L}*|erreich\p{L}*|handy|telefon\p{L}*|teléfono|téléphone|portable|appel\p{L}*|chiam\p{L}*|cellulare|lig\p{L}*|celular|móvil|bel|bellen)(?![\p{L}])/iu;

/** The digits a run of number words says, or null when the words do not read as one number. */
export function spokenDigits(run: string): string | null {
  // French "dix-sept" to "dix-neuf" are one number, said after "soixante" and "quatre-vingt" too.
  const tokens = (
    run
      .toLowerCase()
      .replace(/dix-(sept|huit|neuf)/g, "dix$1")
      .match(TOKEN) ?? []
  ).map((t) => (FRENCH_TEENS.has(t) ? String(FRENCH_TEENS.get(t)) : t));
  let out = "";
  let repeat = 1;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (REPEAT.has(t)) {
      repeat = REPEAT.get(t)!;
      continue;
    }
    let value = /^\d+$/.test(t) ? Number(t) : VALUE.get(t);
    if (value === undefined) return null;
    if (value === 4 && (tokens[i + 1] === "vingt" || tokens[i + 1] === "vingts")) {
      value = 80;
      i++;
    }
    // Tens and a unit ("forty two", "cuarenta y dos", "vingt et un"), or French tens and a teen ("soixante-douze").
    if (value >= 20 && value % 10 === 0) {
      const after = tokens[i + 1];
      const joined = after !== undefined && JOINERS.has(after) ? tokens[i + 2] : after;
      const unit = joined === undefined ? undefined : /^\d+$/.test(joined) ? Number(joined) : VALUE.get(joined);
      const most = value === 60 || value === 80 ? 19 : 9;
      if (unit !== undefined && unit >= 1 && unit <= most) {
        value += unit;
        i += joined === after ? 1 : 2;
      }
    }
    out += String(value).repeat(repeat);
    repeat = 1;
  }
  return repeat === 1 ? out : null;
}

/**
 * Phone numbers said in words, as voicemail and call transcripts write them: "oh two eight, nine zero four one",
 * "null eins sieben zwei", "seis uno nueve, cuarenta y dos". Taken only after a word for a phone or for calling, when
 * the words read as seven to fifteen digits and nothing names the number as something else.
 */
const runs = patternRecognizer({
  name: "spoken-phone",
  type: "PHONE",
  patterns: [
    {
      regex: RUN,
      score: 0.7,
      validate: (value, m, text) => {
        const digits = spokenDigits(value);
        if (digits === null || digits.length < 7 || digits.length > 15) return null;
        const before = text.slice(Math.max(0, m.index - 48), m.index);
        if (!CUE.test(before) || namedOtherThanPhone(before)) return null;
        return 0.7;
      },
    },
  ],
});

const WORD_SET = new Set(WORDS);
const SHORTEST = Math.min(...WORDS.map((w) => w.length));
const LONGEST = Math.max(...WORDS.map((w) => w.length));
const LETTER = /\p{L}/u;

/** Length in UTF-16 units of the letter at `i` (1 or 2), or 0 when no letter starts there. */
function letterAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 128) return (c | 32) >= 97 && (c | 32) <= 122 ? 1 : 0;
  const cp = text.codePointAt(i)!;
  return LETTER.test(String.fromCodePoint(cp)) ? (cp > 0xffff ? 2 : 1) : 0;
}

// Kept within 30 bits, so that hashes stay small integers: a map keyed by larger numbers hashes each lookup slowly.
function hashStep(h: number, c: number): number {
  return (Math.imul(h, 31) + c) & 0x3fffffff;
}

// The number words of ASCII letters alone, by a hash of their letters: a word of the text in ASCII letters (most
// words) is then looked up without a lower-cased copy of it. Only such a word can be one of them once lower-cased.
const ASCII_WORDS = new Map<number, string[]>();
// Which low 16 bits of a hash some number word has: most words of a text are ruled out without a map lookup.
const ASCII_HASHED = new Uint8Array(0x10000);
for (const w of WORD_SET) {
  if (!/^[a-z]+$/.test(w)) continue;
  let h = 0;
  for (let k = 0; k < w.length; k++) h = hashStep(h, w.charCodeAt(k));
  ASCII_WORDS.set(h, [...(ASCII_WORDS.get(h) ?? []), w]);
  ASCII_HASHED[h & 0xffff] = 1;
}

/** Whether `text[start, end)`, ASCII letters whose lower case hashes to `hash`, is a number word in any case. */
function isAsciiNumberWord(text: string, start: number, end: number, hash: number): boolean {
  if (ASCII_HASHED[hash & 0xffff] === 0) return false;
  const words = ASCII_WORDS.get(hash);
  if (!words) return false;
  for (const w of words) {
    if (w.length !== end - start) continue;
    let k = 0;
    while (k < w.length && (text.charCodeAt(start + k) | 32) === w.charCodeAt(k)) k++;
    if (k === w.length) return true;
  }
  return false;
}

function isSeparator(c: number): boolean {
  return c === 32 || c === 44 || c === 45 || c === 0xa0 || c === 0x2013;
}

/**
 * Whether a text holds seven number words in a row, each a whole run of letters with one to three separators between
 * it and the next: what every match of the run pattern holds. The pattern opens on any of some 250 words and would
 * otherwise be tried at nearly every word of every text; this loop over character codes rules out almost all texts
 * first.
 */
export function mayHoldSpokenRun(text: string): boolean {
  let inRow = 0;
  let gap = -1;
  for (let i = 0; i < text.length; ) {
    let step = letterAt(text, i);
    if (step > 0) {
      // The regex's `iu` flags fold the long s and the Kelvin sign to "s" and "k"; lower-casing does not.
      let folds = false;
      let ascii = true;
      let hash = 0;
      let end = i;
      while (step > 0) {
        const c = text.charCodeAt(end);
        if (c >= 0x80) {
          ascii = false;
          if (c === 0x17f || c === 0x212a) folds = true;
        } else hash = hashStep(hash, c | 32);
        end += step;
        step = end < text.length ? letterAt(text, end) : 0;
      }
      let number = false;
      if (end - i >= SHORTEST && end - i <= LONGEST) {
        if (ascii) number = isAsciiNumberWord(text, i, end, hash);
        else {
          let word = text.slice(i, end).toLowerCase();
          if (folds) word = word.replace(/\u017f/g, "s").replace(/\u212a/g, "k");
          number = WORD_SET.has(word);
        }
      }
      if (number) {
        inRow = gap >= 1 && gap <= 3 ? inRow + 1 : 1;
        if (inRow >= 7) return true;
      } else inRow = 0;
      gap = 0;
      i = end;
      continue;
    }
    const c = text.charCodeAt(i);
    if (isSeparator(c) && gap >= 0) gap++;
    else {
      inRow = 0;
      gap = -1;
    }
    // Two units only for a whole pair: a lone high surrogate is one, and the letter after it may open a run.
    i += isHighSurrogate(c) && isLowSurrogate(text.charCodeAt(i + 1)) ? 2 : 1;
  }
  return false;
}

/**
 * Phone numbers said in words: see the run pattern above. Texts without seven number words in a row skip it.
 */
export const spokenPhoneRecognizer: PatternRecognizer = {
  name: runs.name,
  types: runs.types,
  patterns: runs.patterns,
  analyze: (text: string, context: RecognizerContext): RecognizerResult[] =>
    mayHoldSpokenRun(text) ? runs.analyze(text, context) : [],
};
