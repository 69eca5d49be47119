import { QuantizeError } from "../errors/quantize-error";
import { fromHalfBits, halfBitsAtLeast, toHalfBits } from "./half";
import {
  AttrType,
  bytesOf,
  DataType,
  decodeModel,
  defaultOpset,
  dimsOf,
  elementCount,
  encodeModel,
  floatValues,
  intAttr,
  makeNode,
  type NodeProto,
  type TensorProto,
  tensor,
} from "./onnx-model";

/** Quantization modes. */
export const QUANTIZE_MODES = ["int8", "int8-dynamic", "q4", "fp16"] as const;
/**
 * - `int8`: weight-only int8, per output channel, as QDQ (int8 initializers + DequantizeLinear): smallest change to
 *   the graph, runs on every provider.
 * - `int8-dynamic`: MatMul weights as int8 with activations quantized at run time (DynamicQuantizeLinear +
 *   MatMulInteger, which onnxruntime fuses into one kernel): the fast one on CPUs.
 * - `q4`: 4-bit block-wise (com.microsoft MatMulNBits, block 32) for MatMul weights, int8 for embeddings.
 * - `fp16`: float16 weight storage, computed in float32 (a Cast per weight, folded at load): half the size.
 */
export type QuantizeMode = (typeof QUANTIZE_MODES)[number];

/** Options of {@link quantizeModel}. */
export interface QuantizeOptions {
  readonly mode: QuantizeMode;
  /** Weights with fewer elements stay in float (default 1024; fp16 converts every float weight). */
  readonly minElements?: number;
  /** q4 block size along K (default 32; a multiple of 16). */
  readonly blockSize?: number;
  /** Initializer names never to touch (e.g. a head that must stay exact). */
  readonly exclude?: readonly string[];
  /**
   * int8-dynamic and q4: leave output heads (a MatMul whose result reaches a graph output through Add / Identity
   * only) in float32 (default true): they are small for classifiers, and their error lands on the result unfiltered.
   */
  readonly keepHeads?: boolean;
}

/** One weight and what became of it. */
export interface QuantizedWeight {
  readonly name: string;
  readonly shape: readonly number[];
  readonly as: "qdq-int8" | "gather-int8" | "matmul-integer" | "matmul-nbits" | "fp16";
}

/** Size before and after, and every weight's fate. */
export interface QuantizeReport {
  readonly mode: QuantizeMode;
  readonly bytesBefore: number;
  readonly bytesAfter: number;
  readonly quantized: readonly QuantizedWeight[];
  readonly skipped: ReadonlyArray<{ readonly name: string; readonly reason: string }>;
}

const QUANTIZED_OPS = new Set([
  "QuantizeLinear",
  "DequantizeLinear",
  "DynamicQuantizeLinear",
  "MatMulInteger",
  "MatMulNBits",
  "QLinearMatMul",
  "DynamicQuantizeMatMul",
]);

/** Symmetric int8 per channel along `axis` (0: rows, 1: columns) of a 2-D [rows, cols] tensor. */
function int8PerChannel(
  w: Float32Array,
  rows: number,
  cols: number,
  axis: 0 | 1,
): { q: Int8Array; scale: Float32Array } {
  const channels = axis === 0 ? rows : cols;
  const max = new Float32Array(channels);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const ch = axis === 0 ? r : c;
      const v = Math.abs(w[r * cols + c] ?? 0);
      if (v > (max[ch] ?? 0)) max[ch] = v;
    }
  }
  const scale = max.map((m) => (m > 0 ? m / 127 : 1));
  const q = new Int8Array(w.length);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const s = scale[axis === 0 ? r : c] ?? 1;
      q[r * cols + c] = Math.max(-127, Math.min(127, Math.round((w[r * cols + c] ?? 0) / s)));
    }
  }
  return { q, scale };
}

/**
 * Symmetric int8 per row of an embedding table [rows, cols], each row's scale stored as float16 (rounded up, so no
 * value leaves [-127, 127]). A float32 scale per row would cost 4 bytes per row: 25% on top of a 16-wide int8 table.
 */
function int8RowsHalfScale(w: Float32Array, rows: number, cols: number): { q: Int8Array; scale: Uint16Array } {
  const q = new Int8Array(w.length);
  const scale = new Uint16Array(rows);
  for (let r = 0; r < rows; r++) {
    let max = 0;
    for (let c = 0; c < cols; c++) max = Math.max(max, Math.abs(w[r * cols + c] ?? 0));
    const bits = max > 0 ? halfBitsAtLeast(max / 127) : toHalfBits(1);
    scale[r] = bits;
    const s = fromHalfBits(bits);
    for (let c = 0; c < cols; c++) {
      q[r * cols + c] = Math.max(-127, Math.min(127, Math.round((w[r * cols + c] ?? 0) / s)));
    }
  }
  return { q, scale };
}

/**
 * 4-bit asymmetric blocks along K of W [K, N] in MatMulNBits' layout: B [N, blocks, blockSize/2] uint8, scales
 * [N * blocks], zero points [N * ceil(blocks / 2)] (two 4-bit values per byte, low nibble first).
 */
function q4Blocks(w: Float32Array, k: number, n: number, blockSize: number) {
  const blocks = Math.ceil(k / blockSize);
  const blob = blockSize / 2;
  const zpBytes = Math.ceil(blocks / 2);
  const packed = new Uint8Array(n * blocks * blob);
  const scales = new Float32Array(n * blocks);
  const zeros = new Uint8Array(n * zpBytes);
  const q = new Uint8Array(blockSize);
  for (let col = 0; col < n; col++) {
    for (let b = 0; b < blocks; b++) {
      // The range always holds 0, so zero (padding, ReLU-like weights) is exact.
      let lo = 0;
      let hi = 0;
      for (let i = 0; i < blockSize; i++) {
        const row = b * blockSize + i;
        if (row >= k) break;
        const v = w[row * n + col] ?? 0;
        if (v < lo) lo = v;
        if (v > hi) hi = v;
      }
      const scale = hi > lo ? (hi - lo) / 15 : 1;
      const zp = Math.max(0, Math.min(15, Math.round(-lo / scale)));
      scales[col * blocks + b] = scale;
      zeros[col * zpBytes + (b >> 1)] = (zeros[col * zpBytes + (b >> 1)] ?? 0) | (zp << ((b & 1) * 4));
      for (let i = 0; i < blockSize; i++) {
        const row = b * blockSize + i;
        const v = row < k ? (w[row * n + col] ?? 0) : 0;
        q[i] = Math.max(0, Math.min(15, Math.round(v / scale) + zp));
      }
      const at = (col * blocks + b) * blob;
      for (let j = 0; j < blob; j++) packed[at + j] = (q[2 * j] ?? 0) | ((q[2 * j + 1] ?? 0) << 4);
    }
  }
  return { packed, scales, zeros, blocks };
}

/**
 * Quantizes an ONNX model (bytes in, bytes out) over its protobuf, in TypeScript: see {@link QuantizeMode}. Graphs it
 * cannot handle are refused with {@link QuantizeError} (external data, control-flow subgraphs, already quantized or
 * fp16 weights, opset below 13, nothing large enough to quantize); the input is never modified.
 */
export function quantizeModel(
  input: Uint8Array,
  options: QuantizeOptions,
): { bytes: Uint8Array; report: QuantizeReport } {
  const { mode } = options;
  if (!QUANTIZE_MODES.includes(mode))
    throw new QuantizeError(`Unknown mode ${String(mode)}; use one of ${QUANTIZE_MODES.join(", ")}.`);
  const blockSize = options.blockSize ?? 32;
  if (blockSize < 16 || blockSize % 16 !== 0)
    throw new QuantizeError(`Block size ${blockSize} must be a multiple of 16.`);
  const minElements = options.minElements ?? (mode === "fp16" ? 0 : 1024);
  const exclude = new Set(options.exclude ?? []);
  const model = decodeModel(input);
  const graph = model.graph!;
  const nodes = graph.node ?? [];
  const inits = graph.initializer ?? [];

  for (const t of inits) {
    if (t.dataLocation === 1 || (t.externalData ?? []).length > 0) {
      throw new QuantizeError(
        `Weight ${t.name} is stored as external data; save the model with every tensor inside the .onnx file first.`,
      );
    }
  }
  for (const node of nodes) {
    if ((node.attribute ?? []).some((a) => a.type === AttrType.GRAPH || a.type === AttrType.GRAPHS)) {
      throw new QuantizeError(
        `Node ${node.name || node.opType} (${node.opType}) holds a subgraph; control flow (If/Loop/Scan) is not supported.`,
      );
    }
    if (QUANTIZED_OPS.has(node.opType ?? "")) {
      throw new QuantizeError(
        `The model is already quantized (it has ${node.opType}); quantize the float32 model instead.`,
      );
    }
  }
  if (inits.some((t) => t.dataType === DataType.int8 || t.dataType === DataType.uint8)) {
    // Int8 weights without a quantized op: an embedding table this quantizer (or another) already made int8.
    throw new QuantizeError(
      "The model stores int8 weights: it is already quantized; quantize the float32 model instead.",
    );
  }
  if (mode !== "fp16") {
    if (inits.some((t) => t.dataType === DataType.float16)) {
      throw new QuantizeError("The model stores float16 weights; quantize the float32 model instead.");
    }
    const opset = defaultOpset(model);
    if (opset < 13)
      throw new QuantizeError(
        `The model uses opset ${opset}; int8 and q4 need opset 13 or newer (per-axis DequantizeLinear). Re-export it.`,
      );
  }

  const uses = new Map<string, Array<{ node: NodeProto; index: number }>>();
  for (const node of nodes) {
    (node.input ?? []).forEach((name, index) => {
      if (!uses.has(name)) uses.set(name, []);
      uses.get(name)!.push({ node, index });
    });
  }
  const graphOutputs = new Set((graph.output ?? []).map((o) => o.name));
  const front: NodeProto[] = [];
  const newInits: TensorProto[] = [];
  const removed = new Set<string>();
  const quantized: QuantizedWeight[] = [];
  const skipped: Array<{ name: string; reason: string }> = [];
  const replaced = new Map<NodeProto, NodeProto[]>();
  /** Whether a MatMul's result reaches a graph output through only Add / Identity (a classification or LM head). */
  const isHead = (node: NodeProto): boolean => {
    let value = node.output?.[0] ?? "";
    for (let hops = 0; hops < 4; hops++) {
      if (graphOutputs.has(value)) return true;
      const next = uses.get(value) ?? [];
      if (next.length !== 1 || !["Add", "Identity"].includes(next[0]?.node.opType ?? "")) return false;
      value = next[0]?.node.output?.[0] ?? "";
    }
    return false;
  };
  const dynamicInputs = new Map<string, [string, string, string]>();

  for (const t of inits) {
    const name = t.name ?? "";
    if (t.dataType !== DataType.float) continue;
    const dims = dimsOf(t);
    const count = elementCount(dims);
    if (exclude.has(name)) {
      skipped.push({ name, reason: "excluded" });
      continue;
    }
    if (count < minElements) {
      if (mode !== "fp16" && dims.length === 2)
        skipped.push({ name, reason: `${count} elements, under ${minElements}` });
      continue;
    }
    const w = floatValues(t);
    if (mode === "fp16") {
      const half = new Uint16Array(count);
      for (let i = 0; i < count; i++) half[i] = toHalfBits(w[i] ?? 0);
      newInits.push(tensor(`${name}_fp16`, DataType.float16, dims, bytesOf(half)));
      front.push(makeNode("Cast", [`${name}_fp16`], [name], [intAttr("to", DataType.float)]));
      removed.add(name);
      quantized.push({ name, shape: dims, as: "fp16" });
      continue;
    }
    const consumers = uses.get(name) ?? [];
    if (dims.length !== 2 || consumers.length === 0 || graphOutputs.has(name)) {
      if (dims.length >= 2) skipped.push({ name, reason: "not a 2-D weight of MatMul or Gather" });
      continue;
    }
    const [rows, cols] = dims as [number, number];
    const allMatMul = consumers.every((u) => u.node.opType === "MatMul" && u.index === 1);
    const allGather = consumers.every(
      (u) =>
        u.node.opType === "Gather" &&
        u.index === 0 &&
        !(u.node.attribute ?? []).some((a) => a.name === "axis" && Number(a.i ?? 0) !== 0),
    );
    if (allGather) {
      // Gather the int8 rows first and dequantize only those: the whole table is never expanded at run time.
      const { q, scale } = int8RowsHalfScale(w, rows, cols);
      newInits.push(
        tensor(`${name}_quantized`, DataType.int8, dims, bytesOf(q)),
        tensor(`${name}_scale`, DataType.float16, [rows, 1], bytesOf(scale)),
      );
      for (const { node } of consumers) {
        const ids = node.input?.[1] ?? "";
        const out = node.output?.[0] ?? "";
        const rowScales = (at: string): NodeProto[] => [
          makeNode("Gather", [`${name}_scale`, ids], [`${at}_scales_fp16`]),
          makeNode("Cast", [`${at}_scales_fp16`], [`${at}_scales`], [intAttr("to", DataType.float)]),
        ];
        const next = uses.get(out) ?? [];
        const mul = next.length === 1 && !graphOutputs.has(out) ? next[0]?.node : undefined;
        const other = mul?.opType === "Mul" ? (mul.input ?? []).find((_x, i) => i !== next[0]?.index) : undefined;
        if (mul && other !== undefined && other !== out && !replaced.has(mul)) {
          // The rows are multiplied next anyway (a mask, a weight): (rows * scale) * m = rows * (scale * m), and
          // scale * m is one number per row where rows * scale is a whole row: one pass over the rows saved.
          replaced.set(node, [
            makeNode("Gather", [`${name}_quantized`, ids], [`${out}_int8`]),
            makeNode("Cast", [`${out}_int8`], [out], [intAttr("to", DataType.float)]),
          ]);
          const scaled = `${out}_scaled_${other}`;
          replaced.set(mul, [
            ...rowScales(out),
            makeNode("Mul", [`${out}_scales`, other], [scaled]),
            { ...mul, input: (mul.input ?? []).map((x) => (x === other ? scaled : x)) },
          ]);
          continue;
        }
        replaced.set(node, [
          makeNode("Gather", [`${name}_quantized`, ids], [`${out}_int8`]),
          makeNode("Cast", [`${out}_int8`], [`${out}_rows`], [intAttr("to", DataType.float)]),
          ...rowScales(out),
          makeNode("Mul", [`${out}_rows`, `${out}_scales`], [out]),
        ]);
      }
      removed.add(name);
      quantized.push({ name, shape: dims, as: "gather-int8" });
      continue;
    }
    if (!allMatMul) {
      skipped.push({ name, reason: "used by something other than MatMul (as B) or Gather (as data)" });
      continue;
    }
    if (mode !== "int8" && (options.keepHeads ?? true) && consumers.some((u) => isHead(u.node))) {
      // Activation quantization (dynamic) and 4-bit weights add error that an output head passes on unchanged.
      skipped.push({ name, reason: "output head: kept in float for accuracy (keepHeads)" });
      continue;
    }
    if (mode === "q4") {
      if (rows < blockSize) {
        skipped.push({ name, reason: `K = ${rows} is under the ${blockSize} block` });
        continue;
      }
      const { packed, scales, zeros, blocks } = q4Blocks(w, rows, cols, blockSize);
      newInits.push(
        tensor(`${name}_q4`, DataType.uint8, [cols, blocks, blockSize / 2], packed),
        tensor(`${name}_q4_scales`, DataType.float, [cols * blocks], bytesOf(scales)),
        tensor(`${name}_q4_zero_points`, DataType.uint8, [zeros.length], zeros),
      );
      for (const { node } of consumers) {
        replaced.set(node, [
          makeNode(
            "MatMulNBits",
            [node.input?.[0] ?? "", `${name}_q4`, `${name}_q4_scales`, `${name}_q4_zero_points`],
            [node.output?.[0] ?? ""],
            [intAttr("K", rows), intAttr("N", cols), intAttr("bits", 4), intAttr("block_size", blockSize)],
            "com.microsoft",
          ),
        ]);
      }
      removed.add(name);
      quantized.push({ name, shape: dims, as: "matmul-nbits" });
      continue;
    }
    const { q, scale } = int8PerChannel(w, rows, cols, 1);
    newInits.push(
      tensor(`${name}_quantized`, DataType.int8, dims, bytesOf(q)),
      tensor(`${name}_scale`, DataType.float, [cols], bytesOf(scale)),
      tensor(`${name}_zero_point`, DataType.int8, [cols], new Uint8Array(cols)),
    );
    if (mode === "int8") {
      front.push(
        makeNode(
          "DequantizeLinear",
          [`${name}_quantized`, `${name}_scale`, `${name}_zero_point`],
          [name],
          [intAttr("axis", 1)],
        ),
      );
      quantized.push({ name, shape: dims, as: "qdq-int8" });
    } else {
      // The pattern onnxruntime fuses into DynamicQuantizeMatMul: one DynamicQuantizeLinear per activation.
      for (const { node } of consumers) {
        const a = node.input?.[0] ?? "";
        let dq = dynamicInputs.get(a);
        const chain: NodeProto[] = [];
        if (!dq) {
          dq = [`${a}_quantized`, `${a}_scale`, `${a}_zero_point`];
          dynamicInputs.set(a, dq);
          chain.push(makeNode("DynamicQuantizeLinear", [a], [...dq]));
        }
        const out = node.output?.[0] ?? "";
        chain.push(
          makeNode("MatMulInteger", [dq[0], `${name}_quantized`, dq[2], `${name}_zero_point`], [`${out}_int32`]),
          makeNode("Cast", [`${out}_int32`], [`${out}_float`], [intAttr("to", DataType.float)]),
          makeNode("Mul", [dq[1], `${name}_scale`], [`${out}_scales`]),
          makeNode("Mul", [`${out}_float`, `${out}_scales`], [out]),
        );
        replaced.set(node, chain);
      }
      quantized.push({ name, shape: dims, as: "matmul-integer" });
    }
    removed.add(name);
  }

  if (quantized.length === 0) {
    throw new QuantizeError(
      `Nothing to quantize: no float32 weight of ${minElements} elements or more feeds a MatMul or Gather${skipped.length ? ` (${skipped.map((s) => `${s.name}: ${s.reason}`).join("; ")})` : ""}.`,
    );
  }

  graph.initializer = [...inits.filter((t) => !removed.has(t.name ?? "")), ...newInits];
  graph.input = (graph.input ?? []).filter((i) => !removed.has(i.name ?? ""));
  graph.node = [...front, ...nodes.flatMap((n) => replaced.get(n) ?? [n])];
  if (mode === "q4" && !(model.opsetImport ?? []).some((o) => o.domain === "com.microsoft")) {
    model.opsetImport = [...(model.opsetImport ?? []), { domain: "com.microsoft", version: 1 }];
  }
  model.producerName = `${model.producerName ?? ""}+hearth-quantize-${mode}`.replace(/^\+/, "");
  const bytes = encodeModel(model);
  return { bytes, report: { mode, bytesBefore: input.byteLength, bytesAfter: bytes.byteLength, quantized, skipped } };
}
