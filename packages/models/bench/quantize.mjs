#!/usr/bin/env node
// int8 against fp32 on a BERT-sized MLP encoder (embedding 8k x 256, 4 blocks of 256 -> 1024 -> 256, a 4-label head)
// written with onnx-proto: file size, CPU latency on onnxruntime-node (1 thread, batch 8 x 64 tokens), and the
// agreement of the head's argmax with fp32's on 2,000 random inputs (accuracy delta in points, a proxy until the zoo
// ships a trained, labelled model). Prints one JSON line per measure: {name, ours, baseline, ratio}.
// Run from packages/models after a build: node bench/quantize.mjs [--mode int8-dynamic]
import { parseArgs } from "node:util";
import { quantizeModel } from "@hearth/models/quantize";
import onnxProto from "onnx-proto";
import * as ort from "onnxruntime-node";

const { values } = parseArgs({
  options: { mode: { type: "string", default: "int8-dynamic" }, runs: { type: "string", default: "30" } },
});
const { onnx } = onnxProto;
const VOCAB = 8000;
const HIDDEN = 256;
const FF = 1024;
const LABELS = 4;

let seed = 42;
const rand = () => {
  seed = (seed * 1664525 + 1013904223) >>> 0;
  return seed / 4294967296;
};
const normal = (n, std) =>
  Float32Array.from(
    { length: n },
    () => std * Math.sqrt(-2 * Math.log(Math.max(rand(), 1e-9))) * Math.cos(2 * Math.PI * rand()),
  );

function buildModel() {
  const inits = [];
  const nodes = [];
  let k = 0;
  const f = (dims, data) => {
    const name = `w${k++}`;
    inits.push({ name, dims, dataType: 1, rawData: new Uint8Array(data.buffer) });
    return name;
  };
  const node = (op, inputs, attrs = []) => {
    const out = `t${k++}`;
    nodes.push({ opType: op, input: inputs, output: [out], attribute: attrs });
    return out;
  };
  let x = node("Gather", [f([VOCAB, HIDDEN], normal(VOCAB * HIDDEN, 0.5)), "input_ids"]);
  for (let l = 0; l < 4; l++) {
    const h = node("Relu", [
      node("Add", [
        node("MatMul", [x, f([HIDDEN, FF], normal(HIDDEN * FF, 1 / Math.sqrt(HIDDEN)))]),
        f([FF], normal(FF, 0.02)),
      ]),
    ]);
    const y = node("Add", [
      node("MatMul", [h, f([FF, HIDDEN], normal(FF * HIDDEN, 1 / Math.sqrt(FF)))]),
      f([HIDDEN], normal(HIDDEN, 0.02)),
    ]);
    x = node(
      "LayerNormalization",
      [node("Add", [x, y]), f([HIDDEN], new Float32Array(HIDDEN).fill(1)), f([HIDDEN], new Float32Array(HIDDEN))],
      [{ name: "axis", type: 2, i: -1 }],
    );
  }
  const pooled = node(
    "ReduceMean",
    [x],
    [
      { name: "axes", type: 7, ints: [1] },
      { name: "keepdims", type: 2, i: 0 },
    ],
  );
  nodes.push({
    opType: "MatMul",
    input: [pooled, f([HIDDEN, LABELS], normal(HIDDEN * LABELS, 1 / Math.sqrt(HIDDEN)))],
    output: ["logits"],
  });
  const io = (name, elemType, dims) => ({
    name,
    type: {
      tensorType: {
        elemType,
        shape: { dim: dims.map((d) => (typeof d === "number" ? { dimValue: d } : { dimParam: d })) },
      },
    },
  });
  return onnx.ModelProto.encode(
    onnx.ModelProto.create({
      irVersion: 8,
      opsetImport: [{ domain: "", version: 17 }],
      graph: {
        name: "bench",
        node: nodes,
        initializer: inits,
        input: [io("input_ids", 7, ["batch", "seq"])],
        output: [io("logits", 1, ["batch", LABELS])],
      },
    }),
  ).finish();
}

const fp32 = buildModel();
const { bytes: quant, report } = quantizeModel(fp32, { mode: values.mode });
const options = { intraOpNumThreads: 1, interOpNumThreads: 1 };
const [a, b] = await Promise.all([
  ort.InferenceSession.create(fp32, options),
  ort.InferenceSession.create(quant, options),
]);
const ids = (batch, seq) =>
  new ort.Tensor(
    "int64",
    BigInt64Array.from({ length: batch * seq }, () => BigInt(Math.floor(rand() * VOCAB))),
    [batch, seq],
  );

async function latency(session) {
  const feed = { input_ids: ids(8, 64) };
  for (let i = 0; i < 5; i++) await session.run(feed);
  const times = [];
  for (let i = 0; i < Number(values.runs); i++) {
    const t = performance.now();
    await session.run(feed);
    times.push(performance.now() - t);
  }
  return times.sort((x, y) => x - y)[Math.floor(times.length / 2)];
}
const argmax = (d, row) => {
  let best = 0;
  for (let j = 1; j < LABELS; j++) if (d[row * LABELS + j] > d[row * LABELS + best]) best = j;
  return best;
};
let same = 0;
const N = 2000;
for (let i = 0; i < N; i += 100) {
  const feed = { input_ids: ids(100, 32) };
  const [ra, rb] = [await a.run(feed), await b.run(feed)];
  for (let r = 0; r < 100; r++) same += argmax(ra.logits.data, r) === argmax(rb.logits.data, r) ? 1 : 0;
}
const la = await latency(a);
const lb = await latency(b);
const lines = [
  {
    name: `quantize-${values.mode}-size`,
    unit: "bytes",
    ours: report.bytesAfter,
    baseline: report.bytesBefore,
    ratio: report.bytesAfter / report.bytesBefore,
    goal: "<= 0.3",
  },
  {
    name: `quantize-${values.mode}-latency`,
    unit: "ms (median, batch 8 x 64, 1 thread)",
    ours: lb,
    baseline: la,
    ratio: lb / la,
    goal: "<= 0.8",
  },
  {
    name: `quantize-${values.mode}-accuracy-delta`,
    unit: "points of argmax disagreement with fp32",
    ours: (100 * (N - same)) / N,
    baseline: 0,
    ratio: null,
    goal: "<= 0.5",
  },
];
for (const l of lines) process.stdout.write(`${JSON.stringify(l)}\n`);
await Promise.all([a.release(), b.release()]);
