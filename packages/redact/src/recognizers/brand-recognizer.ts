import type { Recognizer, RecognizerResult } from "../recognizer";
import { ARABIC, CYRILLIC, DEVANAGARI, GREEK, HAN, HANGUL, HEBREW, KANA, scriptBlocks, THAI } from "../script-blocks";
import { smallRegexCode } from "../small-regex-code";
import { AMBIGUOUS_BRANDS, LATIN_BRANDS, SCRIPT_BRANDS } from "./brands";

// Firms people name, from a list (see brands.ts): "Send it to my Capitec", "ordered on Takealot", "ممكن تحولهم
// فودافون كاش". A listed name is matched as its firm writes it, or in capitals ("POSTNORD"); one that is also an
// ordinary word needs a word around it that says it is the firm.

const SCORE = 0.7;

// A word that may open a firm's name: a capital or a digit, or a lower-case letter before a capital ("eBay",
// "bKash"), not inside an address, a handle or a path.
const CANDIDATE = /(?<![\p{L}\p{N}_@./\\-])(?:\p{Lu}|\p{N}|[a-z](?=\p{Lu}))[\p{L}\p{N}&'’.+-]*/gu;

// The names, by their first word in lower case, longest first.
const BY_FIRST = (() => {
  const map = new Map<string, string[]>();
  for (const name of LATIN_BRANDS) {
    const key = name.split(" ")[0]!.toLowerCase();
    const list = map.get(key) ?? [];
    list.push(name);
    map.set(key, list);
  }
  for (const list of map.values()) list.sort((a, b) => b.length - a.length);
  return map;
})();

// Words before an ambiguous name that say it is the firm: "via Wise", "with Bolt", "my Orange bill", "del Éxito".
const CUE_BEFORE = new Set(
  `via with from at on to my your our his her their by using use through ordered bought paid pay in into del de al en
  con por para com no na da do pela pelo per mit bei von bij van op met och på hos med chez par au aux ke di dari
  pakai lewat sa ng kwa`.split(/\s+/u),
);
// Words after one: "Orange bill", "Wise transfer", "Bolt driver".
const CUE_AFTER = new Set(
  `app account acc card bank wallet store shop order orders delivery driver ride rider customer support transfer
  payment balance number sim plan bill box package parcel pickup locker points credit debit statement loan agent
  branch kart konto compte cuenta conta tarjeta cartão carte karte pay money cash`.split(/\s+/u),
);
// What follows an office's name when the name only labels a person's number: "NHS number", "KRA PIN", "Emirates ID".
const LABELLED = /^[ \t]+(?:[Nn]umber|[Nn]o\.|[Nn]r\.?|ID|PIN)(?![\p{L}\p{N}])/u;
// A card network before a card's number or kind names the card, not a firm the person deals with: "VISA 4111",
// "Mastercard ending 7975", "VISA DEBIT".
const CARD_NETWORKS = new Set(["Visa", "Mastercard", "MasterCard", "Amex", "American Express", "Diners Club"]);
const CARD_AFTER = /^[ \t]*(?:[\d*•x(]|ending|debit|credit|card|classic|gold|platinum)/iu;
const SCRIPTS = CYRILLIC | GREEK | HEBREW | ARABIC | DEVANAGARI | THAI | HAN | HANGUL | KANA;
// Compiled small (see smallRegexCode): hundreds of names, read only in texts of those scripts.
const SCRIPT_NAMES = smallRegexCode(
  new RegExp(
    [...SCRIPT_BRANDS]
      .sort((a, b) => b.length - a.length)
      .map((w) => w.replace(/[\\^$.*+?()[\]{}|/]/g, "\\$&"))
      .join("|"),
    "gu",
  ),
);
// Scripts that space their words: a name there stands between non-letters, or takes a case ending ("Сбербанка") or
// an Arabic prefix glued before it ("بفودافون").
const SPACED = /[\p{Script=Cyrillic}\p{Script=Greek}\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Devanagari}]/u;
const LETTER = /\p{L}/u;

function sentenceStart(text: string, at: number): boolean {
  let k = at - 1;
  while (k >= 0 && (text[k] === " " || text[k] === "\t")) k--;
  return k < 0 || /[.!?\n:"“«(]/u.test(text[k]!);
}

function cued(text: string, start: number, end: number): boolean {
  const before = /([\p{L}]+)[ \t]+$/u.exec(text.slice(Math.max(0, start - 20), start));
  if (before && CUE_BEFORE.has(before[1]!.toLowerCase())) return true;
  const after = /^[ \t]+([\p{L}]+)/u.exec(text.slice(end, end + 20));
  return after !== null && CUE_AFTER.has(after[1]!.toLowerCase());
}

function latinBrands(text: string, out: RecognizerResult[]): void {
  CANDIDATE.lastIndex = 0;
  for (let m = CANDIDATE.exec(text); m; m = CANDIDATE.exec(text)) {
    const last = m[0][m[0].length - 1]!;
    const word =
      last === "." || last === "'" || last === "’" || last === "+" || last === "-"
        ? m[0].replace(/[.'’+-]+$/u, "")
        : m[0];
    const names = BY_FIRST.get(word.toLowerCase());
    if (!names) continue;
    for (const name of names) {
      const value = text.slice(m.index, m.index + name.length);
      if (value !== name && !(value === name.toUpperCase() && /\p{L}{3}/u.test(name))) continue;
      const end = m.index + name.length;
      if (end < text.length && /[\p{L}\p{N}&]/u.test(text[end]!)) continue;
      // "Amazon.com": the firm's address, read by the URL rule.
      if (/^\.[a-z]/u.test(text.slice(end, end + 2))) continue;
      if (LABELLED.test(text.slice(end, end + 12))) break;
      if (CARD_NETWORKS.has(name) && CARD_AFTER.test(text.slice(end, end + 12))) break;
      if (AMBIGUOUS_BRANDS.has(name) && (sentenceStart(text, m.index) || !cued(text, m.index, end))) continue;
      out.push({ start: m.index, end, type: "ORGANIZATION", score: SCORE });
      CANDIDATE.lastIndex = end;
      break;
    }
  }
}

function scriptBrands(text: string, out: RecognizerResult[]): void {
  SCRIPT_NAMES.lastIndex = 0;
  for (let m = SCRIPT_NAMES.exec(text); m; m = SCRIPT_NAMES.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    if (SPACED.test(m[0])) {
      // A letter right before is a longer word's, unless it is a one-letter Arabic prefix after a space (و, ب, ل, ف).
      const prev = text[start - 1];
      if (prev !== undefined && LETTER.test(prev)) {
        const glued = /[وبلف]/u.test(prev) && (start < 2 || !LETTER.test(text[start - 2]!));
        if (!glued) continue;
      }
      // Up to two letters of a case ending after it ("Сбербанка", "Озоне").
      const tail = /^\p{L}{0,2}/u.exec(text.slice(end, end + 3))![0];
      if (LETTER.test(text[end + tail.length] ?? "")) continue;
    }
    out.push({ start, end, type: "ORGANIZATION", score: SCORE });
  }
}

/** Firms named from a list of banks, shops, couriers, telephone companies, apps and public offices of many countries. */
export const brandRecognizer: Recognizer = {
  name: "brands",
  types: ["ORGANIZATION"],
  analyze(text) {
    const out: RecognizerResult[] = [];
    latinBrands(text, out);
    if (scriptBlocks(text) & SCRIPTS) scriptBrands(text, out);
    return out;
  },
};
