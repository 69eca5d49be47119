// The quantizer on real graphs, run by real onnxruntime sessions through @hearth/runtime: the runtime's BERT-like
// encoder (and a larger one), its sequence classifier and token tagger (stand-ins for the zoo's models until the zoo
// publishes), in every mode; plus the refusals.
import { cpSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pipeline } from "@hearth/runtime/node";
import onnxProto from "onnx-proto";
import * as ort from "onnxruntime-node";
import { afterAll, describe, expect, it } from "vitest";
import { buildEncoder, seededRandom, writeFixtureModels } from "../../runtime/test/fixtures/build-models";
import { wordPieceTokenizer } from "../../runtime/test/fixtures/build-tokenizers";
import { GraphBuilder, int as intAttr, ints } from "../../runtime/test/fixtures/onnx-graph";
import type { ModelsError } from "../src/index";
import { measureQuantizationError } from "../src/node";
import { type QuantizeMode, quantizeModel } from "../src/quantize";
import { tempDir } from "./helpers/fixture-model";

const tmp = tempDir("hearth-quantize-");
afterAll(() => tmp.cleanup());
const fixtures = writeFixtureModels(join(tmp.dir, "fixtures"));

// A larger encoder (hidden 128, 4 layers) so weights dominate the file as in a real model.
const wp = wordPieceTokenizer();
const large = join(tmp.dir, "encoder-large");
cpSync(fixtures.encoder, large, { recursive: true });
const largeConfig = {
  ...JSON.parse(readFileSync(join(large, "config.json"), "utf8")),
  hidden_size: 128,
  num_hidden_layers: 4,
};
writeFileSync(join(large, "config.json"), JSON.stringify(largeConfig));
writeFileSync(
  join(large, "onnx", "model.onnx"),
  buildEncoder({ seed: 11, vocabSize: wp.vocabSize, hidden: 128, heads: 4, layers: 4, intermediate: 512 }),
);

/** Sample sentences from the fixture vocabulary (seeded). */
function sentences(n: number, seed: number): string[] {
  const words = [...wp.vocab.keys()].filter((w) => /^[a-z]{2,}$/.test(w));
  const rand = seededRandom(seed);
  return Array.from({ length: n }, () =>
    Array.from({ length: 3 + Math.floor(rand() * 10) }, () => words[Math.floor(rand() * words.length)]).join(" "),
  );
}

/** A copy of `folder` whose onnx/model.onnx is quantized with `mode`. */
function quantizedFolder(folder: string, mode: QuantizeMode, name: string) {
  const source = new Uint8Array(readFileSync(join(folder, "onnx", "model.onnx")));
  const result = quantizeModel(source, { mode });
  const out = join(tmp.dir, `${name}-${mode}`);
  mkdirSync(out, { recursive: true });
  cpSync(folder, out, { recursive: true });
  writeFileSync(join(out, "onnx", "model.onnx"), result.bytes);
  return { folder: out, source, ...result };
}

const cosine = (a: Float32Array, b: Float32Array) => {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i]! * b[i]!;
    na += a[i]! ** 2;
    nb += b[i]! ** 2;
  }
  return dot / Math.sqrt(na * nb);
};

const refuse = (fn: () => unknown): ModelsError => {
  try {
    fn();
  } catch (e) {
    return e as ModelsError;
  }
  throw new Error("expected a refusal");
};

describe.each([
  ["int8", 0.99, 0.3],
  ["int8-dynamic", 0.99, 0.3],
  ["q4", 0.95, 0.25],
  ["fp16", 0.9999, 0.52],
] as const)("%s on the encoder", (mode, minCosine, maxRatio) => {
  it(`keeps embeddings within cosine ${minCosine} of fp32 and shrinks the file to <= ${maxRatio}x`, async () => {
    const texts = sentences(100, 5);
    for (const [name, folder] of [
      ["encoder", fixtures.encoder],
      ["encoder-large", large],
    ] as const) {
      const q = quantizedFolder(folder, mode, name);
      if (name === "encoder-large") expect(q.report.bytesAfter / q.report.bytesBefore).toBeLessThanOrEqual(maxRatio);
      expect(q.report.quantized.length).toBeGreaterThan(0);
      const [ref, quant] = await Promise.all([pipeline("embed", folder), pipeline("embed", q.folder)]);
      const [a, b] = [await ref.run(texts), await quant.run(texts)];
      let worst = 1;
      for (let i = 0; i < texts.length; i++) worst = Math.min(worst, cosine(a[i]!, b[i]!));
      expect(worst).toBeGreaterThanOrEqual(minCosine);
      // Quantization must have changed something, or this test proves nothing.
      expect(worst).toBeLessThan(1);
    }
  });
});

/**
 * A bag-of-words classifier shaped like the zoo's email triage: a narrow embedding table (16 wide), masked mean
 * pooling, a 16 x 2 head. `pool: "mask"` multiplies the gathered rows by the mask (the scale folds into it);
 * `pool: "mean"` reduces them directly (the scale is applied to the rows).
 */
function bagOfWords(pool: "mask" | "mean", vocab = 4096, dim = 16) {
  const rand = seededRandom(21);
  const g = new GraphBuilder("bag");
  const ids = g.input("input_ids", "int64", ["batch", "seq"]);
  // Rows of very different norms, as trained embeddings have (frequent words small, rare ones large).
  const table = Float32Array.from({ length: vocab * dim }, (_, i) => (rand() - 0.5) * (0.05 + 4 * ((i / dim) % 7)));
  const rows = g.node("Gather", [g.floats("embedding", [vocab, dim], table), ids]);
  let pooled: string;
  if (pool === "mask") {
    const maskF = g.node("Cast", [g.input("attention_mask", "int64", ["batch", "seq"])], { to: intAttr(1) });
    const summed = g.node(
      "ReduceSum",
      [g.node("Mul", [rows, g.node("Unsqueeze", [maskF, g.constantInt64([-1])])]), g.constantInt64([1])],
      { keepdims: intAttr(0) },
    );
    const count = g.node("Max", [
      g.node("ReduceSum", [maskF, g.constantInt64([1])], { keepdims: intAttr(1) }),
      g.constant([1]),
    ]);
    pooled = g.node("Div", [summed, count]);
  } else {
    pooled = g.node("ReduceMean", [rows], { axes: ints([1]), keepdims: intAttr(0) });
  }
  const head = Float32Array.from({ length: dim * 2 }, () => rand() - 0.5);
  g.named("Add", [g.node("MatMul", [pooled, g.floats("head", [dim, 2], head)]), g.constant([0.1, -0.1])], "logits");
  g.output("logits", "float", ["batch", 2]);
  return g.toBytes(17);
}

describe("narrow embedding tables (a bag-of-words classifier)", () => {
  it.each(["mask", "mean"] as const)(
    "int8 (%s pooling) is <= 0.3x the size, keeps 99 percent of argmaxes and logits within 2 percent",
    async (pool) => {
      const fp32 = bagOfWords(pool);
      const { bytes, report } = quantizeModel(fp32, { mode: "int8" });
      // Per-row scales in float16: a float32 scale per 16-wide int8 row alone would make it 0.31x.
      expect(bytes.length / fp32.length).toBeLessThanOrEqual(0.3);
      expect(report.quantized).toEqual([{ name: "embedding", shape: [4096, 16], as: "gather-int8" }]);
      const graph = onnxProto.onnx.ModelProto.decode(bytes).graph!;
      const scale = graph.initializer!.find((t) => t.name === "embedding_scale")!;
      expect([scale.dataType, scale.dims!.map(Number)]).toEqual([10, [4096, 1]]);
      // Folded: with mask pooling no Mul takes the dequantized rows and the scales alone.
      const muls = graph.node!.filter((n) => n.opType === "Mul").length;
      expect(muls).toBe(pool === "mask" ? 2 : 1);

      const rand = seededRandom(pool === "mask" ? 3 : 4);
      const batch = 64;
      const seq = 40;
      const idData = BigInt64Array.from({ length: batch * seq }, () => BigInt(Math.floor(rand() * 4096)));
      const maskData = BigInt64Array.from({ length: batch * seq }, (_, i) => (i % seq < 10 + (i % 23) ? 1n : 0n));
      const feeds = {
        input_ids: new ort.Tensor("int64", idData, [batch, seq]),
        ...(pool === "mask" ? { attention_mask: new ort.Tensor("int64", maskData, [batch, seq]) } : {}),
      };
      const [a, b] = await Promise.all([ort.InferenceSession.create(fp32), ort.InferenceSession.create(bytes)]);
      const [x, y] = [
        (await a.run(feeds)).logits!.data as Float32Array,
        (await b.run(feeds)).logits!.data as Float32Array,
      ];
      let same = 0;
      let worst = 0;
      const scaleOf = Math.max(...x.map(Math.abs));
      for (let r = 0; r < batch; r++) {
        if (x[2 * r]! > x[2 * r + 1]! === y[2 * r]! > y[2 * r + 1]!) same++;
        worst = Math.max(worst, Math.abs(x[2 * r]! - y[2 * r]!), Math.abs(x[2 * r + 1]! - y[2 * r + 1]!));
      }
      expect(same / batch).toBeGreaterThanOrEqual(0.99);
      expect(worst / scaleOf).toBeLessThan(0.02);
      expect(worst).toBeGreaterThan(0);
      await Promise.all([a.release(), b.release()]);
    },
  );
});

describe("q4 layout", () => {
  it("writes MatMulNBits with bits 4 and blocks of 32 along K for MatMuls with K >= 32", () => {
    const source = new Uint8Array(readFileSync(join(large, "onnx", "model.onnx")));
    const { bytes, report } = quantizeModel(source, { mode: "q4" });
    expect(report.quantized.some((w) => w.as === "matmul-nbits")).toBe(true);
    const model = onnxProto.onnx.ModelProto.decode(bytes);
    expect(model.opsetImport!.some((o) => o.domain === "com.microsoft")).toBe(true);
    const nbits = model.graph!.node!.filter((n) => n.opType === "MatMulNBits");
    expect(nbits.length).toBe(report.quantized.filter((w) => w.as === "matmul-nbits").length);
    for (const node of nbits) {
      const attr = Object.fromEntries(node.attribute!.map((a) => [a.name, Number(a.i)]));
      expect(attr).toMatchObject({ bits: 4, block_size: 32 });
      const packed = model.graph!.initializer!.find((t) => t.name === node.input![1])!;
      // [N, K / 32 blocks, 16 bytes]: two 4-bit values per byte.
      expect(packed.dims!.map(Number)).toEqual([attr.N, Math.ceil(attr.K! / 32), 16]);
    }
  });
});

describe("classification heads", () => {
  it.each(["int8", "int8-dynamic", "fp16"] as const)(
    "%s keeps the classifier's argmax on >= 99 percent of 300 texts (decisive ones)",
    async (mode) => {
      const q = quantizedFolder(fixtures.classifier, mode, "classifier");
      const texts = sentences(300, 9);
      const [ref, quant] = await Promise.all([
        pipeline("classify", fixtures.classifier),
        pipeline("classify", q.folder),
      ]);
      const a = await ref.run(texts);
      // One text per call: int8-dynamic quantizes activations with one scale per tensor (DynamicQuantizeLinear), so
      // a text's scores depend on the texts batched with it and on their padding; alone, each result is fixed by
      // the text, whatever the runtime's batching policy. (Other modes do not depend on it: see the next test.)
      const b: typeof a = [];
      for (const text of texts) b.push(...(await quant.run([text])));
      const margin = (x: (typeof a)[number]) => x.scores[0]!.score - x.scores[1]!.score;
      const flips = a.filter((x, i) => x.label !== b[i]!.label);
      // The fixture classifier has random weights, so some texts are near-ties (top-two probabilities within 1%); a
      // real classifier has few. Agreement is required on >= 99% of the decisive texts and >= 98.5% of all of them,
      // and no text the float model was sure about (margin >= 2%) may flip.
      const decisive = a.filter((x) => margin(x) >= 0.01);
      const decisiveSame = decisive.filter((x) => x.label === b[a.indexOf(x)]!.label).length;
      expect(decisive.length).toBeGreaterThan(250);
      expect(decisiveSame / decisive.length).toBeGreaterThanOrEqual(0.99);
      expect(1 - flips.length / texts.length).toBeGreaterThanOrEqual(0.985);
      for (const x of flips) expect(margin(x)).toBeLessThan(0.02);
      // The labels vary across texts, so agreement is not trivial.
      expect(new Set(a.map((x) => x.label)).size).toBeGreaterThan(1);
    },
  );

  it.each(["fp32", "int8"] as const)("%s scores of a text do not depend on the texts batched with it", async (mode) => {
    const folder =
      mode === "fp32" ? fixtures.classifier : quantizedFolder(fixtures.classifier, mode, "classifier").folder;
    const texts = sentences(100, 9);
    const p = await pipeline("classify", folder);
    const batched = await p.run(texts);
    // Batches of up to 32 texts of 3 to 12 words: most rows are padded.
    expect(p.batchSizes.some((n) => n > 1)).toBe(true);
    for (let i = 0; i < texts.length; i++) expect((await p.run([texts[i]!]))[0]).toEqual(batched[i]);
    await p.dispose();
  });

  it("int8 keeps the token tagger's labels on >= 99% of tokens", async () => {
    const q = quantizedFolder(fixtures.tagger, "int8", "tagger");
    const [ref, quant] = await Promise.all([pipeline("tokens", fixtures.tagger), pipeline("tokens", q.folder)]);
    let total = 0;
    let same = 0;
    for (const text of [...sentences(60, 13), "zoe met jose in zurich", "anna flew from paris to london"]) {
      const [a, b] = [await ref.tag(text), await quant.tag(text)];
      total += a.length;
      same += a.filter((t, i) => t.label === b[i]?.label).length;
    }
    expect(same / total).toBeGreaterThanOrEqual(0.99);
  });
});

describe("report", () => {
  it("measures max and mean output error against fp32 on sample inputs", async () => {
    const source = new Uint8Array(readFileSync(join(large, "onnx", "model.onnx")));
    const { bytes, report } = quantizeModel(source, { mode: "int8" });
    expect(report.quantized.map((w) => w.as)).toContain("gather-int8");
    expect(report.quantized.map((w) => w.as)).toContain("qdq-int8");
    const error = await measureQuantizationError(source, bytes, { samples: 4 });
    expect(error.samples).toBe(4);
    const out = error.outputs.find((o) => o.name === "last_hidden_state")!;
    expect(out.maxAbs).toBeGreaterThan(0);
    expect(out.meanAbs).toBeLessThan(out.maxAbs);
    expect(out.meanAbs).toBeLessThan(0.05);
    expect(out.cosine).toBeGreaterThan(0.99);
  });
});

describe("refusals", () => {
  const encoderBytes = () => new Uint8Array(readFileSync(join(fixtures.encoder, "onnx", "model.onnx")));

  it("refuses bytes that are not an ONNX model", () => {
    const e = refuse(() => quantizeModel(new TextEncoder().encode("<html>not a model</html>"), { mode: "int8" }));
    expect(e.code).toBe("E_QUANTIZE");
  });

  it("refuses a model that is already quantized, or stored in fp16", () => {
    const int8 = new Uint8Array(readFileSync(join(fixtures.encoder, "onnx", "model_int8.onnx")));
    expect(refuse(() => quantizeModel(int8, { mode: "int8" })).message).toContain("already quantized");
    // Int8 weights with no quantized op (an embedding table made int8 by this quantizer) are refused as well.
    const bag = quantizeModel(bagOfWords("mean"), { mode: "int8" }).bytes;
    expect(refuse(() => quantizeModel(bag, { mode: "int8" })).message).toContain("already quantized");
    const fp16 = new Uint8Array(readFileSync(join(fixtures.encoder, "onnx", "model_fp16.onnx")));
    expect(refuse(() => quantizeModel(fp16, { mode: "q4" })).message).toContain("float16");
  });

  it("refuses control flow, old opsets and graphs with nothing to quantize", () => {
    const withIf = onnxProto.onnx.ModelProto.decode(encoderBytes());
    withIf.graph!.node!.push({
      opType: "If",
      input: ["cond"],
      output: ["y"],
      attribute: [{ name: "then_branch", type: 5, g: { name: "t" } }],
    });
    const ifBytes = onnxProto.onnx.ModelProto.encode(withIf).finish();
    expect(refuse(() => quantizeModel(ifBytes, { mode: "int8" })).message).toContain("subgraph");

    const old = onnxProto.onnx.ModelProto.decode(encoderBytes());
    old.opsetImport = [{ domain: "", version: 11 }];
    expect(
      refuse(() => quantizeModel(onnxProto.onnx.ModelProto.encode(old).finish(), { mode: "int8" })).message,
    ).toContain("opset 11");

    const g = new GraphBuilder("tiny");
    const x = g.input("x", "float", [1, 4]);
    g.named("MatMul", [x, g.floats("w", [4, 4], new Float32Array(16).fill(0.5))], "y");
    g.output("y", "float", [1, 4]);
    const e = refuse(() => quantizeModel(g.toBytes(), { mode: "int8" }));
    expect(e.code).toBe("E_QUANTIZE");
    expect(e.message).toContain("Nothing to quantize");
    void intAttr;
  });

  it("leaves the input bytes untouched", () => {
    const bytes = encoderBytes();
    const copy = bytes.slice();
    quantizeModel(bytes, { mode: "int8-dynamic" });
    expect(bytes).toEqual(copy);
  });

  it.each(["int8", "int8-dynamic", "q4", "fp16"] as const)(
    "%s: quantizing twice in one process gives the same bytes",
    (mode) => {
      const bytes = encoderBytes();
      const first = quantizeModel(bytes, { mode }).bytes;
      const second = quantizeModel(bytes, { mode }).bytes;
      expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
    },
  );
});
