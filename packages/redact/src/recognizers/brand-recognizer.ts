import type { Recognizer, RecognizerResult } from "../recognizer";
import { ARABIC, CYRILLIC, DEVANAGARI, GREEK, HAN, HANGUL, HEBREW, KANA, scriptBlocks, THAI } from "../script-blocks";
import { AMBIGUOUS_BRANDS, LATIN_BRANDS, SCRIPT_BRANDS } from "./brands";

// Firms people name, from a list (see brands.ts): "Send it to my Capitec", "ordered on Takealot", "ممكن تحولهم
// فودافون كاش". A listed name is matched as its firm writes it, or in capitals ("POSTNORD"); one that is also an
// ordinary word needs a word around it that says it is the firm.
//
// Texts are read by a loop over their characters and a table of the characters names open with, not by a regex: a
// regex of classes as wide as "any letter", or of hundreds of names, compiled after a long-lived process has reached
// its limit of regex code, runs unoptimized and slows every text (see smallRegexCode).

const SCORE = 0.7;

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
const SCRIPTS = CYRILLIC | GREEK | HEBREW | ARABIC | DEVANAGARI | THAI | HAN | HANGUL | KANA;
// Scripts that space their words: a name there stands between non-letters, or takes a case ending ("Сбербанка") or
// an Arabic prefix glued before it ("بفودافون").
const SPACED = /[\p{Script=Cyrillic}\p{Script=Greek}\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Devanagari}]/u;
const LETTER = /\p{L}/u;
const WORD_CHAR = /[\p{L}\p{N}]/u;

// The Latin names by the two characters they open with, as written and in capitals ("Ca", "CA"), longest first;
// each with its capitals, which match too when the name has three letters or more ("POSTNORD", not "OP" for "Op").
interface LatinName {
  readonly name: string;
  readonly upper: string | null;
}
const pairKey = (a: number, b: number) => a * 65_536 + b;
const BY_PAIR = (() => {
  const map = new Map<number, LatinName[]>();
  const add = (key: number, entry: LatinName) => {
    const list = map.get(key) ?? [];
    if (!list.some((e) => e.name === entry.name)) list.push(entry);
    map.set(key, list);
  };
  for (const name of LATIN_BRANDS) {
    const upper = name.toUpperCase();
    const entry = {
      name,
      upper: upper !== name && upper.length === name.length && /\p{L}{3}/u.test(name) ? upper : null,
    };
    add(pairKey(name.charCodeAt(0), name.charCodeAt(1)), entry);
    if (entry.upper) add(pairKey(upper.charCodeAt(0), upper.charCodeAt(1)), entry);
  }
  for (const list of map.values()) list.sort((a, b) => b.name.length - a.name.length);
  return map;
})();
// The names in other scripts by their first character, longest first.
// Each with whether its script spaces words, read once here rather than at every match.
interface ScriptName {
  readonly name: string;
  readonly spaced: boolean;
}
const BY_FIRST_CHAR = (() => {
  const map = new Map<number, ScriptName[]>();
  for (const name of [...SCRIPT_BRANDS].sort((a, b) => b.length - a.length)) {
    const list = map.get(name.charCodeAt(0)) ?? [];
    list.push({ name, spaced: SPACED.test(name) });
    map.set(name.charCodeAt(0), list);
  }
  return map;
})();
// The pairs of ASCII characters that open a name starting with a lower-case letter: "eB" (eBay), "ea" (easyJet).
const LOWER_OPENINGS = (() => {
  const table = new Uint8Array(128 * 128);
  for (const name of LATIN_BRANDS) {
    const a = name.charCodeAt(0);
    const b = name.charCodeAt(1);
    if (a >= 97 && a <= 122 && b < 128) table[(a << 7) | b] = 1;
  }
  return table;
})();
// Which characters open a name: one read of a table per character of a text.
const OPENS = (() => {
  const table = new Uint8Array(65_536);
  for (const key of BY_PAIR.keys()) table[Math.floor(key / 65_536)] = 1;
  for (const c of BY_FIRST_CHAR.keys()) table[c] = 1;
  return table;
})();

/** Whether the character at `at` is a letter or a digit, or, with `addressToo`, a character of an address or path. */
function wordChar(text: string, at: number, addressToo: boolean): boolean {
  const c = text.charCodeAt(at);
  if (c < 128) {
    if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)) return true;
    return addressToo && (c === 95 || c === 64 || c === 46 || c === 47 || c === 92 || c === 45);
  }
  return WORD_CHAR.test(text[at]!);
}

function sentenceStart(text: string, at: number): boolean {
  let k = at - 1;
  while (k >= 0 && (text[k] === " " || text[k] === "\t")) k--;
  return k < 0 || /[.!?\n:"“«(]/u.test(text[k]!);
}

function cued(text: string, start: number, end: number): boolean {
  const before = /(\p{L}+)[ \t]+$/u.exec(text.slice(Math.max(0, start - 20), start));
  if (before && CUE_BEFORE.has(before[1]!.toLowerCase())) return true;
  const after = /^[ \t]+(\p{L}+)/u.exec(text.slice(end, end + 20));
  return after !== null && CUE_AFTER.has(after[1]!.toLowerCase());
}

/** Where a Latin name at `at` ends (as its firm writes it or in capitals, alone and, if ambiguous, cued), or -1. */
function latinBrandAt(text: string, at: number, names: readonly LatinName[]): number {
  for (const { name, upper } of names) {
    const end = at + name.length;
    if (!text.startsWith(name, at) && !(upper !== null && text.startsWith(upper, at))) continue;
    if (end < text.length && (wordChar(text, end, false) || text[end] === "&")) continue;
    // "Amazon.com": the firm's address, read by the URL rule.
    if (text[end] === "." && /^[a-z]/u.test(text[end + 1] ?? "")) continue;
    if (LABELLED.test(text.slice(end, end + 12))) return -1;
    if (AMBIGUOUS_BRANDS.has(name) && (sentenceStart(text, at) || !cued(text, at, end))) continue;
    return end;
  }
  return -1;
}

/** Where a name in another script at `at` ends (alone, where its script spaces words), or -1. */
function scriptBrandAt(text: string, at: number, names: readonly ScriptName[]): number {
  for (const { name, spaced } of names) {
    if (!text.startsWith(name, at)) continue;
    const end = at + name.length;
    if (spaced) {
      // A letter right before is a longer word's, unless it is a one-letter Arabic prefix after a space (و, ب, ل, ف).
      if (at > 0 && LETTER.test(text[at - 1]!)) {
        const glued = /[وبلف]/u.test(text[at - 1]!) && (at < 2 || !LETTER.test(text[at - 2]!));
        if (!glued) continue;
      }
      // Up to two letters of a case ending after it ("Сбербанка", "Озоне").
      const tail = /^\p{L}{0,2}/u.exec(text.slice(end, end + 3))![0];
      if (LETTER.test(text[end + tail.length] ?? "")) continue;
    }
    return end;
  }
  return -1;
}

function brands(text: string, scripts: boolean): RecognizerResult[] {
  const out: RecognizerResult[] = [];
  for (let at = 0; at < text.length - 1; at++) {
    const c = text.charCodeAt(at);
    if (OPENS[c] === 0) continue;
    // Inside a word of ASCII letters no name starts ("Kristiansand" holds no "Ansa"): most capitals end here.
    if (c < 128 && at > 0) {
      const p = text.charCodeAt(at - 1);
      if ((p >= 65 && p <= 90) || (p >= 97 && p <= 122) || (p >= 48 && p <= 57)) continue;
    }
    // A lower-case letter opens a name only before a capital ("eBay", "bKash"): most of a text's letters end here.
    // A lower-case letter opens only the few names that start with one ("eBay", "easyJet"): most letters end here.
    if (c >= 97 && c <= 122 && LOWER_OPENINGS[(c << 7) | (text.charCodeAt(at + 1) & 127)] === 0) continue;
    let end = -1;
    // Most letters that open a name open words that are none: the word's start is checked after the table.
    const latin = c < 0x2000 ? BY_PAIR.get(pairKey(c, text.charCodeAt(at + 1))) : undefined;
    if (latin !== undefined && (at === 0 || !wordChar(text, at - 1, true))) end = latinBrandAt(text, at, latin);
    if (end < 0 && scripts) {
      const other = BY_FIRST_CHAR.get(c);
      if (other) end = scriptBrandAt(text, at, other);
    }
    if (end < 0) continue;
    out.push({ start: at, end, type: "ORGANIZATION", score: SCORE });
    at = end - 1;
  }
  return out;
}

/** Firms named from a list of banks, shops, couriers, telephone companies, apps and public offices of many countries. */
export const brandRecognizer: Recognizer = {
  name: "brands",
  types: ["ORGANIZATION"],
  analyze: (text) => brands(text, (scriptBlocks(text) & SCRIPTS) !== 0),
};
