#!/usr/bin/env node
// The zoo's models on onnxruntime-node (CPU, one thread): int8 against fp32 latency and size for email-triage and
// glove-sif, and the TypeScript featurizer's throughput. Prints one JSON line per measure: {name, ours, baseline,
// ratio} (ours is the int8 variant or the zoo's code; lower is better for ms and bytes, higher for MB/s).
// Run from packages/zoo after a build: node bench/zoo.mjs [--runs 50]
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { EMAIL_TRIAGE_ID, featurize, GLOVE_SIF_ID, SIF_EVAL_PAIRS, TRIAGE_FEATURIZER, triageBatch } from "@hearth/zoo";
import { catalogPath } from "@hearth/zoo/node";
import { Tokenizer } from "@huggingface/tokenizers";
import * as ort from "onnxruntime-node";

const { values } = parseArgs({ options: { runs: { type: "string", default: "50" } } });
const runs = Number(values.runs);
const folder = (id) => join(catalogPath(), ...id.split("/"));
const print = (name, ours, baseline, unit) =>
  process.stdout.write(
    `${JSON.stringify({ name, unit, ours: +ours.toFixed(4), baseline: +baseline.toFixed(4), ratio: +(ours / baseline).toFixed(4) })}\n`,
  );

async function latency(file, feeds) {
  const session = await ort.InferenceSession.create(file, { intraOpNumThreads: 1, interOpNumThreads: 1 });
  for (let i = 0; i < 5; i++) await session.run(feeds);
  // The best of three rounds: the machine may be shared, and noise only ever adds time.
  let best = Number.POSITIVE_INFINITY;
  for (let round = 0; round < 3; round++) {
    const start = performance.now();
    for (let i = 0; i < runs; i++) await session.run(feeds);
    best = Math.min(best, (performance.now() - start) / runs);
  }
  await session.release();
  return best;
}

// A batch of 16 mail-sized texts (about 300 words each).
const words = SIF_EVAL_PAIRS.flatMap((p) => `${p.a} ${p.b}`.split(" "));
const mails = Array.from({ length: 16 }, (_, i) =>
  Array.from({ length: 300 }, (_, j) => words[(i * 31 + j * 7) % words.length]).join(" "),
);
const batch = triageBatch(mails.map((m) => featurize(m)));
const triageFeeds = {
  input_ids: new ort.Tensor("int64", batch.inputIds, batch.dims),
  attention_mask: new ort.Tensor("int64", batch.attentionMask, batch.dims),
};
const t = folder(EMAIL_TRIAGE_ID);
print(
  "zoo email-triage int8 vs fp32 latency, batch 16 x 599 ids",
  await latency(join(t, "onnx/model_int8.onnx"), triageFeeds),
  await latency(join(t, "onnx/model.onnx"), triageFeeds),
  "ms",
);
print(
  "zoo email-triage int8 vs fp32 size",
  statSync(join(t, "onnx/model_int8.onnx")).size,
  statSync(join(t, "onnx/model.onnx")).size,
  "bytes",
);

const g = folder(GLOVE_SIF_ID);
const tokenizer = new Tokenizer(
  JSON.parse(readFileSync(join(g, "tokenizer.json"), "utf8")),
  JSON.parse(readFileSync(join(g, "tokenizer_config.json"), "utf8")),
);
const sentences = SIF_EVAL_PAIRS.slice(0, 16).map((p) => p.a);
const encoded = sentences.map((s) => tokenizer.encode(s, { add_special_tokens: false }).ids);
const seq = Math.max(...encoded.map((e) => e.length));
const ids = new BigInt64Array(16 * seq);
const mask = new BigInt64Array(16 * seq);
for (const [r, e] of encoded.entries()) {
  for (const [c, id] of e.entries()) {
    ids[r * seq + c] = BigInt(id);
    mask[r * seq + c] = 1n;
  }
}
const sifFeeds = {
  input_ids: new ort.Tensor("int64", ids, [16, seq]),
  attention_mask: new ort.Tensor("int64", mask, [16, seq]),
};
print(
  "zoo glove-sif int8 vs fp32 latency, batch 16 sentences",
  await latency(join(g, "onnx/model_int8.onnx"), sifFeeds),
  await latency(join(g, "onnx/model.onnx"), sifFeeds),
  "ms",
);
print(
  "zoo glove-sif int8 vs fp32 size",
  statSync(join(g, "onnx/model_int8.onnx")).size,
  statSync(join(g, "onnx/model.onnx")).size,
  "bytes",
);

// featurize() throughput against a plain lowercase + regex word split (the floor any featurizer pays).
const corpus = mails.join("\n").repeat(20);
const mb = corpus.length / 1e6;
const time = (fn) => {
  fn();
  const start = performance.now();
  for (let i = 0; i < 5; i++) fn();
  return (performance.now() - start) / 5 / 1000;
};
const ours = mb / time(() => featurize(corpus, { ...TRIAGE_FEATURIZER, maxWords: Number.MAX_SAFE_INTEGER }));
const baseline = mb / time(() => corpus.toLowerCase().match(/[\p{L}\p{N}]+|[$!%]/gu));
print("zoo featurize throughput vs regex split", ours, baseline, "MB/s");
