import { InvalidArgumentError } from "../errors/invalid-argument-error";

/**
 * A classifier's confidence in its own answer: the top class probability minus the runner-up's, in [0, 1]. Near 0
 * the local classifier could as well have said the other label, so the task is worth a second opinion. Takes the
 * probabilities in any order (e.g. `classification.scores.map((s) => s.score)` from `@hearth/runtime`'s classify).
 */
export function classifierMargin(probabilities: ArrayLike<number>): number {
  if (probabilities.length < 2) throw new InvalidArgumentError("A classifier margin needs at least two probabilities.");
  let first = Number.NEGATIVE_INFINITY;
  let second = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < probabilities.length; i++) {
    const p = probabilities[i] as number;
    if (!(p >= 0 && p <= 1)) throw new InvalidArgumentError("Class probabilities must lie within [0, 1].");
    if (p > first) {
      second = first;
      first = p;
    } else if (p > second) second = p;
  }
  return first - second;
}
