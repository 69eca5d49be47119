import { InvalidArgumentError } from "../errors/invalid-argument-error";
import type { TriageWeights } from "./triage-weights";

/**
 * The reference forward pass of hearth/email-triage in plain TypeScript: the mean of the ids' embedding rows, then
 * `mean · weight + bias`. Returns the logits. The ONNX graph computes the same function; tests hold them together.
 */
export function triageForward(weights: TriageWeights, ids: ArrayLike<number>): Float32Array {
  const { dim, buckets, embedding, weight, bias } = weights;
  const labels = bias.length;
  const hidden = new Float64Array(dim);
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i]!;
    if (!Number.isInteger(id) || id < 0 || id >= buckets) {
      throw new InvalidArgumentError(
        `Feature id ${id} is outside 0..${buckets - 1}: featurize with the model's config.`,
      );
    }
    for (let k = 0; k < dim; k++) hidden[k] = hidden[k]! + embedding[id * dim + k]!;
  }
  const count = Math.max(ids.length, 1);
  const logits = new Float32Array(labels);
  for (let c = 0; c < labels; c++) {
    let sum = bias[c]!;
    for (let k = 0; k < dim; k++) sum += (hidden[k]! / count) * weight[k * labels + c]!;
    logits[c] = sum;
  }
  return logits;
}

/** Softmax of logits, as probabilities that sum to one. */
export function softmax(logits: ArrayLike<number>): Float64Array {
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < logits.length; i++) max = Math.max(max, logits[i]!);
  const out = new Float64Array(logits.length);
  let sum = 0;
  for (let i = 0; i < logits.length; i++) {
    out[i] = Math.exp(logits[i]! - max);
    sum += out[i]!;
  }
  for (let i = 0; i < out.length; i++) out[i] = out[i]! / sum;
  return out;
}
