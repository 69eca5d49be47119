import { InvalidArgumentError } from "../errors/invalid-argument-error";
import type { SeededRandom } from "./seeded-random";

/** How the next token is picked from the logits. */
export interface SamplingOptions {
  /** 0 or unset: greedy (the most likely token). Above 0: sample from softmax(logits / temperature). */
  readonly temperature?: number;
  /** Sample only among the k most likely tokens. */
  readonly topK?: number;
  /** Sample only among the most likely tokens whose probabilities add up to p (nucleus sampling). */
  readonly topP?: number;
  /** Seed of the sampler (default 0): the same seed, prompt and model give the same text. */
  readonly seed?: number;
}

/** Throws InvalidArgumentError for out-of-range sampling options. */
export function checkSamplingOptions(o: SamplingOptions): void {
  if (o.temperature !== undefined && !(o.temperature >= 0))
    throw new InvalidArgumentError("temperature must be 0 or more.");
  if (o.topK !== undefined && !(Number.isInteger(o.topK) && o.topK >= 1)) {
    throw new InvalidArgumentError("topK must be a positive integer.");
  }
  if (o.topP !== undefined && !(o.topP > 0 && o.topP <= 1)) throw new InvalidArgumentError("topP must be in (0, 1].");
}

/**
 * Picks a token from `logits[offset .. offset + vocab)`, among `allowed` ids only when given (constrained
 * decoding). Greedy ties go to the lowest id, so greedy decoding is deterministic.
 */
export function sampleToken(
  logits: Float32Array,
  offset: number,
  vocab: number,
  options: SamplingOptions,
  random: SeededRandom,
  allowed?: readonly number[],
): number {
  if (allowed?.length === 0) throw new InvalidArgumentError("No token is allowed at this step.");
  const temperature = options.temperature ?? 0;
  if (temperature === 0 && allowed === undefined) {
    // The common case, once per generated token: a plain scan, no id list (the first maximum is the lowest id).
    let best = 0;
    let bestLogit = logits[offset]!;
    for (let id = 1; id < vocab; id++) {
      const l = logits[offset + id]!;
      if (l > bestLogit) {
        best = id;
        bestLogit = l;
      }
    }
    return best;
  }
  const ids = allowed ?? Array.from({ length: vocab }, (_, i) => i);
  if (temperature === 0) {
    let best = ids[0]!;
    for (const id of ids) {
      const l = logits[offset + id]!;
      const b = logits[offset + best]!;
      if (l > b || (l === b && id < best)) best = id;
    }
    return best;
  }
  let candidates = ids.map((id) => ({ id, logit: logits[offset + id]! / temperature }));
  candidates.sort((a, b) => b.logit - a.logit || a.id - b.id);
  if (options.topK !== undefined) candidates = candidates.slice(0, options.topK);
  const max = candidates[0]!.logit;
  let probs = candidates.map((c) => Math.exp(c.logit - max));
  let sum = probs.reduce((a, b) => a + b, 0);
  probs = probs.map((p) => p / sum);
  if (options.topP !== undefined && options.topP < 1) {
    let cumulative = 0;
    let keep = 0;
    while (keep < probs.length && cumulative < options.topP) cumulative += probs[keep++]!;
    candidates = candidates.slice(0, Math.max(1, keep));
    probs = probs.slice(0, candidates.length);
    sum = probs.reduce((a, b) => a + b, 0);
    probs = probs.map((p) => p / sum);
  }
  let r = random.next();
  for (let i = 0; i < candidates.length; i++) {
    r -= probs[i]!;
    if (r < 0) return candidates[i]!.id;
  }
  return candidates.at(-1)!.id;
}
