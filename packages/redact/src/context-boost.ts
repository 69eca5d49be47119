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

/**
 * Raises `score` when one of `words` starts a word in the text just before or after `[start, end)`. Matching is on
 * lower-cased text, so it costs a few `indexOf` calls per candidate.
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
  // Both sides, cut from the lower-cased text (slices, not copies): a word without a space lies on one side of the
  // space that joins them in the window below.
  const before = lower?.slice(from, start);
  const after = lower?.slice(end, end + AFTER);
  // The window: the text before the candidate, a space, the text after it.
  let window: string | undefined;
  for (const word of words) {
    if (before !== undefined && after !== undefined && !word.includes(" ")) {
      if (startsWordIn(before, word) || startsWordIn(after, word)) return boosted;
      continue;
    }
    window ??= `${text.slice(from, start)} ${text.slice(end, end + AFTER)}`.toLowerCase();
    if (startsWordIn(window, word)) return boosted;
  }
  return score;
}
