import type { SifWeights } from "../glove-sif/sif-weights";
import { quantizeRows } from "../quantize-rows";
import { GraphBuilder, int } from "./onnx-graph";

/**
 * The ONNX graph of hearth/glove-sif: `input_ids`, `attention_mask` (int64 [batch, sequence]) ->
 * `sentence_embedding` [batch, dim]: per token its vector times its SIF weight, summed over the masked tokens,
 * divided by the count of known tokens, minus the projection on the common component. The int8 form stores the
 * table as int8 rows with a scale each and dequantizes only the gathered rows.
 */
export function exportGloveSif(weights: SifWeights, format: "fp32" | "int8"): Uint8Array {
  const { vocabSize, dim } = weights;
  const g = new GraphBuilder("glove_sif");
  const ids = g.input("input_ids", "int64", ["batch_size", "sequence_length"]);
  const mask = g.input("attention_mask", "int64", ["batch_size", "sequence_length"]);

  let vectors: string;
  if (format === "fp32") {
    vectors = g.node("Gather", [g.floats("embeddings.word", [vocabSize, dim], weights.table), ids]);
  } else {
    const q = quantizeRows(weights.table, vocabSize, dim);
    const values = g.node(
      "Cast",
      [g.node("Gather", [g.int8s("embeddings.word_int8", [vocabSize, dim], q.values), ids])],
      {
        to: int(1),
      },
    );
    const scales = g.node("Gather", [g.floats("embeddings.word_scale", [vocabSize], q.scales), ids]);
    vectors = g.node("Mul", [values, g.node("Unsqueeze", [scales, g.constantInt64([2])])]);
  }
  const sif = g.node("Gather", [g.floats("sif.weight", [vocabSize], weights.sifWeights), ids]);
  const maskF = g.node("Cast", [mask], { to: int(1) });
  const tokenWeight = g.node("Mul", [sif, maskF]);
  const weighted = g.node("Mul", [vectors, g.node("Unsqueeze", [tokenWeight, g.constantInt64([2])])]);
  const sum = g.node("ReduceSum", [weighted, g.constantInt64([1])], { keepdims: int(0) });
  // Only known words count: [PAD] and [UNK] carry weight 0.
  const known = g.node("Mul", [g.node("Cast", [g.node("Greater", [sif, g.constant([0])])], { to: int(1) }), maskF]);
  const count = g.node("Max", [
    g.node("ReduceSum", [known, g.constantInt64([1])], { keepdims: int(1) }),
    g.constant([1]),
  ]);
  const mean = g.node("Div", [sum, count]);
  const projection = g.node("MatMul", [mean, g.floats("sif.component", [dim, 1], weights.component)]);
  const common = g.node("MatMul", [projection, g.floats("sif.component_row", [1, dim], weights.component)]);
  g.named("Sub", [mean, common], "sentence_embedding");
  g.output("sentence_embedding", "float", ["batch_size", dim]);
  return g.toBytes();
}
