import type { DecoderWeights } from "../tiny-decoder/decoder-weights";
import { float, GraphBuilder as Graph, type GraphBuilder, int, ints } from "./onnx-graph";

function linear(g: GraphBuilder, name: string, x: string, w: Float32Array, b: Float32Array): string {
  const out = b.length;
  const w0 = g.floats(`${name}.weight`, [w.length / out, out], w);
  return g.node("Add", [g.node("MatMul", [x, w0]), g.floats(`${name}.bias`, [out], b)]);
}

function layerNorm(g: GraphBuilder, name: string, x: string, gamma: Float32Array, beta: Float32Array): string {
  return g.node(
    "LayerNormalization",
    [x, g.floats(`${name}.weight`, [gamma.length], gamma), g.floats(`${name}.bias`, [beta.length], beta)],
    { axis: int(-1), epsilon: float(1e-5) },
  );
}

function gelu(g: GraphBuilder, x: string): string {
  const cube = g.node("Mul", [g.node("Mul", [x, x]), x]);
  const inner = g.node("Add", [x, g.node("Mul", [cube, g.constant([0.044715])])]);
  const t = g.node("Tanh", [g.node("Mul", [inner, g.constant([Math.sqrt(2 / Math.PI)])])]);
  return g.node("Mul", [g.node("Mul", [x, g.constant([0.5])]), g.node("Add", [t, g.constant([1])])]);
}

/**
 * The ONNX graph of hearth/tiny-decoder with Optimum's decoder names and a KV cache: `input_ids`, `attention_mask`
 * (past + new), `position_ids`, `past_key_values.{i}.key/value` [batch, heads, past, headDim] -> `logits`
 * [batch, sequence, vocab] and `present.{i}.key/value`. Masked and future keys get -10000 before the softmax.
 */
export function exportDecoder(w: DecoderWeights): Uint8Array {
  const { vocabSize, hidden, heads } = w;
  const headDim = hidden / heads;
  const g = new Graph("tiny_decoder");
  const ids = g.input("input_ids", "int64", ["batch_size", "sequence_length"]);
  const mask = g.input("attention_mask", "int64", ["batch_size", "total_sequence_length"]);
  const positionIds = g.input("position_ids", "int64", ["batch_size", "sequence_length"]);
  const past = w.blocks.map((_, l) => ({
    key: g.input(`past_key_values.${l}.key`, "float", ["batch_size", heads, "past_sequence_length", headDim]),
    value: g.input(`past_key_values.${l}.value`, "float", ["batch_size", heads, "past_sequence_length", headDim]),
  }));

  const wte = g.floats("transformer.wte.weight", [vocabSize, hidden], w.wte);
  const wpe = g.floats("transformer.wpe.weight", [w.positions, hidden], w.wpe);
  let x = g.node("Add", [g.node("Gather", [wte, ids]), g.node("Gather", [wpe, positionIds])]);

  // Query i sits at absolute index past + i and may see keys 0..past + i that the mask keeps.
  const one = g.int64s("one_index", [], [1]);
  const seqLen = g.node("Gather", [g.node("Shape", [ids]), one], { axis: int(0) });
  const total = g.node("Gather", [g.node("Shape", [mask]), one], { axis: int(0) });
  const pastLen = g.node("Sub", [total, seqLen]);
  const step = g.int64s("one_scalar", [], [1]);
  const keyIdx = g.node("Unsqueeze", [
    g.node("Range", [g.int64s("zero_scalar", [], [0]), total, step]),
    g.constantInt64([0]),
  ]);
  const queryIdx = g.node("Unsqueeze", [g.node("Range", [pastLen, total, step]), g.constantInt64([1])]);
  const future = g.node("Cast", [g.node("Less", [queryIdx, keyIdx])], { to: int(1) });
  const padding = g.node("Unsqueeze", [
    g.node("Sub", [g.constant([1]), g.node("Cast", [mask], { to: int(1) })]),
    g.constantInt64([1, 2]),
  ]);
  const bias = g.node("Mul", [
    g.node("Min", [g.node("Add", [future, padding]), g.constant([1])]),
    g.constant([-10000]),
  ]);
  const scale = g.constant([1 / Math.sqrt(headDim)]);
  const split = (t: string) =>
    g.node("Transpose", [g.node("Reshape", [t, g.constantInt64([0, 0, heads, headDim])])], {
      perm: ints([0, 2, 1, 3]),
    });

  w.blocks.forEach((b, l) => {
    const p = `transformer.h.${l}`;
    const h = layerNorm(g, `${p}.ln_1`, x, b.ln1Gamma, b.ln1Beta);
    const q = split(linear(g, `${p}.attn.q`, h, b.qWeight, b.qBias));
    const k = split(linear(g, `${p}.attn.k`, h, b.kWeight, b.kBias));
    const v = split(linear(g, `${p}.attn.v`, h, b.vWeight, b.vBias));
    const kAll = g.named("Concat", [past[l]!.key, k], `present.${l}.key`, { axis: int(2) });
    const vAll = g.named("Concat", [past[l]!.value, v], `present.${l}.value`, { axis: int(2) });
    g.output(`present.${l}.key`, "float", ["batch_size", heads, "total_sequence_length", headDim]);
    g.output(`present.${l}.value`, "float", ["batch_size", heads, "total_sequence_length", headDim]);
    const kT = g.node("Transpose", [kAll], { perm: ints([0, 1, 3, 2]) });
    const scores = g.node("Add", [g.node("Mul", [g.node("MatMul", [q, kT]), scale]), bias]);
    const probs = g.node("Softmax", [scores], { axis: int(-1) });
    const ctx = g.node("Reshape", [
      g.node("Transpose", [g.node("MatMul", [probs, vAll])], { perm: ints([0, 2, 1, 3]) }),
      g.constantInt64([0, 0, hidden]),
    ]);
    x = g.node("Add", [x, linear(g, `${p}.attn.c_proj`, ctx, b.projWeight, b.projBias)]);
    const m = layerNorm(g, `${p}.ln_2`, x, b.ln2Gamma, b.ln2Beta);
    const fc = gelu(g, linear(g, `${p}.mlp.c_fc`, m, b.fcWeight, b.fcBias));
    x = g.node("Add", [x, linear(g, `${p}.mlp.c_proj`, fc, b.fcProjWeight, b.fcProjBias)]);
  });
  x = layerNorm(g, "transformer.ln_f", x, w.lnfGamma, w.lnfBeta);
  // The LM head is the token embedding, transposed (tied weights, as in GPT-2).
  g.named("MatMul", [x, g.node("Transpose", [wte], { perm: ints([1, 0]) })], "logits");
  g.output("logits", "float", ["batch_size", "sequence_length", vocabSize]);
  return g.toBytes();
}
