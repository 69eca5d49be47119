// @hearth/runtime on onnxruntime-node (CPU), per pipeline: embed, classify and generate at batch 1 (latency) and
// batch 32 (throughput), each beside
//   - the raw stack doing the same work: @huggingface/tokenizers, onnxruntime-node's InferenceSession.run on the same
//     tensors, the same pooling or softmax (goal <= 1.05x); the session call alone and the tokenizer alone are
//     measured apart, so the pipeline's own cost can be told from theirs;
//   - transformers.js 4 (@huggingface/transformers, offline on the same local folders; goal <= 0.5x its latency).
// The same encoder pipelines on the web backend (onnxruntime-web wasm, in Node) beside the raw stack on that build.
// Then the worker round trip (goal <= 0.2 ms per call over the same call in process), session cold start, and the
// peak RSS of a fresh process that opens a model and runs it once.
//
// Models: the runtime's own test models (a small BERT-like encoder with a feature-extraction and a classification
// head, built by packages/runtime/test/fixtures/build-models.ts), an encoder of BERT-Small's shape written by the same
// code, and the zoo's built glove-sif and tiny-decoder.
// transformers.js cannot run glove-sif: its config's model_type "hearth-sif" is not one it knows, so it falls back to
// a plain encoder and then finds no `last_hidden_state` (the graph pools inside and outputs `sentence_embedding`);
// glove-sif is compared with the raw stack only. Every session here uses onnxruntime's default threading, on every
// side. Sanity checks hold every contender to the same answers before anything is timed.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { createModelWorker, createSession, pipeline } from "@hearth/runtime/node";
import { GLOVE_SIF_ID, SIF_EVAL_PAIRS, TINY_DECODER_ID } from "@hearth/zoo";
import { catalogPath } from "@hearth/zoo/node";
import { Tokenizer } from "@huggingface/tokenizers";
import * as ort from "onnxruntime-node";
import { packageDir } from "../lib/package-dir.mjs";
import { writeBertSmallEncoder, writeRuntimeFixtures } from "../lib/runtime-fixtures.mjs";

export const description =
  "embed/classify/tokens/generate pipelines (onnxruntime-node, onnxruntime-web wasm) vs the raw stack and transformers.js, workers, cold start, peak RSS";

const RAW_GOAL = 1.05;
const TRANSFORMERS_GOAL = 0.5;
const WORKER_GOAL_MS = 0.2;
const BATCH = 32;
const NEW_TOKENS = 16;
const TRANSFORMERS = "transformers.js 4.3.1";
const RAW = "raw tokenizers + InferenceSession.run";
const BENCHMARKS_DIR = join(dirname(fileURLToPath(import.meta.url)), "..");
const NODE_CPU = { ort, provider: "cpu", bytes: false };

function sanityCheck(ok, what) {
  if (!ok) throw new Error(`inference suite: ${what}; the measure would be meaningless.`);
}

const texts = SIF_EVAL_PAIRS.flatMap((p) => [p.a, p.b]);
const one = texts[0];
const batch = texts.slice(0, BATCH);

function cosine(a, b) {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i] * b[i];
    na += a[i] * a[i];
    nb += b[i] * b[i];
  }
  return dot / Math.sqrt(na * nb);
}

function normalize(v) {
  let n = 0;
  for (const x of v) n += x * x;
  n = Math.sqrt(n) || 1;
  for (let i = 0; i < v.length; i++) v[i] /= n;
  return v;
}

function argmax(data, from, to) {
  let best = from;
  for (let i = from + 1; i < to; i++) if (data[i] > data[best]) best = i;
  return best - from;
}

/**
 * The raw stack on a model folder: the tokenizer straight from @huggingface/tokenizers, an InferenceSession on the
 * same file with the same options the runtime passes (cpu, all graph optimizations; or wasm on onnxruntime-web), and
 * plain loops for the rest.
 */
async function rawModel(folder, file = "model.onnx", backend = NODE_CPU) {
  const json = (name) => JSON.parse(readFileSync(join(folder, name), "utf8"));
  const config = json("config.json");
  const tokenizer = new Tokenizer(json("tokenizer.json"), json("tokenizer_config.json"));
  const ort = backend.ort;
  const path = join(folder, "onnx", file);
  const session = await ort.InferenceSession.create(backend.bytes ? readFileSync(path) : path, {
    executionProviders: [backend.provider],
    graphOptimizationLevel: "all",
  });
  const padId = config.pad_token_id ?? 0;
  const encode = (t) => tokenizer.encode(t, { add_special_tokens: true, return_token_type_ids: true });
  // Right-padded int64 tensors for a batch, feeding only the inputs the model declares.
  const feeds = (encodings) => {
    const length = Math.max(1, ...encodings.map((e) => e.ids.length));
    const n = encodings.length * length;
    const ids = new BigInt64Array(n).fill(BigInt(padId));
    const mask = new BigInt64Array(n);
    const types = new BigInt64Array(n);
    for (const [r, e] of encodings.entries()) {
      for (const [c, id] of e.ids.entries()) {
        ids[r * length + c] = BigInt(id);
        mask[r * length + c] = 1n;
        types[r * length + c] = BigInt(e.token_type_ids?.[c] ?? 0);
      }
    }
    const dims = [encodings.length, length];
    const out = { input_ids: new ort.Tensor("int64", ids, dims) };
    if (session.inputNames.includes("attention_mask")) out.attention_mask = new ort.Tensor("int64", mask, dims);
    if (session.inputNames.includes("token_type_ids")) out.token_type_ids = new ort.Tensor("int64", types, dims);
    return { feeds: out, length };
  };
  return { config, tokenizer, session, encode, feeds, ort };
}

/** The runtime's own tensors for the same ids (what its session wrapper takes), from raw feeds. */
function hearthFeeds(ortFeeds) {
  const out = {};
  for (const [name, t] of Object.entries(ortFeeds)) out[name] = { type: t.type, data: t.data, dims: [...t.dims] };
  return out;
}

/** Mean-pooled, L2-normalized vectors from last_hidden_state, or the model's pooled output normalized. */
async function rawEmbed(raw, input) {
  const encodings = input.map(raw.encode);
  const { feeds, length } = raw.feeds(encodings);
  const pooledOutput = raw.session.outputNames.includes("sentence_embedding");
  const name = pooledOutput ? "sentence_embedding" : "last_hidden_state";
  const out = (await raw.session.run(feeds, [name]))[name];
  const hidden = out.dims.at(-1);
  return encodings.map((e, r) => {
    if (pooledOutput) return normalize(out.data.slice(r * hidden, (r + 1) * hidden));
    const v = new Float32Array(hidden);
    const base = r * length * hidden;
    for (let t = 0; t < e.ids.length; t++) for (let h = 0; h < hidden; h++) v[h] += out.data[base + t * hidden + h];
    for (let h = 0; h < hidden; h++) v[h] /= e.ids.length;
    return normalize(v);
  });
}

/** Softmax over each row's logits, the top label. */
async function rawClassify(raw, input) {
  const { feeds } = raw.feeds(input.map(raw.encode));
  const logits = (await raw.session.run(feeds, ["logits"])).logits;
  const labels = logits.dims.at(-1);
  return input.map((_, r) => {
    const from = r * labels;
    let max = Number.NEGATIVE_INFINITY;
    for (let i = from; i < from + labels; i++) max = Math.max(max, logits.data[i]);
    let sum = 0;
    for (let i = from; i < from + labels; i++) sum += Math.exp(logits.data[i] - max);
    const k = argmax(logits.data, from, from + labels);
    return { label: raw.config.id2label[k], score: Math.exp(logits.data[from + k] - max) / sum };
  });
}

/** Greedy decoding with the KV cache, the Optimum input names, `count` new tokens. */
async function rawGenerate(raw, prompt, count) {
  const { config, session, ort } = raw;
  const layers = config.n_layer;
  const heads = config.n_head;
  const headDim = config.n_embd / heads;
  const sequence = [...raw.tokenizer.encode(prompt, { add_special_tokens: true }).ids];
  let past = {};
  for (let l = 0; l < layers; l++) {
    for (const kv of ["key", "value"]) {
      past[`past_key_values.${l}.${kv}`] = new ort.Tensor("float32", new Float32Array(0), [1, heads, 0, headDim]);
    }
  }
  const generated = [];
  for (let step = 0; step < count; step++) {
    const fresh = step === 0 ? sequence : sequence.slice(-1);
    const total = sequence.length;
    const n = fresh.length;
    const feeds = {
      input_ids: new ort.Tensor("int64", BigInt64Array.from(fresh, BigInt), [1, n]),
      attention_mask: new ort.Tensor("int64", new BigInt64Array(total).fill(1n), [1, total]),
      position_ids: new ort.Tensor(
        "int64",
        BigInt64Array.from({ length: n }, (_, i) => BigInt(total - n + i)),
        [1, n],
      ),
      ...past,
    };
    const out = await session.run(feeds);
    const vocab = out.logits.dims.at(-1);
    const id = argmax(out.logits.data, (n - 1) * vocab, n * vocab);
    past = {};
    for (let l = 0; l < layers; l++) {
      for (const kv of ["key", "value"]) past[`past_key_values.${l}.${kv}`] = out[`present.${l}.${kv}`];
    }
    sequence.push(id);
    generated.push(id);
  }
  return generated;
}

async function loadTransformers(root) {
  const transformers = await import("@huggingface/transformers");
  transformers.env.allowRemoteModels = false;
  transformers.env.allowLocalModels = true;
  const at = (dir) => {
    transformers.env.localModelPath = `${dir}/`;
  };
  return { transformers, at, root };
}

async function encoderPipelines(ctx) {
  const { measure, quick, fixtures, hf } = ctx;
  const plan = quick ? undefined : { budgetMs: 5000, warmupMs: 500, minSamples: 50 };

  // embed, the runtime's test encoder: every contender.
  hf.at(ctx.fixtureRoot);
  const embed = await pipeline("embed", fixtures.encoder);
  const embedNoWait = await pipeline("embed", fixtures.encoder, { batching: { maxWaitMs: 0 } });
  const rawEncoder = await rawModel(fixtures.encoder);
  const hfEmbed = await hf.transformers.pipeline("feature-extraction", "encoder", { dtype: "fp32" });
  const hfEmbedRun = async (input) => (await hfEmbed(input, { pooling: "mean", normalize: true })).tolist();
  {
    const [ours] = await embed.run([one]);
    const [raw] = await rawEmbed(rawEncoder, [one]);
    const [theirs] = await hfEmbedRun([one]);
    sanityCheck(cosine(ours, raw) > 0.9999 && cosine(ours, theirs) > 0.9999, "embed vectors differ between contenders");
  }
  await measure({
    name: "embed (test encoder), batch 1",
    unit: "ms",
    ours: () => embed.run(one),
    baselines: [
      { name: RAW, fn: () => rawEmbed(rawEncoder, [one]), maxRatio: RAW_GOAL },
      { name: TRANSFORMERS, fn: () => hfEmbedRun(one), maxRatio: TRANSFORMERS_GOAL },
    ],
    plan,
  });
  // The default batcher holds a lone call up to maxWaitMs (2 ms) for company; this is the same call without the wait.
  await measure({
    name: "embed (test encoder), batch 1, batching.maxWaitMs 0",
    unit: "ms",
    ours: () => embedNoWait.run(one),
    baselines: [{ name: RAW, fn: () => rawEmbed(rawEncoder, [one]), maxRatio: RAW_GOAL }],
    plan,
  });
  const { feeds } = rawEncoder.feeds([rawEncoder.encode(one)]);
  const wrapped = hearthFeeds(feeds);
  await measure({
    name: "embed (test encoder): session.run alone, same tensors",
    unit: "ms",
    ours: () => embed.model.session.run(wrapped, ["last_hidden_state"]),
    baselines: [
      {
        name: "InferenceSession.run",
        fn: () => rawEncoder.session.run(feeds, ["last_hidden_state"]),
        maxRatio: RAW_GOAL,
      },
    ],
    plan,
  });
  sanityCheck(
    embed.model.tokenizer.encode(one).ids.join() === rawEncoder.encode(one).ids.join(),
    "the two tokenizers give different ids",
  );
  await measure({
    name: "embed (test encoder): tokenization alone, 1 text",
    unit: "us",
    ours: () => embed.model.tokenizer.encode(one),
    baselines: [{ name: "@huggingface/tokenizers encode", fn: () => rawEncoder.encode(one) }],
    plan,
  });
  await measure({
    name: `embed (test encoder), batch ${BATCH}`,
    unit: "ms",
    opsPerCall: BATCH,
    ours: () => embed.run(batch),
    baselines: [
      { name: RAW, fn: () => rawEmbed(rawEncoder, batch), maxRatio: RAW_GOAL },
      { name: TRANSFORMERS, fn: () => hfEmbedRun(batch) },
    ],
    plan,
  });

  // embed, glove-sif from the zoo (int8, as the zoo's README runs it): the raw stack only (see the top comment).
  const glove = join(catalogPath(), ...GLOVE_SIF_ID.split("/"));
  const sif = await pipeline("embed", glove, { dtype: "int8" });
  const rawSif = await rawModel(glove, "model_int8.onnx");
  sanityCheck(
    cosine((await sif.run([one]))[0], (await rawEmbed(rawSif, [one]))[0]) > 0.9999,
    "glove-sif vectors differ",
  );
  await measure({
    name: "embed (zoo glove-sif int8), batch 1",
    unit: "ms",
    ours: () => sif.run(one),
    baselines: [{ name: RAW, fn: () => rawEmbed(rawSif, [one]), maxRatio: RAW_GOAL }],
    plan,
  });
  await measure({
    name: `embed (zoo glove-sif int8), batch ${BATCH}`,
    unit: "ms",
    opsPerCall: BATCH,
    ours: () => sif.run(batch),
    baselines: [{ name: RAW, fn: () => rawEmbed(rawSif, batch), maxRatio: RAW_GOAL }],
    plan,
  });

  // classify, the runtime's test classifier.
  const classify = await pipeline("classify", fixtures.classifier);
  const rawClassifier = await rawModel(fixtures.classifier);
  const hfClassify = await hf.transformers.pipeline("text-classification", "classifier", { dtype: "fp32" });
  {
    const ours = await classify.run(one);
    const [raw] = await rawClassify(rawClassifier, [one]);
    const [theirs] = await hfClassify(one);
    sanityCheck(ours.label === raw.label && ours.label === theirs.label, "classify labels differ between contenders");
    sanityCheck(Math.abs(ours.score - theirs.score) < 1e-4, "classify scores differ between contenders");
  }
  await measure({
    name: "classify (test classifier), batch 1",
    unit: "ms",
    ours: () => classify.run(one),
    baselines: [
      { name: RAW, fn: () => rawClassify(rawClassifier, [one]), maxRatio: RAW_GOAL },
      { name: TRANSFORMERS, fn: () => hfClassify(one), maxRatio: TRANSFORMERS_GOAL },
    ],
    plan,
  });
  const classifyFeeds = rawClassifier.feeds([rawClassifier.encode(one)]).feeds;
  const classifyWrapped = hearthFeeds(classifyFeeds);
  await measure({
    name: "classify (test classifier): session.run alone, same tensors",
    unit: "ms",
    ours: () => classify.model.session.run(classifyWrapped, ["logits"]),
    baselines: [
      {
        name: "InferenceSession.run",
        fn: () => rawClassifier.session.run(classifyFeeds, ["logits"]),
        maxRatio: RAW_GOAL,
      },
    ],
    plan,
  });
  await measure({
    name: `classify (test classifier), batch ${BATCH}`,
    unit: "ms",
    opsPerCall: BATCH,
    ours: () => classify.run(batch),
    baselines: [
      { name: RAW, fn: () => rawClassify(rawClassifier, batch), maxRatio: RAW_GOAL },
      { name: TRANSFORMERS, fn: () => hfClassify(batch) },
    ],
    plan,
  });

  for (const p of [embed, embedNoWait, sif, classify]) await p.dispose();
  for (const r of [rawEncoder, rawSif, rawClassifier]) await r.session.release();
  await hfEmbed.dispose();
  await hfClassify.dispose();
}

/** Token classification the raw way: the label of every token (softmax argmax), without offsets or entity spans. */
async function rawTokenLabels(raw, text) {
  const encoding = raw.encode(text);
  const { feeds } = raw.feeds([encoding]);
  const logits = (await raw.session.run(feeds, ["logits"])).logits;
  const labels = logits.dims.at(-1);
  return encoding.ids.map((_, t) => raw.config.id2label[argmax(logits.data, t * labels, (t + 1) * labels)]);
}

// tokens: the tagger's entity spans (with exact character offsets, which the raw stack does not give) against the
// raw per-token labels, and transformers.js's token-classification pipeline.
async function tokenPipeline(ctx) {
  const { measure, quick, fixtures, hf } = ctx;
  const plan = quick ? undefined : { budgetMs: 5000, warmupMs: 500, minSamples: 50 };
  const text = "Zoë met José in Zürich, then Anna flew to London";
  hf.at(ctx.fixtureRoot);
  const tagger = await pipeline("tokens", fixtures.tagger);
  const raw = await rawModel(fixtures.tagger);
  const hfTagger = await hf.transformers.pipeline("token-classification", "tagger", { dtype: "fp32" });
  {
    const ours = (await tagger.tag(text)).map((t) => t.label);
    const direct = (await rawTokenLabels(raw, text)).slice(1, -1);
    const theirs = await hfTagger(text, { ignore_labels: [] });
    sanityCheck(ours.join() === direct.join(), "token labels differ from the raw stack's");
    sanityCheck(theirs.map((t) => t.entity).join() === ours.join(), "token labels differ from transformers.js's");
  }
  await measure({
    name: "tokens (test tagger), batch 1",
    unit: "ms",
    ours: () => tagger.run(text),
    baselines: [
      { name: `${RAW}, labels only`, fn: () => rawTokenLabels(raw, text), maxRatio: RAW_GOAL },
      { name: TRANSFORMERS, fn: () => hfTagger(text), maxRatio: TRANSFORMERS_GOAL },
    ],
    plan,
  });
  await tagger.dispose();
  await raw.session.release();
  await hfTagger.dispose();
}

// The test encoder runs in under 0.1 ms, less than transformers.js's own overhead per call, so "0.5x its latency"
// cannot be met there by any wrapper of onnxruntime (the raw session.run alone is above half its time). A model with
// BERT-Small's shape (random weights, the same tokenizer) is a small model whose run costs what a real one's does.
async function smallEncoder(ctx) {
  const { measure, quick, hf } = ctx;
  const plan = quick ? undefined : { budgetMs: 5000, warmupMs: 500, minSamples: 50 };
  const folder = await writeBertSmallEncoder(ctx.fixtureRoot);
  hf.at(ctx.fixtureRoot);
  const embed = await pipeline("embed", folder);
  const raw = await rawModel(folder);
  const hfEmbed = await hf.transformers.pipeline("feature-extraction", "bert-small", { dtype: "fp32" });
  const hfEmbedRun = async (input) => (await hfEmbed(input, { pooling: "mean", normalize: true })).tolist();
  {
    const [ours] = await embed.run([one]);
    const [theirs] = await hfEmbedRun([one]);
    const [direct] = await rawEmbed(raw, [one]);
    sanityCheck(
      cosine(ours, direct) > 0.9999 && cosine(ours, theirs) > 0.9999,
      "BERT-Small-sized embed vectors differ between contenders",
    );
  }
  await measure({
    name: "embed (BERT-Small-sized encoder, random weights), batch 1",
    unit: "ms",
    ours: () => embed.run(one),
    baselines: [
      { name: RAW, fn: () => rawEmbed(raw, [one]), maxRatio: RAW_GOAL },
      { name: TRANSFORMERS, fn: () => hfEmbedRun(one), maxRatio: TRANSFORMERS_GOAL },
    ],
    plan,
  });
  await measure({
    name: `embed (BERT-Small-sized encoder, random weights), batch ${BATCH}`,
    unit: "ms",
    opsPerCall: BATCH,
    ours: () => embed.run(batch),
    baselines: [
      { name: RAW, fn: () => rawEmbed(raw, batch), maxRatio: RAW_GOAL },
      { name: TRANSFORMERS, fn: () => hfEmbedRun(batch) },
    ],
    ...(quick ? {} : { plan: { budgetMs: 6000, warmupMs: 500, minSamples: 20 } }),
  });
  await embed.dispose();
  await raw.session.release();
  await hfEmbed.dispose();
}

/**
 * onnxruntime-web is the runtime's dependency, not this suite's: load the very module its web entry loads in Node (the
 * same file, so the same instance and the same wasm settings), for the raw baseline on the web backend.
 */
async function runtimeOrtWeb() {
  const require = createRequire(join(packageDir("@hearth/runtime"), "package.json"));
  // Its exports hide package.json: climb from the entry require resolves to the package's folder.
  let root = dirname(require.resolve("onnxruntime-web"));
  while (!existsSync(join(root, "package.json"))) root = dirname(root);
  const entry = JSON.parse(readFileSync(join(root, "package.json"), "utf8")).exports["."].node.import;
  return import(pathToFileURL(join(root, entry)).href);
}

/** A model folder's files as bytes, the way a web app hands them to @hearth/runtime/web. */
function folderBytes(folder) {
  const files = {};
  for (const name of ["config.json", "tokenizer.json", "tokenizer_config.json", "onnx/model.onnx"]) {
    files[name] = new Uint8Array(readFileSync(join(folder, name)));
  }
  return files;
}

// The web backend (onnxruntime-web, wasm, run here in Node) beside the raw stack on the same onnxruntime-web build:
// one thread on both sides, as the runtime uses when the page is not cross-origin isolated.
async function webPipelines(ctx) {
  const { measure, quick, fixtures } = ctx;
  const plan = quick ? undefined : { budgetMs: 5000, warmupMs: 500, minSamples: 50 };
  const ortWeb = await runtimeOrtWeb();
  const web = await import("@hearth/runtime/web");
  const backend = { ort: ortWeb, provider: "wasm", bytes: true };
  const embed = await web.pipeline("embed", folderBytes(fixtures.encoder), { device: "wasm" });
  const classify = await web.pipeline("classify", folderBytes(fixtures.classifier), { device: "wasm" });
  sanityCheck(ortWeb.env.wasm.numThreads === 1, "onnxruntime-web is not single-threaded as the runtime set it");
  const rawEncoder = await rawModel(fixtures.encoder, "model.onnx", backend);
  const rawClassifier = await rawModel(fixtures.classifier, "model.onnx", backend);
  sanityCheck(
    cosine((await embed.run([one]))[0], (await rawEmbed(rawEncoder, [one]))[0]) > 0.9999,
    "web embed differs",
  );
  sanityCheck(
    (await classify.run(one)).label === (await rawClassify(rawClassifier, [one]))[0].label,
    "web classify differs",
  );
  const raw = `${RAW} (onnxruntime-web wasm)`;
  for (const [size, input] of [
    [1, one],
    [BATCH, batch],
  ]) {
    const list = typeof input === "string" ? [input] : input;
    const extra = size === 1 ? {} : { opsPerCall: size };
    await measure({
      name: `embed (test encoder) on onnxruntime-web wasm, batch ${size}`,
      unit: "ms",
      ...extra,
      ours: () => embed.run(input),
      baselines: [{ name: raw, fn: () => rawEmbed(rawEncoder, list), maxRatio: RAW_GOAL }],
      plan,
    });
    await measure({
      name: `classify (test classifier) on onnxruntime-web wasm, batch ${size}`,
      unit: "ms",
      ...extra,
      ours: () => classify.run(input),
      baselines: [{ name: raw, fn: () => rawClassify(rawClassifier, list), maxRatio: RAW_GOAL }],
      plan,
    });
  }
  await Promise.all([embed.dispose(), classify.dispose()]);
  await Promise.all([rawEncoder.session.release(), rawClassifier.session.release()]);
}

async function generation(ctx) {
  const { measure, quick, hf } = ctx;
  const folder = join(catalogPath(), ...TINY_DECODER_ID.split("/"));
  const prompt = "Dear team, the meeting on Thursday";
  const generate = await pipeline("generate", folder);
  const raw = await rawModel(folder);
  hf.at(catalogPath());
  const hfGenerate = await hf.transformers.pipeline("text-generation", TINY_DECODER_ID, { dtype: "fp32" });
  const hfOptions = { max_new_tokens: NEW_TOKENS, do_sample: false, return_full_text: false };

  const ours = await generate.run(prompt, { maxTokens: NEW_TOKENS });
  const rawIds = await rawGenerate(raw, prompt, NEW_TOKENS);
  const [theirs] = await hfGenerate(prompt, hfOptions);
  // Greedy on the same weights: the same tokens everywhere, and no early end of text on any side.
  sanityCheck(ours.tokenIds.length === NEW_TOKENS && ours.tokenIds.join() === rawIds.join(), "generated ids differ");
  sanityCheck(theirs.generated_text === ours.text, "transformers.js generated another text");
  await measure({
    name: `generate (zoo tiny-decoder), ${NEW_TOKENS} new tokens, greedy`,
    unit: "ms",
    opsPerCall: NEW_TOKENS,
    ours: () => generate.run(prompt, { maxTokens: NEW_TOKENS }),
    baselines: [
      {
        name: "raw greedy loop on InferenceSession.run",
        fn: () => rawGenerate(raw, prompt, NEW_TOKENS),
        maxRatio: RAW_GOAL,
      },
      { name: TRANSFORMERS, fn: () => hfGenerate(prompt, hfOptions), maxRatio: TRANSFORMERS_GOAL },
    ],
    ...(quick ? {} : { plan: { budgetMs: 6000, warmupMs: 500, minSamples: 50 } }),
  });
  await generate.dispose();
  await raw.session.release();
  await hfGenerate.dispose();
}

// The round trip alone: a raw session call in a worker against the same call on a session in this process, so the
// difference of the medians is what isolation adds per call (messages, tensor copies), free of the pipelines'
// batching timer, whose jitter would otherwise dominate it.
async function workers(ctx) {
  const { measure, quick, fixtures } = ctx;
  const local = await createSession(fixtures.encoder);
  const raw = await rawModel(fixtures.encoder);
  const feeds = hearthFeeds(raw.feeds([raw.encode(one)]).feeds);
  await raw.session.release();
  for (const isolation of ["process", "thread"]) {
    const worker = createModelWorker({ isolation });
    try {
      const remote = worker.session(fixtures.encoder);
      const [a, b] = [await remote.run(feeds), await local.run(feeds)];
      sanityCheck(
        cosine(a.last_hidden_state.data, b.last_hidden_state.data) > 0.9999,
        `the ${isolation} worker answers differently`,
      );
      await measure({
        name: `worker round trip (${isolation}), session.run of the test encoder`,
        unit: "ms",
        ours: () => remote.run(feeds),
        baselines: [
          {
            name: "the same session.run in process",
            fn: () => local.run(feeds),
            limit: { of: "difference", max: WORKER_GOAL_MS },
          },
        ],
        ...(quick ? {} : { plan: { budgetMs: 5000, warmupMs: 500, minSamples: 50 } }),
      });
    } finally {
      worker.dispose();
    }
  }
  await local.release();
}

async function coldStart(ctx) {
  const { measure, quick, fixtures, hf } = ctx;
  const samples = quick ? 3 : 10;
  const plan = { budgetMs: 0, warmupMs: 0, minSamples: samples, maxSamples: samples };
  const glove = join(catalogPath(), ...GLOVE_SIF_ID.split("/"));
  const file = join(glove, "onnx", "model.onnx");
  await measure({
    name: "session cold start (zoo glove-sif fp32, 40 MB): open + release",
    unit: "ms",
    ours: async () => (await createSession(glove, { dtype: "fp32" })).release(),
    baselines: [
      {
        name: "InferenceSession.create",
        fn: async () =>
          (
            await ort.InferenceSession.create(file, { executionProviders: ["cpu"], graphOptimizationLevel: "all" })
          ).release(),
      },
    ],
    plan,
  });
  hf.at(ctx.fixtureRoot);
  await measure({
    name: "pipeline cold start (test encoder): load + release",
    unit: "ms",
    ours: async () => (await pipeline("embed", fixtures.encoder)).dispose(),
    baselines: [
      {
        name: TRANSFORMERS,
        fn: async () => (await hf.transformers.pipeline("feature-extraction", "encoder", { dtype: "fp32" })).dispose(),
      },
    ],
    plan,
  });
}

// Peak resident memory of a fresh process that opens glove-sif (fp32, 40 MB) and embeds one text: ours through
// the pipeline, the baseline through the raw stack. Each runs alone in its own process, so neither sees the other's
// memory (or this suite's).
const PEAK_RSS_CHILD = {
  ours: `
    import { pipeline } from "@hearth/runtime/node";
    const embed = await pipeline("embed", process.argv[1], { dtype: "fp32" });
    await embed.run(process.argv[2]);
    process.stdout.write(String(process.resourceUsage().maxRSS * 1024));`,
  raw: `
    import { readFileSync } from "node:fs";
    import { join } from "node:path";
    import { Tokenizer } from "@huggingface/tokenizers";
    import * as ort from "onnxruntime-node";
    const [folder, text] = process.argv.slice(1);
    const json = (name) => JSON.parse(readFileSync(join(folder, name), "utf8"));
    const tokenizer = new Tokenizer(json("tokenizer.json"), json("tokenizer_config.json"));
    const session = await ort.InferenceSession.create(join(folder, "onnx", "model.onnx"), {
      executionProviders: ["cpu"],
      graphOptimizationLevel: "all",
    });
    const ids = tokenizer.encode(text).ids;
    const dims = [1, ids.length];
    const feeds = { input_ids: new ort.Tensor("int64", BigInt64Array.from(ids, BigInt), dims) };
    if (session.inputNames.includes("attention_mask")) {
      feeds.attention_mask = new ort.Tensor("int64", new BigInt64Array(ids.length).fill(1n), dims);
    }
    await session.run(feeds);
    process.stdout.write(String(process.resourceUsage().maxRSS * 1024));`,
};

function peakRss(which, folder) {
  const out = execFileSync(process.execPath, ["--input-type=module", "-e", PEAK_RSS_CHILD[which], folder, one], {
    cwd: BENCHMARKS_DIR,
    encoding: "utf8",
  });
  const bytes = Number(out.trim().split("\n").at(-1));
  sanityCheck(Number.isFinite(bytes) && bytes > 0, `the ${which} peak RSS child printed ${JSON.stringify(out)}`);
  return bytes;
}

async function peakMemory(ctx) {
  const glove = join(catalogPath(), ...GLOVE_SIF_ID.split("/"));
  const samples = ctx.quick ? 1 : 3;
  const median = (xs) => xs.sort((a, b) => a - b)[xs.length >> 1];
  const ours = median(Array.from({ length: samples }, () => peakRss("ours", glove)));
  const raw = median(Array.from({ length: samples }, () => peakRss("raw", glove)));
  await ctx.measureValue({
    name: "peak RSS, fresh process: open glove-sif fp32 (40 MB) + embed one text",
    unit: "bytes",
    ours,
    baselines: [{ name: RAW, value: raw }],
  });
}

/** @param {{quick: boolean, measure: Function}} ctx */
export async function run({ quick, measure, measureValue }) {
  const fixtureRoot = mkdtempSync(join(tmpdir(), "hearth-bench-models-"));
  try {
    const fixtures = await writeRuntimeFixtures(fixtureRoot);
    const hf = await loadTransformers();
    const ctx = { quick, measure, measureValue, fixtures, fixtureRoot, hf };
    await encoderPipelines(ctx);
    await tokenPipeline(ctx);
    await smallEncoder(ctx);
    await webPipelines(ctx);
    await generation(ctx);
    await workers(ctx);
    await coldStart(ctx);
    await peakMemory(ctx);
  } finally {
    rmSync(fixtureRoot, { recursive: true, force: true });
  }
}
