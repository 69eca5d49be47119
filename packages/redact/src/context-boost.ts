/** How much a context word near a candidate adds to its score (Presidio's default similarity factor). */
export const CONTEXT_BOOST = 0.35;
/** The score a candidate with a context word reaches at least (Presidio's minimum score with context). */
export const CONTEXT_MIN_SCORE = 0.4;

const BEFORE = 64;
const AFTER = 32;

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
  const window = `${text.slice(Math.max(0, start - BEFORE), start)} ${text.slice(end, end + AFTER)}`.toLowerCase();
  for (const word of words) {
    let at = window.indexOf(word);
    while (at >= 0) {
      const prev = at === 0 ? " " : window[at - 1]!;
      if (!/[\p{L}\p{N}]/u.test(prev)) return Math.min(1, Math.max(CONTEXT_MIN_SCORE, score + CONTEXT_BOOST));
      at = window.indexOf(word, at + 1);
    }
  }
  return score;
}
