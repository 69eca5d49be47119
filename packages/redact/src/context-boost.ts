/** How much a context word near a candidate adds to its score (Presidio's default similarity factor). */
export const CONTEXT_BOOST = 0.35;
/** The score a candidate with a context word reaches at least (Presidio's minimum score with context). */
export const CONTEXT_MIN_SCORE = 0.4;

const BEFORE = 64;
const AFTER = 32;
const LETTER_OR_NUMBER = /[\p{L}\p{N}]/u;

// The lower case of the last text seen, when its slices are the lower case of the text's slices: every candidate of
// every recognizer is boosted on the same text, which is then lower-cased once rather than once per candidate.
let lastText: string | undefined;
let lastLower: string | null = null;

function lowerOf(text: string): string | null {
  if (text !== lastText) {
    const lower = text.toLowerCase();
    // "İ" lower-cases to two units and a capital sigma by what follows it: with either, a slice of the lower-cased
    // text may differ from the lower-cased slice, and each window is lower-cased on its own instead.
    lastLower = lower.length === text.length && !text.includes("\u03a3") ? lower : null;
    lastText = text;
  }
  return lastLower;
}

/** Whether `word` starts a word in `side`, what comes before `side` counting as no letter. */
function startsWordIn(side: string, word: string): boolean {
  for (let at = side.indexOf(word); at >= 0; at = side.indexOf(word, at + 1)) {
    if (at === 0 || !LETTER_OR_NUMBER.test(side[at - 1]!)) return true;
  }
  return false;
}

// Whether each UTF-16 unit is a letter or a number on its own (`[\p{L}\p{N}]` tested on that unit alone, as
// `startsWordIn` does), filled on first sight: 0 not yet known, 1 yes, 2 no.
const kinds = new Uint8Array(0x10000);

function isLetterOrNumber(code: number): boolean {
  if (code < 0x80) return (code >= 48 && code <= 57) || ((code | 32) >= 97 && (code | 32) <= 122);
  let k = kinds[code]!;
  if (k === 0) {
    k = LETTER_OR_NUMBER.test(String.fromCharCode(code)) ? 1 : 2;
    kinds[code] = k;
  }
  return k === 1;
}

/** A word list read for one pass over a window: its words without a space by their first unit. */
interface WordIndex {
  /** The list as it was indexed: a caller may change its array between calls. */
  readonly words: readonly string[];
  readonly byFirst: ReadonlyMap<number, readonly string[]>;
  /** Words with a space, which may span the space joining the two sides: looked for in the joined window. */
  readonly spaced: readonly string[];
  /** An empty word starts a word anywhere. */
  readonly empty: boolean;
}

// Recognizers pass the same constant list for every candidate: it is indexed once.
const indexes = new WeakMap<readonly string[], WordIndex>();

function sameWords(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function indexWords(words: readonly string[]): WordIndex {
  let index = indexes.get(words);
  if (!index || !sameWords(index.words, words)) {
    const byFirst = new Map<number, string[]>();
    const spaced: string[] = [];
    let empty = false;
    for (const word of words) {
      if (word.includes(" ")) spaced.push(word);
      else if (word.length === 0) empty = true;
      else {
        const list = byFirst.get(word.charCodeAt(0));
        if (list) list.push(word);
        else byFirst.set(word.charCodeAt(0), [word]);
      }
    }
    index = { words: [...words], byFirst, spaced, empty };
    indexes.set(words, index);
  }
  return index;
}

/**
 * Whether a word of `index` starts a word in `lower[from, to)`, what comes before `from` counting as no letter:
 * `startsWordIn` on that slice for every word at once, reading each word start of the slice once instead of the slice
 * once per word.
 */
function startsAnyWordIn(lower: string, from: number, to: number, index: WordIndex): boolean {
  for (let at = from; at < to; at++) {
    if (at > from && isLetterOrNumber(lower.charCodeAt(at - 1))) continue;
    const words = index.byFirst.get(lower.charCodeAt(at));
    if (!words) continue;
    for (const word of words) if (at + word.length <= to && lower.startsWith(word, at)) return true;
  }
  return false;
}

/**
 * Raises `score` when one of `words` starts a word in the text just before or after `[start, end)`. Matching is on
 * lower-cased text, so it costs one pass over the 96 units around a candidate, whatever the number of words.
 */
export function boostWithContext(
  text: string,
  start: number,
  end: number,
  score: number,
  words: readonly string[] | undefined,
): number {
  if (!words || words.length === 0 || score >= 1) return score;
  const boosted = Math.min(1, Math.max(CONTEXT_MIN_SCORE, score + CONTEXT_BOOST));
  const lower = lowerOf(text);
  const from = Math.max(0, start - BEFORE);
  const to = Math.min(text.length, end + AFTER);
  if (lower !== null) {
    // The words without a space on each side of the candidate, read in the lower-cased text itself: a word without
    // a space lies on one side of the space that joins them in the window below.
    const index = indexWords(words);
    if (index.empty || startsAnyWordIn(lower, from, start, index) || startsAnyWordIn(lower, end, to, index))
      return boosted;
    if (index.spaced.length === 0) return score;
    const window = `${text.slice(from, start)} ${text.slice(end, to)}`.toLowerCase();
    for (const word of index.spaced) if (startsWordIn(window, word)) return boosted;
    return score;
  }
  // The window: the text before the candidate, a space, the text after it.
  const window = `${text.slice(from, start)} ${text.slice(end, to)}`.toLowerCase();
  for (const word of words) if (startsWordIn(window, word)) return boosted;
  return score;
}
