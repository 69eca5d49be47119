import type { SpamScorer } from "./spam-scorer";

const SIGNS: readonly [RegExp, number][] = [
  [/\b(free|winner|won|prize|cash|bonus|guarantee[d]?)\b/gi, 0.12],
  [/\b(click here|act now|limited time|order now|risk[- ]free|no obligation|special promotion)\b/gi, 0.2],
  [/\b(viagra|casino|mortgage|refinance|lose weight|weight loss|credit card offers?)\b/gi, 0.25],
  [/\bunsubscribe|remove me|opt[- ]out\b/gi, 0.1],
  [/\$\d[\d,]*/g, 0.06],
  [/!{2,}/g, 0.15],
  [/\b[A-Z]{6,}\b/g, 0.03],
];

/**
 * The fallback when hearth/email-triage does not fit the device: a handful of weighted spam signs, capped at 0.99.
 * Far weaker than the model (it misses most modern spam); the app says when it is in use.
 */
export function ruleSpamScorer(): SpamScorer {
  return {
    engine: "rules",
    async score(texts) {
      return texts.map((text) => {
        let score = 0.05;
        for (const [pattern, weight] of SIGNS) score += Math.min(3, text.match(pattern)?.length ?? 0) * weight;
        return Math.min(0.99, score);
      });
    },
  };
}
