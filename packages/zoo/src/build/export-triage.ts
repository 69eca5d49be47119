import type { TriageWeights } from "../email-triage/triage-weights";
import { quantizeRows } from "../quantize-rows";
import { GraphBuilder, int } from "./onnx-graph";

/**
 * The ONNX graph of hearth/email-triage: `input_ids` and `attention_mask` (int64 [batch, sequence]) -> `logits`
 * [batch, labels], the masked mean of embedding rows through a linear layer. The int8 form stores the table as
 * int8 rows with a scale each and dequantizes only the gathered rows.
 */
export function exportTriage(weights: TriageWeights, format: "fp32" | "int8"): Uint8Array {
  const { buckets, dim, labels } = weights;
  const g = new GraphBuilder("email_triage");
  const ids = g.input("input_ids", "int64", ["batch_size", "sequence_length"]);
  const mask = g.input("attention_mask", "int64", ["batch_size", "sequence_length"]);

  let rows: string;
  if (format === "fp32") {
    rows = g.node("Gather", [g.floats("embedding", [buckets, dim], weights.embedding), ids]);
  } else {
    const q = quantizeRows(weights.embedding, buckets, dim);
    const values = g.node("Cast", [g.node("Gather", [g.int8s("embedding_int8", [buckets, dim], q.values), ids])], {
      to: int(1),
    });
    const scales = g.node("Gather", [g.floats("embedding_scale", [buckets], q.scales), ids]);
    rows = g.node("Mul", [values, g.node("Unsqueeze", [scales, g.constantInt64([2])])]);
  }
  const maskF = g.node("Cast", [mask], { to: int(1) });
  const masked = g.node("Mul", [rows, g.node("Unsqueeze", [maskF, g.constantInt64([2])])]);
  const sum = g.node("ReduceSum", [masked, g.constantInt64([1])], { keepdims: int(0) });
  const count = g.node("Max", [
    g.node("ReduceSum", [maskF, g.constantInt64([1])], { keepdims: int(1) }),
    g.constant([1]),
  ]);
  const mean = g.node("Div", [sum, count]);
  const linear = g.node("MatMul", [mean, g.floats("classifier.weight", [dim, labels.length], weights.weight)]);
  g.named("Add", [linear, g.floats("classifier.bias", [labels.length], weights.bias)], "logits");
  g.output("logits", "float", ["batch_size", labels.length]);
  return g.toBytes();
}
