import { InvalidArgumentError } from "../errors/invalid-argument-error";

/** One labeled routing example: a prompt, and whether it needed the large model. */
export interface RoutingSample {
  readonly prompt: string;
  readonly localConfidence?: number;
  readonly classifierMargin?: number;
  readonly meanTokenLogprob?: number;
  readonly cloud: boolean;
}

/** What {@link calibrate} found. */
export interface Calibration {
  /** Use as `policy.threshold`. */
  readonly threshold: number;
  /** Share of the samples routed to the cloud at that threshold. */
  readonly cloudShare: number;
  /** Share of samples routed as labeled. */
  readonly accuracy: number;
  /** Of the samples that needed the cloud, the share that got it. */
  readonly recall: number;
}

/**
 * Picks the score threshold that sends `targetCloudShare` of the samples to the cloud (RouteLLM's calibration:
 * the cost knob is the share of strong-model calls, set on data like the real traffic). `score` is usually
 * `router.score`. The threshold lies halfway between the last score in and the first one out, so ties aside the
 * achieved share is the nearest one possible to the target.
 */
export function calibrate(
  samples: readonly RoutingSample[],
  targetCloudShare: number,
  score: (sample: RoutingSample) => number,
): Calibration {
  if (samples.length === 0) throw new InvalidArgumentError("calibrate needs at least one sample.");
  if (!(targetCloudShare >= 0 && targetCloudShare <= 1)) {
    throw new InvalidArgumentError("targetCloudShare must be within [0, 1].");
  }
  const scored = samples.map((s) => ({ s, score: score(s) })).sort((a, b) => b.score - a.score);
  const k = Math.round(targetCloudShare * scored.length);
  let threshold: number;
  if (k <= 0) threshold = Math.min(1, (scored[0]?.score ?? 0) + 1e-9);
  else if (k >= scored.length) threshold = scored.at(-1)?.score ?? 0;
  else threshold = ((scored[k - 1]?.score ?? 0) + (scored[k]?.score ?? 0)) / 2;
  let cloud = 0;
  let right = 0;
  let needed = 0;
  let got = 0;
  for (const { s, score: v } of scored) {
    const goes = v >= threshold;
    if (goes) cloud++;
    if (goes === s.cloud) right++;
    if (s.cloud) {
      needed++;
      if (goes) got++;
    }
  }
  return {
    threshold,
    cloudShare: cloud / scored.length,
    accuracy: right / scored.length,
    recall: needed === 0 ? 1 : got / needed,
  };
}
