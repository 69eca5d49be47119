// @hearth/runtime/web in the page, per pipeline, on one execution provider (wasm for web-wasm, webgpu for
// web-webgpu), each beside
//   - the raw stack on the same provider and the same tensors: @huggingface/tokenizers and onnxruntime-web's
//     InferenceSession.run (goal <= 1.05x, as on Node), and the session call alone;
//   - transformers.js 4 (@huggingface/transformers), offline on the same folders served by the runner on loopback,
//     on the same provider (goal <= 0.5x its latency at batch 1). It bundles its own onnxruntime-web build.
// Models: the runtime's test encoder and classifier, and the zoo's tiny-decoder (glove-sif is compared with the raw
// stack only, as transformers.js cannot load it; see suites/inference.mjs). Every contender is held to the same
// answers before anything is timed, and every session is checked to run on the provider asked for.

import { pipeline, webBackend } from "@hearth/runtime/web";
import { GLOVE_SIF_ID, SIF_EVAL_PAIRS, TINY_DECODER_ID } from "@hearth/zoo";
import * as transformers from "@huggingface/transformers";
import { cosine, hearthFeeds, ort, rawClassify, rawEmbed, rawGenerate, rawModel } from "./raw-stack.mjs";

const RAW_GOAL = 1.05;
const TRANSFORMERS_GOAL = 0.5;
const BATCH = 32;
// A quick run on webgpu is a check of the code path, usually on SwiftShader, where a batch of 32 takes seconds a call.
const QUICK_WEBGPU_BATCH = 4;
const NEW_TOKENS = 16;
const TRANSFORMERS = "transformers.js 4.3.1";
const RAW = "raw tokenizers + InferenceSession.run";

const texts = SIF_EVAL_PAIRS.flatMap((p) => [p.a, p.b]);
const one = texts[0];

function sanityCheck(ok, what) {
  if (!ok) throw new Error(`inference suite (web): ${what}; the measure would be meaningless.`);
}

function setUpTransformers(assets, threads) {
  const { env } = transformers;
  env.allowRemoteModels = false;
  env.allowLocalModels = true;
  env.useBrowserCache = false;
  env.backends.onnx.wasm.wasmPaths = assets.transformersWasm;
  env.backends.onnx.wasm.numThreads = threads;
  env.backends.onnx.wasm.proxy = false;
  return (base) => {
    env.localModelPath = base;
  };
}

/** Checks that a pipeline of ours really opened on `provider`, and records the attempts that did not. */
function expectProvider(p, provider, what) {
  const { session } = p.model;
  sanityCheck(session.provider === provider, `${what} opened on ${session.provider}, not ${provider}`);
}

async function encoders(ctx) {
  const { measure, provider, assets, backend, hfAt, batchSize } = ctx;
  const batch = texts.slice(0, batchSize);
  const device = { device: provider, backend };

  hfAt(assets.fixtureRoot);
  const embed = await pipeline("embed", assets.fixtures.encoder, device);
  expectProvider(embed, provider, "embed");
  const rawEncoder = await rawModel(assets.fixtures.encoder, provider);
  const hfEmbed = await transformers.pipeline("feature-extraction", "encoder", { dtype: "fp32", device: provider });
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
  });
  // The default batcher holds a lone call up to maxWaitMs (2 ms) for company; this is the same call without the wait.
  const embedNoWait = await pipeline("embed", assets.fixtures.encoder, { ...device, batching: { maxWaitMs: 0 } });
  await measure({
    name: "embed (test encoder), batch 1, batching.maxWaitMs 0",
    unit: "ms",
    ours: () => embedNoWait.run(one),
    baselines: [{ name: RAW, fn: () => rawEmbed(rawEncoder, [one]), maxRatio: RAW_GOAL }],
  });
  await embedNoWait.dispose();
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
  });
  await measure({
    name: `embed (test encoder), batch ${batchSize}`,
    unit: "ms",
    opsPerCall: batchSize,
    ours: () => embed.run(batch),
    baselines: [
      { name: RAW, fn: () => rawEmbed(rawEncoder, batch), maxRatio: RAW_GOAL },
      { name: TRANSFORMERS, fn: () => hfEmbedRun(batch) },
    ],
  });

  const classify = await pipeline("classify", assets.fixtures.classifier, device);
  expectProvider(classify, provider, "classify");
  const rawClassifier = await rawModel(assets.fixtures.classifier, provider);
  const hfClassify = await transformers.pipeline("text-classification", "classifier", {
    dtype: "fp32",
    device: provider,
  });
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
  });
  await measure({
    name: `classify (test classifier), batch ${batchSize}`,
    unit: "ms",
    opsPerCall: batchSize,
    ours: () => classify.run(batch),
    baselines: [
      { name: RAW, fn: () => rawClassify(rawClassifier, batch), maxRatio: RAW_GOAL },
      { name: TRANSFORMERS, fn: () => hfClassify(batch) },
    ],
  });

  for (const p of [embed, classify]) await p.dispose();
  for (const r of [rawEncoder, rawClassifier]) await r.session.release();
  await hfEmbed.dispose();
  await hfClassify.dispose();
}

async function glove(ctx) {
  const { measure, provider, assets, backend } = ctx;
  const folder = `${assets.zoo}${GLOVE_SIF_ID}/`;
  const sif = await pipeline("embed", folder, { dtype: "int8", device: provider, backend });
  expectProvider(sif, provider, "glove-sif");
  const rawSif = await rawModel(folder, provider, "model_int8.onnx");
  sanityCheck(
    cosine((await sif.run([one]))[0], (await rawEmbed(rawSif, [one]))[0]) > 0.9999,
    "glove-sif vectors differ",
  );
  await measure({
    name: "embed (zoo glove-sif int8), batch 1",
    unit: "ms",
    ours: () => sif.run(one),
    baselines: [{ name: RAW, fn: () => rawEmbed(rawSif, [one]), maxRatio: RAW_GOAL }],
  });
  await sif.dispose();
  await rawSif.session.release();
}

async function generation(ctx) {
  const { measure, quick, provider, assets, backend, hfAt } = ctx;
  const folder = `${assets.zoo}${TINY_DECODER_ID}/`;
  const prompt = "Dear team, the meeting on Thursday";
  const generate = await pipeline("generate", folder, { device: provider, backend });
  expectProvider(generate, provider, "generate");
  const raw = await rawModel(folder, provider);
  hfAt(assets.zoo);
  const hfGenerate = await transformers.pipeline("text-generation", TINY_DECODER_ID, {
    dtype: "fp32",
    device: provider,
  });
  const hfOptions = { max_new_tokens: NEW_TOKENS, do_sample: false, return_full_text: false };
  const ours = await generate.run(prompt, { maxTokens: NEW_TOKENS });
  const rawIds = await rawGenerate(raw, prompt, NEW_TOKENS);
  const [theirs] = await hfGenerate(prompt, hfOptions);
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
    ...(quick ? { plan: { budgetMs: 1500, warmupMs: 100, minSamples: 5 } } : {}),
  });
  await generate.dispose();
  await raw.session.release();
  await hfGenerate.dispose();
}

/**
 * Opens the test encoder once more on `provider` with onnxruntime's verbose log, which says how many nodes each
 * execution provider got ("Node(s) placed on [CPUExecutionProvider]. Number of nodes: 3"): a webgpu session may still
 * run some nodes on the CPU (shape computations, operators it lacks). onnxruntime-web writes its log to the console,
 * where the runner reads it (lib/web-target.mjs); this page cannot, as the wasm module keeps its own console handles.
 */
async function logPlacement(url, provider) {
  const bytes = new Uint8Array(await (await fetch(url)).arrayBuffer());
  const session = await ort.InferenceSession.create(bytes, {
    executionProviders: [provider],
    graphOptimizationLevel: "all",
    logSeverityLevel: 0,
    logVerbosityLevel: 0,
  });
  await session.release();
}

/**
 * @param {{quick: boolean, provider: "wasm" | "webgpu", assets: object, measure: Function, fact: Function,
 *   note: Function}} ctx
 */
export async function run(ctx) {
  const { provider, assets, fact, note } = ctx;
  // Where onnxruntime-web fetches its .wasm and .mjs: the runner serves them, as an app would from its own origin.
  ort.env.wasm.wasmPaths = assets.ortWasm;
  const backend = webBackend({ wasmPaths: assets.ortWasm });
  const caps = await backend.detect();
  if (provider === "webgpu" && !caps.webgpu.available) {
    throw new Error(`inference suite (web): WebGPU is unavailable here: ${caps.webgpu.reason}`);
  }
  // The first session sets onnxruntime-web's threads for the page; transformers.js gets the same number.
  const threads = caps.crossOriginIsolated ? Math.min(4, caps.cores) : 1;
  const hfAt = setUpTransformers(assets, threads);
  const batchSize = ctx.quick && provider === "webgpu" ? QUICK_WEBGPU_BATCH : BATCH;
  const full = { ...ctx, backend, hfAt, batchSize };
  await encoders(full);
  await glove(full);
  await generation(full);
  await logPlacement(`${assets.fixtures.encoder}onnx/model.onnx`, provider);
  fact("executionProvider", provider);
  fact("wasmThreads", ort.env.wasm.numThreads);
  fact("onnxruntime", ort.env.versions?.web ?? ort.env.versions?.common ?? null);
  note(
    `Every session of ours and of the raw stack opened on ${provider} alone (no fallback); transformers.js was ` +
      `asked for device "${provider}" and ran ${transformers.env.version} with its own onnxruntime-web ` +
      `${transformers.env.backends.onnx.versions?.web ?? "build"}.`,
  );
}
