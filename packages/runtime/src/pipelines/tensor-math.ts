import { InferenceError } from "../errors/inference-error";
import type { HostTensor } from "../spec/tensor";

/** float16 bits to a number (models exported in fp16 return their outputs that way). */
export function halfToFloat(bits: number): number {
  const sign = bits & 0x8000 ? -1 : 1;
  const exp = (bits >> 10) & 0x1f;
  const mant = bits & 0x3ff;
  if (exp === 0) return sign * 2 ** -14 * (mant / 1024);
  if (exp === 0x1f) return mant ? Number.NaN : sign * Number.POSITIVE_INFINITY;
  return sign * 2 ** (exp - 15) * (1 + mant / 1024);
}

/** A model output as float32, whatever float type the model produced. */
export function floatData(tensor: HostTensor | undefined, name: string): Float32Array {
  if (!tensor) throw new InferenceError(`The model produced no "${name}" output, which this pipeline needs.`);
  if (tensor.type === "float32") return tensor.data as Float32Array;
  if (tensor.type === "float16") return Float32Array.from(tensor.data as Uint16Array, halfToFloat);
  throw new InferenceError(`The model's "${name}" output is ${tensor.type}; this pipeline needs float32 or float16.`);
}

/** Softmax of `logits[offset .. offset + length)`, numerically stable. */
export function softmax(logits: ArrayLike<number>, offset = 0, length = logits.length - offset): Float64Array {
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < length; i++) max = Math.max(max, logits[offset + i]!);
  const out = new Float64Array(length);
  let sum = 0;
  for (let i = 0; i < length; i++) {
    const e = Math.exp(logits[offset + i]! - max);
    out[i] = e;
    sum += e;
  }
  for (let i = 0; i < length; i++) out[i] = out[i]! / sum;
  return out;
}

/** `log(softmax(logits[offset .. offset + length))[index])`, without building the whole distribution. */
export function logSoftmaxAt(logits: ArrayLike<number>, offset: number, length: number, index: number): number {
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < length; i++) max = Math.max(max, logits[offset + i]!);
  let sum = 0;
  for (let i = 0; i < length; i++) sum += Math.exp(logits[offset + i]! - max);
  return logits[offset + index]! - max - Math.log(sum);
}

/** Scales a vector to unit L2 length in place (a zero vector stays zero). */
export function normalizeL2(v: Float32Array): Float32Array {
  let sum = 0;
  for (const x of v) sum += x * x;
  const norm = Math.sqrt(sum);
  if (norm > 0) for (let i = 0; i < v.length; i++) v[i] = v[i]! / norm;
  return v;
}
