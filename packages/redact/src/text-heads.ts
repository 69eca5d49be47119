import { FOLDS_TO_LETTER, isFoldableLetter, PREFIX_LETTERS, type WordHeads } from "./word-heads";

// What each UTF-16 unit is, filled on first sight: 0 not yet known, 1 no letter, 2 a letter whose case this reading
// folds, 3 a letter it cannot fold (the text's words are then unreadable), 4 a character that folds to a letter
// (likewise), 5 a letter of Chinese, Japanese or Korean, scripts without case that write words without spaces.
const NOT_LETTER = 1;
const FOLDABLE = 2;
const UNFOLDABLE = 3;
const UNREADABLE = 4;
const CJK = 5;
// Han, kana and Hangul (syllables and jamo): no case to fold and no spaces to find words by.
const CJK_LETTER = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]$/u;
const kinds = new Uint8Array(0x10000);
const LETTER = /^\p{L}$/u;

function kindOf(code: number): number {
  let k = kinds[code]!;
  if (k === 0) {
    if (FOLDS_TO_LETTER.has(code)) k = UNREADABLE;
    // Surrogates are read as whole code points by kindAt.
    else if (code >= 0xd800 && code <= 0xdfff) k = NOT_LETTER;
    else if (isFoldableLetter(code)) k = FOLDABLE;
    else if (CJK_LETTER.test(String.fromCharCode(code))) k = CJK;
    else k = LETTER.test(String.fromCharCode(code)) ? UNFOLDABLE : NOT_LETTER;
    kinds[code] = k;
  }
  return k;
}

/** Kind of the character at `i`, a surrogate pair read as one code point (a letter there is never foldable). */
function kindAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 0x80) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) ? FOLDABLE : NOT_LETTER;
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
    const d = text.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) {
      const cp = (c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000;
      return LETTER.test(String.fromCodePoint(cp)) ? UNFOLDABLE : NOT_LETTER;
    }
  }
  return kindOf(c);
}

// The last text read: recognizers run one after another on the same text, so its words are read once for all.
let lastText: string | undefined;
let stamp = 0;
let unreadable = false;
// Whether the last text holds Chinese, Japanese or Korean letters. Its other words are read around them (they end a
// word: "Satoさん" holds "sato"), and only the patterns with heads in those scripts, which words cannot find, run on
// all of it. Before, one such letter made a whole text unreadable and every pattern ran on all of it.
let cjkLetters = false;
// Slots whose heads hold Chinese, Japanese or Korean letters.
const cjkSlots: boolean[] = [];

// Which registered patterns each head names, by a hash of the head: a text's words are looked up once, for every
// pattern at once, without building a string per word. Two heads with one hash only make a pattern run needlessly.
const byPrefix = new Map<number, number[]>();
const byWord = new Map<number, number[]>();
// One bit per hash (modulo the filter's size) of each map's keys: most words of a text are no head, and a bit in a
// few kilobytes says so where a map read would walk a table too large to stay in the processor's cache.
const FILTER_BITS = 1 << 17;
const wordFilter = new Uint32Array(FILTER_BITS >>> 5);
const prefixFilter = new Uint32Array(FILTER_BITS >>> 5);
let slots = 0;
// Stamps as doubles: an Int32Array would wrap after 2^31 texts, and from then on no stamp would ever match.
let marks = new Float64Array(64);
// Where the words that hit each slot start in the last text read, valid for the slots marked with its stamp.
const starts: number[][] = [];
// Lower case of each foldable letter's code, filled on first sight.
const lower = new Uint16Array(0x10000);

function lowerCode(code: number): number {
  if (code < 0x80) return code | 32;
  let l = lower[code]!;
  if (l === 0) {
    l = String.fromCharCode(code).toLowerCase().charCodeAt(0);
    lower[code] = l;
  }
  return l;
}

// Kept within 30 bits so that keys stay small integers.
function step(hash: number, code: number): number {
  return (Math.imul(hash, 31) + lowerCode(code)) & 0x3fffffff;
}

function hashOf(head: string): number {
  let h = 0;
  for (let k = 0; k < head.length; k++) h = step(h, head.charCodeAt(k));
  return h;
}

function add(map: Map<number, number[]>, filter: Uint32Array, key: number, slot: number): void {
  const list = map.get(key);
  if (list) list.push(slot);
  else map.set(key, [slot]);
  const bit = key & (FILTER_BITS - 1);
  filter[bit >>> 5]! |= 1 << (bit & 31);
}

/** The slots registered under `key`, read from the map only when the filter holds its bit. */
function lookUp(map: Map<number, number[]>, filter: Uint32Array, key: number): number[] | undefined {
  const bit = key & (FILTER_BITS - 1);
  return (filter[bit >>> 5]! & (1 << (bit & 31))) === 0 ? undefined : map.get(key);
}

// A CJK letter, or an escape that may stand for one, in a pattern's source.
const CJK_IN_SOURCE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]|\\u/u;

/** Whether a pattern's source may match CJK letters as a word, which its heads then leave out: see registerHeads. */
export function holdsCjk(source: string): boolean {
  return CJK_IN_SOURCE.test(source);
}

/**
 * Registers a pattern's word heads and returns its slot for {@link mayHoldHeads}. Heads are in lower case, as a
 * text's words are looked up ("ɓaba" is how "Ɓaba" reads, though a text holding "ɓ" itself is unreadable).
 */
export function registerHeads(heads: WordHeads, cjk = false): number {
  const slot = slots++;
  if (slot >= marks.length) {
    const grown = new Float64Array(marks.length * 2);
    grown.set(marks);
    marks = grown;
  }
  for (const p of heads.prefixes) add(byPrefix, prefixFilter, hashOf(p), slot);
  for (const w of heads.words) add(byWord, wordFilter, hashOf(w), slot);
  // The heads' reading skips words of letters without case ("歳" in an age pattern): the caller says whether the
  // pattern holds CJK letters, and such a pattern runs on every text that does.
  cjkSlots[slot] =
    cjk ||
    [...heads.prefixes, ...heads.words].some((h) => {
      for (let k = 0; k < h.length; k++) if (kindAt(h, k) === CJK) return true;
      return false;
    });
  // The last text was read before this slot existed: read it again when asked.
  lastText = undefined;
  return slot;
}

function markAll(list: number[] | undefined, start: number): void {
  if (!list) return;
  for (const slot of list) {
    if (marks[slot] !== stamp) {
      marks[slot] = stamp;
      // A new list per text, never one emptied: a caller may still be going through the last text's.
      starts[slot] = [start];
      continue;
    }
    const at = starts[slot]!;
    // A word may hit one slot twice, as a word and by its prefix.
    if (at[at.length - 1] !== start) at.push(start);
  }
}

function scan(text: string): void {
  lastText = text;
  stamp++;
  unreadable = false;
  cjkLetters = false;
  const n = text.length;
  let i = 0;
  while (i < n) {
    const k = kindAt(text, i);
    if (k === NOT_LETTER || k === CJK) {
      if (k === CJK) cjkLetters = true;
      // One unit at a time: a high surrogate may stand alone, with a letter right after it ("\ud800foo").
      i++;
      continue;
    }
    if (k !== FOLDABLE) {
      unreadable = true;
      return;
    }
    // A word: its letters up to the next character that is none, hashed as they are read.
    const start = i;
    let length = 1;
    let hash = step(0, text.charCodeAt(i));
    let short = 0;
    let long = 0;
    i++;
    while (i < n) {
      const kk = kindAt(text, i);
      // A CJK letter ends the word, and is read by the loop above.
      if (kk === NOT_LETTER || kk === CJK) break;
      if (kk !== FOLDABLE) {
        unreadable = true;
        return;
      }
      if (length === PREFIX_LETTERS - 1) short = hash;
      else if (length === PREFIX_LETTERS) long = hash;
      hash = step(hash, text.charCodeAt(i));
      length++;
      i++;
    }
    if (length === PREFIX_LETTERS - 1) short = hash;
    else if (length === PREFIX_LETTERS) long = hash;
    markAll(lookUp(byWord, wordFilter, hash), start);
    if (length >= PREFIX_LETTERS - 1) markAll(lookUp(byPrefix, prefixFilter, short), start);
    if (length >= PREFIX_LETTERS) markAll(lookUp(byPrefix, prefixFilter, long), start);
  }
}

/**
 * Whether `text` may hold a match of the pattern registered as `slot`: it holds one of the pattern's word heads, or
 * its words cannot be read here (letters of scripts whose case this reading does not fold).
 */
export function mayHoldHeads(text: string, slot: number): boolean {
  if (text !== lastText) scan(text);
  return unreadable || marks[slot] === stamp || (cjkLetters && cjkSlots[slot] === true);
}

const NONE: readonly number[] = [];

/**
 * Where the words of `text` that hold one of the heads registered as `slot` start, in order, or null when its words
 * cannot be read here. For a pattern whose matches start at their head word ({@link WordHeads.atStart}), the only
 * places a match can start.
 */
export function headStarts(text: string, slot: number): readonly number[] | null {
  if (text !== lastText) scan(text);
  if (unreadable || (cjkLetters && cjkSlots[slot] === true)) return null;
  return marks[slot] === stamp ? starts[slot]! : NONE;
}
