import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { EmbedPipeline } from "@hearth/runtime";
import { pipeline } from "@hearth/runtime/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildGloveSif, type GloveSifBuild } from "../src/build/build-glove-sif";
import { cosineSimilarity, GLOVE_SIF_ID, rocAuc, SIF_EVAL_PAIRS, sifForward } from "../src/index";
import { builtModelFolder, committedCard, hashTree, removeFresh, writeFresh } from "./helpers/catalog";

let build: GloveSifBuild;
let folder: string;
let fresh: string;
let fp32: EmbedPipeline;
let int8: EmbedPipeline;
const sentences = [...new Set(SIF_EVAL_PAIRS.flatMap((p) => [p.a, p.b]))];

const unit = (v: Float32Array) => {
  const norm = Math.hypot(...v);
  return v.map((x) => x / norm);
};

beforeAll(async () => {
  folder = builtModelFolder(GLOVE_SIF_ID);
  build = buildGloveSif();
  fresh = writeFresh(build.model);
  // The runtime's embed pipeline, unchanged: it tokenizes with tokenizer.json and L2-normalizes.
  fp32 = await pipeline("embed", folder, { dtype: "fp32" });
  int8 = await pipeline("embed", folder, { dtype: "int8" });
}, 80_000);

afterAll(async () => {
  removeFresh();
  await fp32?.dispose();
  await int8?.dispose();
});

describe("hearth/glove-sif", () => {
  it("builds byte-identical files twice (this build and the package build)", () => {
    const a = hashTree(fresh);
    expect(Object.keys(a)).toContain("tokenizer.json");
    expect(Object.keys(a)).toContain("onnx/model_int8.onnx");
    expect(a).toEqual(hashTree(folder));
  });

  it("ships the committed model card and a 100k-word WordLevel tokenizer", () => {
    expect(readFileSync(join(folder, "README.md"), "utf8")).toBe(committedCard("glove-sif"));
    const tokenizer = JSON.parse(readFileSync(join(folder, "tokenizer.json"), "utf8"));
    expect(tokenizer.model.type).toBe("WordLevel");
    expect(Object.keys(tokenizer.model.vocab)).toHaveLength(100_002);
  });

  it("the runtime's embed pipeline on the ONNX model equals the TypeScript reference within 1e-5", async () => {
    const vectors = await fp32.run(sentences);
    const tokenizer = fp32.model.tokenizer;
    sentences.forEach((s, i) => {
      const ref = unit(sifForward(build.weights, tokenizer.encode(s).ids));
      expect(vectors[i]!.length).toBe(100);
      for (let k = 0; k < 100; k++) expect(Math.abs(vectors[i]![k]! - ref[k]!)).toBeLessThan(1e-5);
    });
  });

  it("the int8 model equals the reference on dequantized weights and keeps cosine >= 0.99 to fp32", async () => {
    const a = await fp32.run(sentences);
    const b = await int8.run(sentences);
    sentences.forEach((s, i) => {
      const ref = unit(sifForward(build.int8Weights, int8.model.tokenizer.encode(s).ids));
      for (let k = 0; k < 100; k++) expect(Math.abs(b[i]![k]! - ref[k]!)).toBeLessThan(1e-5);
      expect(cosineSimilarity(a[i]!, b[i]!)).toBeGreaterThanOrEqual(0.99);
    });
  });

  it("separates related from unrelated email sentence pairs above the card's AUC floor", async () => {
    const floor = Number(/AUC floor: \*\*([\d.]+)\*\*/.exec(committedCard("glove-sif"))?.[1]);
    expect(floor).toBeGreaterThan(0.5);
    const scores: number[] = [];
    for (const p of SIF_EVAL_PAIRS) {
      const [a, b] = await fp32.run([p.a, p.b]);
      scores.push(cosineSimilarity(a!, b!));
    }
    const related = SIF_EVAL_PAIRS.map((p) => p.related);
    const auc = rocAuc(scores, related);
    expect(auc).toBeGreaterThanOrEqual(floor);
    expect(auc).toBeCloseTo(build.auc, 6);
    const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(mean(scores.filter((_, i) => related[i]))).toBeGreaterThan(mean(scores.filter((_, i) => !related[i])));
  });

  it("unknown words and padding neither add nor count", () => {
    const tokenizer = fp32.model.tokenizer;
    const known = tokenizer.encode("invoice attached").ids;
    const withUnknown = tokenizer.encode("invoice qwzxqvj attached").ids;
    expect(withUnknown).toContain(1);
    expect(Array.from(sifForward(build.weights, withUnknown))).toEqual(Array.from(sifForward(build.weights, known)));
  });
});
