import { InvalidArgumentError } from "../errors/invalid-argument-error";

/**
 * The mean log-probability of the tokens a model generated: the log of its geometric-mean per-token probability,
 * so `Math.exp(meanLogprob(x))` is in (0, 1] and comparable across answer lengths. Low means the model was unsure
 * of its own words.
 */
export function meanLogprob(logprobs: readonly number[]): number {
  if (logprobs.length === 0) throw new InvalidArgumentError("A mean log-probability needs at least one token.");
  let sum = 0;
  for (const lp of logprobs) {
    if (!(lp <= 0)) throw new InvalidArgumentError("Token log-probabilities must be <= 0.");
    sum += lp;
  }
  return sum / logprobs.length;
}
