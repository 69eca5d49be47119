import { InvalidArgumentError } from "../errors/invalid-argument-error";
import type { DecoderWeights } from "./decoder-weights";

const EPSILON = 1e-5;

function layerNorm(x: Float64Array, gamma: Float32Array, beta: Float32Array): Float64Array {
  const n = x.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += x[i]!;
  mean /= n;
  let variance = 0;
  for (let i = 0; i < n; i++) variance += (x[i]! - mean) ** 2;
  variance /= n;
  const inv = 1 / Math.sqrt(variance + EPSILON);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = (x[i]! - mean) * inv * gamma[i]! + beta[i]!;
  return out;
}

function linear(x: Float64Array, weight: Float32Array, bias: Float32Array): Float64Array {
  const inDim = x.length;
  const outDim = bias.length;
  const out = Float64Array.from(bias);
  for (let i = 0; i < inDim; i++) {
    const xi = x[i]!;
    for (let o = 0; o < outDim; o++) out[o] = out[o]! + xi * weight[i * outDim + o]!;
  }
  return out;
}

/** GPT-2's gelu_new (the tanh approximation). */
function gelu(x: number): number {
  return 0.5 * x * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (x + 0.044715 * x ** 3)));
}

/**
 * The reference forward pass of hearth/tiny-decoder in plain TypeScript over a whole sequence (positions 0..n-1,
 * causal attention, no cache). Returns the logits, [ids.length, vocabSize] row-major. The ONNX graph, fed the same
 * ids with an empty cache or step by step with its cache, computes the same numbers.
 */
export function decoderForward(weights: DecoderWeights, ids: ArrayLike<number>): Float32Array {
  const { vocabSize, hidden, heads, positions, wte, wpe } = weights;
  const n = ids.length;
  if (n > positions) throw new InvalidArgumentError(`At most ${positions} tokens fit the context, not ${n}.`);
  const headDim = hidden / heads;
  let xs: Float64Array[] = [];
  for (let t = 0; t < n; t++) {
    const id = ids[t]!;
    if (!Number.isInteger(id) || id < 0 || id >= vocabSize) {
      throw new InvalidArgumentError(`Token id ${id} is outside 0..${vocabSize - 1}: use the model's tokenizer.json.`);
    }
    const x = new Float64Array(hidden);
    for (let k = 0; k < hidden; k++) x[k] = wte[id * hidden + k]! + wpe[t * hidden + k]!;
    xs.push(x);
  }
  for (const b of weights.blocks) {
    const h = xs.map((x) => layerNorm(x, b.ln1Gamma, b.ln1Beta));
    const q = h.map((x) => linear(x, b.qWeight, b.qBias));
    const k = h.map((x) => linear(x, b.kWeight, b.kBias));
    const v = h.map((x) => linear(x, b.vWeight, b.vBias));
    const scale = 1 / Math.sqrt(headDim);
    xs = xs.map((x, t) => {
      const ctx = new Float64Array(hidden);
      for (let head = 0; head < heads; head++) {
        const off = head * headDim;
        const scores = new Float64Array(t + 1);
        let max = Number.NEGATIVE_INFINITY;
        for (let s = 0; s <= t; s++) {
          let dot = 0;
          for (let d = 0; d < headDim; d++) dot += q[t]![off + d]! * k[s]![off + d]!;
          scores[s] = dot * scale;
          max = Math.max(max, scores[s]!);
        }
        let sum = 0;
        for (let s = 0; s <= t; s++) {
          scores[s] = Math.exp(scores[s]! - max);
          sum += scores[s]!;
        }
        for (let s = 0; s <= t; s++) {
          const p = scores[s]! / sum;
          for (let d = 0; d < headDim; d++) ctx[off + d] = ctx[off + d]! + p * v[s]![off + d]!;
        }
      }
      const attn = linear(ctx, b.projWeight, b.projBias);
      const mid = x.map((xi, i) => xi + attn[i]!);
      const fc = linear(layerNorm(mid, b.ln2Gamma, b.ln2Beta), b.fcWeight, b.fcBias).map(gelu);
      const mlp = linear(fc, b.fcProjWeight, b.fcProjBias);
      return mid.map((xi, i) => xi + mlp[i]!);
    });
  }
  const logits = new Float32Array(n * vocabSize);
  xs.forEach((x, t) => {
    const y = layerNorm(x, weights.lnfGamma, weights.lnfBeta);
    for (let tok = 0; tok < vocabSize; tok++) {
      let dot = 0;
      for (let k = 0; k < hidden; k++) dot += y[k]! * wte[tok * hidden + k]!;
      logits[t * vocabSize + tok] = dot;
    }
  });
  return logits;
}
