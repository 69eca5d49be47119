import type { TriageWeights } from "../email-triage/triage-weights";
import { seededRandom, shuffle } from "../seeded-random";
import { type BuildOptions, throwIfAborted } from "./build-options";

/** Hyperparameters of the fastText-style training run. */
export interface TriageTraining {
  readonly dim: number;
  readonly epochs: number;
  /** Starting learning rate; it decays linearly to zero over all updates, as in fastText. */
  readonly learningRate: number;
  readonly seed: number;
}

/** One featurized training example. */
export interface TriageExample {
  readonly ids: Int32Array;
  /** Index into the labels. */
  readonly label: number;
}

/**
 * Trains the embedding bag and linear layer with plain SGD on softmax cross-entropy, one example at a time in a
 * seeded shuffled order (fastText's supervised recipe: embeddings start uniform in ±1/dim, the output layer at zero).
 */
export function trainTriage(
  examples: readonly TriageExample[],
  buckets: number,
  labels: readonly string[],
  training: TriageTraining,
  options: BuildOptions = {},
): TriageWeights {
  const { dim, epochs, learningRate } = training;
  const classes = labels.length;
  const rand = seededRandom(training.seed);
  const embedding = new Float32Array(buckets * dim);
  for (let i = 0; i < embedding.length; i++) embedding[i] = (rand() * 2 - 1) / dim;
  const weight = new Float32Array(dim * classes);
  const bias = new Float32Array(classes);
  const hidden = new Float64Array(dim);
  const gradHidden = new Float64Array(dim);
  const logits = new Float64Array(classes);
  const total = epochs * examples.length;
  let step = 0;
  const order = examples.map((_, i) => i);
  for (let epoch = 0; epoch < epochs; epoch++) {
    shuffle(order, rand);
    for (const index of order) {
      if (step % 512 === 0) throwIfAborted(options.signal);
      const { ids, label } = examples[index]!;
      const lr = learningRate * (1 - step / total);
      step++;
      hidden.fill(0);
      for (const id of ids) for (let k = 0; k < dim; k++) hidden[k] = hidden[k]! + embedding[id * dim + k]!;
      for (let k = 0; k < dim; k++) hidden[k] = hidden[k]! / ids.length;
      let max = Number.NEGATIVE_INFINITY;
      for (let c = 0; c < classes; c++) {
        let sum = bias[c]!;
        for (let k = 0; k < dim; k++) sum += hidden[k]! * weight[k * classes + c]!;
        logits[c] = sum;
        max = Math.max(max, sum);
      }
      let norm = 0;
      for (let c = 0; c < classes; c++) {
        logits[c] = Math.exp(logits[c]! - max);
        norm += logits[c]!;
      }
      gradHidden.fill(0);
      for (let c = 0; c < classes; c++) {
        const g = logits[c]! / norm - (c === label ? 1 : 0);
        for (let k = 0; k < dim; k++) {
          gradHidden[k] = gradHidden[k]! + weight[k * classes + c]! * g;
          weight[k * classes + c] = weight[k * classes + c]! - lr * hidden[k]! * g;
        }
        bias[c] = bias[c]! - lr * g;
      }
      const scale = lr / ids.length;
      for (const id of ids)
        for (let k = 0; k < dim; k++) embedding[id * dim + k] = embedding[id * dim + k]! - scale * gradHidden[k]!;
    }
    options.onProgress?.({ phase: "email-triage: train", loaded: (epoch + 1) * examples.length, total });
  }
  return { buckets, dim, labels, embedding, weight, bias };
}
