import { HeadFormatError } from "../errors/head-format-error";
import { InvalidArgumentError } from "../errors/invalid-argument-error";
import { CATEGORIES, type Category } from "./categories";

/** One training example: a message's embedding and the category the person gave it. */
export interface LabeledVector {
  readonly vector: Float32Array;
  readonly category: Category;
}

/** The head as JSON (version 1), for the device's own storage. It is never synced. */
export interface CorrectionHeadData {
  readonly v: 1;
  readonly dims: number;
  readonly examples: number;
  readonly weights: number[][];
  readonly bias: number[];
}

const EPOCHS = 300;
const LEARNING_RATE = 0.5;
const L2 = 1e-3;
// A correction is the person's word; a prototype is PAM's guess. Corrections count this many times over.
const CORRECTION_WEIGHT = 4;

function softmax(z: number[]): number[] {
  const max = Math.max(...z);
  const e = z.map((x) => Math.exp(x - max));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((x) => x / sum);
}

/**
 * The on-device classifier head the person's corrections teach: multinomial logistic regression over message
 * embeddings, trained by full-batch gradient descent (deterministic, milliseconds for hundreds of corrections).
 * The category prototypes are added as one example each, so a head trained on three corrections still knows
 * every category. It lives only on the device that trained it.
 */
export class CorrectionHead {
  private constructor(
    private readonly weights: number[][],
    private readonly bias: number[],
    /** How many corrections it learned from. */
    readonly examples: number,
  ) {}

  /** Trains a head from corrections plus one prototype vector per category. */
  static train(corrections: readonly LabeledVector[], prototypes: ReadonlyMap<Category, Float32Array>): CorrectionHead {
    const data: LabeledVector[] = [
      ...corrections.flatMap((c) => new Array<LabeledVector>(CORRECTION_WEIGHT).fill(c)),
      ...[...prototypes].map(([category, vector]) => ({ category, vector })),
    ];
    const dims = data[0]?.vector.length ?? 0;
    if (dims === 0) throw new InvalidArgumentError("A correction head needs at least one embedded example.");
    if (data.some((d) => d.vector.length !== dims))
      throw new InvalidArgumentError("Every example must have the same embedding size.");
    const k = CATEGORIES.length;
    const w = Array.from({ length: k }, () => new Array<number>(dims).fill(0));
    const b = new Array<number>(k).fill(0);
    for (let epoch = 0; epoch < EPOCHS; epoch++) {
      const gw = Array.from({ length: k }, () => new Array<number>(dims).fill(0));
      const gb = new Array<number>(k).fill(0);
      for (const { vector, category } of data) {
        const p = softmax(w.map((row, c) => row.reduce((s, x, i) => s + x * vector[i]!, b[c]!)));
        const target = CATEGORIES.indexOf(category);
        for (let c = 0; c < k; c++) {
          const g = p[c]! - (c === target ? 1 : 0);
          gb[c]! += g;
          const row = gw[c]!;
          for (let i = 0; i < dims; i++) row[i]! += g * vector[i]!;
        }
      }
      for (let c = 0; c < k; c++) {
        b[c]! -= (LEARNING_RATE * gb[c]!) / data.length;
        const row = w[c]!;
        const grad = gw[c]!;
        for (let i = 0; i < dims; i++) row[i] = row[i]! - LEARNING_RATE * (grad[i]! / data.length + L2 * row[i]!);
      }
    }
    return new CorrectionHead(w, b, corrections.length);
  }

  /** The most likely category for a message vector and its probability. */
  predict(vector: Float32Array): { category: Category; confidence: number } {
    const p = softmax(this.weights.map((row, c) => row.reduce((s, x, i) => s + x * (vector[i] ?? 0), this.bias[c]!)));
    let best = 0;
    for (let c = 1; c < p.length; c++) if (p[c]! > p[best]!) best = c;
    return { category: CATEGORIES[best]!, confidence: p[best]! };
  }

  toJSON(): CorrectionHeadData {
    return {
      v: 1,
      dims: this.weights[0]?.length ?? 0,
      examples: this.examples,
      weights: this.weights,
      bias: this.bias,
    };
  }

  /** Reads a saved head; refuses another version or a damaged one with {@link HeadFormatError}. */
  static fromJSON(data: unknown): CorrectionHead {
    const d = data as Partial<CorrectionHeadData> | null;
    if (!d || typeof d !== "object" || d.v !== 1)
      throw new HeadFormatError("The saved correction head is of an unknown version; it will be retrained.");
    const ok =
      Array.isArray(d.weights) &&
      Array.isArray(d.bias) &&
      d.weights.length === CATEGORIES.length &&
      d.bias.length === CATEGORIES.length &&
      d.weights.every((row) => Array.isArray(row) && row.length === d.dims && row.every(Number.isFinite)) &&
      d.bias.every(Number.isFinite);
    if (!ok) throw new HeadFormatError("The saved correction head is damaged; it will be retrained.");
    return new CorrectionHead(d.weights as number[][], d.bias as number[], Number(d.examples) || 0);
  }
}
