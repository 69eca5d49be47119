import onnxProto from "onnx-proto";
import { InvalidArgumentError } from "../errors/invalid-argument-error";
import { num } from "../quantize/onnx-model";

/** One output's error of the quantized model against the float32 one, over every sample. */
export interface OutputError {
  readonly name: string;
  readonly maxAbs: number;
  readonly meanAbs: number;
  /** Cosine similarity of the flattened outputs (worst sample). */
  readonly cosine: number;
}

/** What {@link measureQuantizationError} found. */
export interface ErrorReport {
  readonly samples: number;
  readonly outputs: readonly OutputError[];
}

type Feeds = Record<string, { type: "int64" | "float32"; data: BigInt64Array | Float32Array; dims: number[] }>;

/** A seeded PRNG, so reports are reproducible. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Sample inputs from a model's declared inputs: token ids below the vocabulary size (read from the embedding the ids
 * index), attention masks of ones, token types and positions as a tokenizer would give, empty past key values,
 * Gaussian floats otherwise. Symbolic dimensions become 1 for batches, 0 for past lengths and `sequenceLength`.
 */
export function sampleInputs(modelBytes: Uint8Array, count: number, sequenceLength = 16, seed = 1): Feeds[] {
  const model = onnxProto.onnx.ModelProto.decode(modelBytes);
  const graph = model.graph;
  if (!graph) throw new InvalidArgumentError("The model has no graph.");
  const initNames = new Set((graph.initializer ?? []).map((t) => t.name));
  const vocabOf = (input: string): number => {
    for (const node of graph.node ?? []) {
      if (node.opType === "Gather" && node.input?.[1] === input) {
        const t = (graph.initializer ?? []).find((x) => x.name === node.input?.[0]);
        if (t?.dims?.[0] !== undefined) return num(t.dims[0] as number);
      }
    }
    return 100;
  };
  const rand = random(seed);
  const inputs = (graph.input ?? []).filter((i) => !initNames.has(i.name));
  return Array.from({ length: count }, () => {
    const feeds: Feeds = {};
    for (const input of inputs) {
      const name = input.name ?? "";
      const tt = input.type?.tensorType;
      const dims = (tt?.shape?.dim ?? []).map((d) => {
        if (d.dimValue !== undefined && d.dimValue !== null && num(d.dimValue as number) > 0)
          return num(d.dimValue as number);
        const p = (d.dimParam ?? "").toLowerCase();
        return p.includes("batch") ? 1 : p.includes("past") ? 0 : sequenceLength;
      });
      const n = dims.reduce((a, b) => a * b, 1);
      if (tt?.elemType === 7) {
        const data = new BigInt64Array(n);
        const vocab = vocabOf(name);
        for (let i = 0; i < n; i++) {
          if (/mask/.test(name)) data[i] = 1n;
          else if (/type/.test(name)) data[i] = 0n;
          else if (/position/.test(name)) data[i] = BigInt(i % (dims.at(-1) ?? 1));
          else data[i] = BigInt(1 + Math.floor(rand() * Math.max(1, vocab - 1)));
        }
        feeds[name] = { type: "int64", data, dims };
      } else {
        const data = new Float32Array(n);
        for (let i = 0; i < n; i++)
          data[i] = Math.sqrt(-2 * Math.log(Math.max(rand(), 1e-9))) * Math.cos(2 * Math.PI * rand());
        feeds[name] = { type: "float32", data, dims };
      }
    }
    return feeds;
  });
}

/**
 * Runs the float32 and the quantized model on the same sample inputs with onnxruntime-node (an optional peer
 * dependency, loaded only here) and reports each output's max and mean absolute error and cosine similarity.
 */
export async function measureQuantizationError(
  reference: Uint8Array,
  quantized: Uint8Array,
  options: { samples?: number; sequenceLength?: number; feeds?: Feeds[] } = {},
): Promise<ErrorReport> {
  const ort = await import("onnxruntime-node");
  const [a, b] = await Promise.all([ort.InferenceSession.create(reference), ort.InferenceSession.create(quantized)]);
  const feedsList = options.feeds ?? sampleInputs(reference, options.samples ?? 8, options.sequenceLength ?? 16);
  const stats = new Map<string, { max: number; sum: number; count: number; cosine: number }>();
  try {
    for (const feeds of feedsList) {
      const tensors = Object.fromEntries(
        Object.entries(feeds).map(([k, v]) => [k, new ort.Tensor(v.type, v.data, v.dims)]),
      );
      const [ra, rb] = [await a.run(tensors), await b.run(tensors)];
      for (const name of a.outputNames) {
        const x = ra[name]?.data as Float32Array | undefined;
        const y = rb[name]?.data as Float32Array | undefined;
        if (!x || !y || typeof x[0] !== "number") continue;
        const s = stats.get(name) ?? { max: 0, sum: 0, count: 0, cosine: 1 };
        let dot = 0;
        let nx = 0;
        let ny = 0;
        for (let i = 0; i < x.length; i++) {
          const d = Math.abs((x[i] ?? 0) - (y[i] ?? 0));
          s.max = Math.max(s.max, d);
          s.sum += d;
          dot += (x[i] ?? 0) * (y[i] ?? 0);
          nx += (x[i] ?? 0) ** 2;
          ny += (y[i] ?? 0) ** 2;
        }
        s.count += x.length;
        s.cosine = Math.min(s.cosine, nx > 0 && ny > 0 ? dot / Math.sqrt(nx * ny) : 1);
        stats.set(name, s);
      }
    }
  } finally {
    await Promise.all([a.release(), b.release()]);
  }
  return {
    samples: feedsList.length,
    outputs: [...stats].map(([name, s]) => ({
      name,
      maxAbs: s.max,
      meanAbs: s.count ? s.sum / s.count : 0,
      cosine: s.cosine,
    })),
  };
}
