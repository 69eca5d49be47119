import { InvalidArgumentError } from "../errors/invalid-argument-error";
import type { SifWeights } from "./sif-weights";

/**
 * The reference forward pass of hearth/glove-sif in plain TypeScript (Arora et al., 2017): the SIF-weighted mean
 * of the known words' vectors, minus its projection on the common component. Returns the vector before L2
 * normalization (the embed pipeline normalizes). The ONNX graph computes the same function.
 */
export function sifForward(weights: SifWeights, ids: ArrayLike<number>): Float32Array {
  const { dim, vocabSize, table, sifWeights, component } = weights;
  const sum = new Float64Array(dim);
  let known = 0;
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i]!;
    if (!Number.isInteger(id) || id < 0 || id >= vocabSize) {
      throw new InvalidArgumentError(`Token id ${id} is outside 0..${vocabSize - 1}: use the model's tokenizer.json.`);
    }
    const w = sifWeights[id]!;
    if (w > 0) known++;
    for (let k = 0; k < dim; k++) sum[k] = sum[k]! + w * table[id * dim + k]!;
  }
  const count = Math.max(known, 1);
  let projection = 0;
  for (let k = 0; k < dim; k++) {
    sum[k] = sum[k]! / count;
    projection += sum[k]! * component[k]!;
  }
  const out = new Float32Array(dim);
  for (let k = 0; k < dim; k++) out[k] = sum[k]! - projection * component[k]!;
  return out;
}
