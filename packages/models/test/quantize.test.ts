// The quantizer on real graphs, run by real onnxruntime sessions through @hearth/runtime: the runtime's BERT-like
// encoder (and a larger one), its sequence classifier and token tagger (stand-ins for the zoo's models until the zoo
// publishes), in every mode; plus the refusals.
import { cpSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pipeline } from "@hearth/runtime/node";
import onnxProto from "onnx-proto";
import { afterAll, describe, expect, it } from "vitest";
import { buildEncoder, seededRandom, writeFixtureModels } from "../../runtime/test/fixtures/build-models";
import { wordPieceTokenizer } from "../../runtime/test/fixtures/build-tokenizers";
import { GraphBuilder, int as intAttr } from "../../runtime/test/fixtures/onnx-graph";
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
      const [a, b] = [await ref.run(texts), await quant.run(texts)];
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
});
