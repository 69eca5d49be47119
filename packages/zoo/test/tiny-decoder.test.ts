import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { JsonSchema } from "@hearth/runtime";
import { pipeline } from "@hearth/runtime/node";
import * as ort from "onnxruntime-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTinyDecoder, type TinyDecoderBuild } from "../src/build/build-tiny-decoder";
import { decoderForward, TINY_DECODER_ID } from "../src/index";
import { builtModelFolder, committedCard, hashTree, removeFresh, writeFresh } from "./helpers/catalog";

let build: TinyDecoderBuild;
let folder: string;
let fresh: string;
let session: ort.InferenceSession;

const i64 = (values: number[], dims: number[]) => new ort.Tensor("int64", BigInt64Array.from(values.map(BigInt)), dims);

/** Runs the ONNX decoder on `ids` after a cache of `past` tokens; returns logits and the new cache. */
async function step(ids: number[], pastLength: number, cache: Record<string, ort.Tensor> | undefined) {
  const { heads, hidden } = build.weights;
  const layers = build.weights.blocks.length;
  const feeds: Record<string, ort.Tensor> = {
    input_ids: i64(ids, [1, ids.length]),
    attention_mask: i64(new Array(pastLength + ids.length).fill(1), [1, pastLength + ids.length]),
    position_ids: i64(
      ids.map((_, i) => pastLength + i),
      [1, ids.length],
    ),
  };
  for (let l = 0; l < layers; l++) {
    for (const kind of ["key", "value"]) {
      feeds[`past_key_values.${l}.${kind}`] =
        cache?.[`present.${l}.${kind}`] ??
        new ort.Tensor("float32", new Float32Array(0), [1, heads, 0, hidden / heads]);
    }
  }
  const out = await session.run(feeds);
  return { logits: out.logits!.data as Float32Array, cache: out as Record<string, ort.Tensor> };
}

beforeAll(async () => {
  folder = builtModelFolder(TINY_DECODER_ID);
  build = buildTinyDecoder();
  fresh = writeFresh(build.model);
  session = await ort.InferenceSession.create(join(folder, "onnx/model.onnx"));
}, 60_000);

afterAll(removeFresh);

describe("hearth/tiny-decoder", () => {
  it("builds byte-identical files twice (this build and the package build)", () => {
    expect(hashTree(fresh)).toEqual(hashTree(folder));
  });

  it("ships the committed model card, which says it is an untrained test model", () => {
    const card = readFileSync(join(folder, "README.md"), "utf8");
    expect(card).toBe(committedCard("tiny-decoder"));
    expect(card).toContain("A test model: its weights are random");
    expect(build.perplexity).toBeGreaterThan(build.unigramPerplexity);
  });

  it("the ONNX model equals the TypeScript reference within 1e-5, in one pass and step by step with the cache", async () => {
    const ids = [build.eosId, 72, 101, 108, 108, 111, 300, 400, 13];
    const ref = decoderForward(build.weights, ids);
    const vocab = build.weights.vocabSize;
    const full = await step(ids, 0, undefined);
    for (let i = 0; i < ref.length; i++) expect(Math.abs(full.logits[i]! - ref[i]!)).toBeLessThan(1e-5);
    // Prefix of 5, then one token at a time through the KV cache.
    let state = await step(ids.slice(0, 5), 0, undefined);
    for (let t = 5; t < ids.length; t++) {
      state = await step([ids[t]!], t, state.cache);
      for (let v = 0; v < vocab; v++) expect(Math.abs(state.logits[v]! - ref[t * vocab + v]!)).toBeLessThan(1e-5);
    }
  });

  it("runs in the runtime's generate pipeline, and constrained decoding yields valid JSON", async () => {
    const generate = await pipeline("generate", folder);
    const schema: JsonSchema = {
      type: "object",
      properties: { label: { type: "string", enum: ["ham", "spam"] }, urgent: { type: "boolean" } },
      required: ["label", "urgent"],
    };
    const reply = await generate.run("Triage this mail: ", { schema, maxTokens: 40, seed: 1, temperature: 0.8 });
    const value = JSON.parse(reply.text);
    expect(["ham", "spam"]).toContain(value.label);
    expect(typeof value.urgent).toBe("boolean");
    await generate.dispose();
  });
});
