/**
 * Area under the ROC curve of scores against binary labels: the chance that a random positive scores above a random
 * negative (ties count half). 1 separates perfectly, 0.5 is chance.
 */
export function rocAuc(scores: readonly number[], positive: readonly boolean[]): number {
  let wins = 0;
  let pairs = 0;
  for (let i = 0; i < scores.length; i++) {
    if (!positive[i]) continue;
    for (let j = 0; j < scores.length; j++) {
      if (positive[j]) continue;
      pairs++;
      if (scores[i]! > scores[j]!) wins += 1;
      else if (scores[i] === scores[j]) wins += 0.5;
    }
  }
  return pairs === 0 ? 0 : wins / pairs;
}
