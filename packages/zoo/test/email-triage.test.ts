import { readFileSync } from "node:fs";
import { join } from "node:path";
import * as ort from "onnxruntime-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildEmailTriage, type EmailTriageBuild } from "../src/build/build-email-triage";
import { loadSpamAssassin, splitMessages } from "../src/build/load-spam-assassin";
import {
  argmax,
  EMAIL_TRIAGE_ID,
  featurize,
  fnv1a32,
  InvalidArgumentError,
  messageText,
  TRIAGE_FEATURIZER,
  triageBatch,
  triageForward,
  triageMetrics,
} from "../src/index";
import { builtModelFolder, committedCard, hashTree, removeFresh, writeFresh } from "./helpers/catalog";

let build: EmailTriageBuild;
let folder: string;
let fresh: string;
let testIds: Int32Array[];
let testLabels: number[];

async function logitsOf(file: string, idsList: readonly Int32Array[]): Promise<Float32Array[]> {
  const session = await ort.InferenceSession.create(join(folder, file));
  const out: Float32Array[] = [];
  for (let start = 0; start < idsList.length; start += 64) {
    const batch = triageBatch(idsList.slice(start, start + 64));
    const result = await session.run({
      input_ids: new ort.Tensor("int64", batch.inputIds, [...batch.dims]),
      attention_mask: new ort.Tensor("int64", batch.attentionMask, [...batch.dims]),
    });
    const data = result.logits!.data as Float32Array;
    for (let i = 0; i < batch.dims[0]; i++) out.push(data.slice(i * 2, i * 2 + 2));
  }
  await session.release();
  return out;
}

beforeAll(() => {
  folder = builtModelFolder(EMAIL_TRIAGE_ID);
  build = buildEmailTriage();
  fresh = writeFresh(build.model);
  const { test } = splitMessages(loadSpamAssassin());
  testIds = test.map((m) => featurize(messageText(m.raw)));
  testLabels = test.map((m) => m.label);
}, 60_000);

afterAll(removeFresh);

describe("hearth/email-triage", () => {
  it("builds byte-identical files twice (this build and the package build)", () => {
    const a = hashTree(fresh);
    expect(Object.keys(a).sort()).toEqual([
      "README.md",
      "config.json",
      "hearth-manifest.json",
      "onnx/model.onnx",
      "onnx/model_int8.onnx",
    ]);
    expect(a).toEqual(hashTree(folder));
  });

  it("ships the committed model card, numbers included", () => {
    expect(readFileSync(join(folder, "README.md"), "utf8")).toBe(committedCard("email-triage"));
  });

  it("the fp32 ONNX model equals the TypeScript reference within 1e-5", async () => {
    const sample = testIds.filter((_, i) => i % 10 === 0);
    const onnx = await logitsOf("onnx/model.onnx", sample);
    sample.forEach((ids, i) => {
      const ref = triageForward(build.weights, ids);
      for (let c = 0; c < 2; c++) expect(Math.abs(onnx[i]![c]! - ref[c]!)).toBeLessThan(1e-5);
    });
  });

  it("the int8 ONNX model equals the reference on its dequantized weights within 1e-5", async () => {
    const sample = testIds.filter((_, i) => i % 10 === 0);
    const onnx = await logitsOf("onnx/model_int8.onnx", sample);
    sample.forEach((ids, i) => {
      const ref = triageForward(build.int8Weights, ids);
      for (let c = 0; c < 2; c++) expect(Math.abs(onnx[i]![c]! - ref[c]!)).toBeLessThan(1e-5);
    });
  });

  it("reaches the card's accuracy floor on the held-out split, and int8 keeps >= 99% of labels", async () => {
    const floor = /Accuracy floor: \*\*([\d.]+)%\*\*/.exec(committedCard("email-triage"))?.[1];
    expect(floor).toBeDefined();
    const fp32 = (await logitsOf("onnx/model.onnx", testIds)).map(argmax);
    const int8 = (await logitsOf("onnx/model_int8.onnx", testIds)).map(argmax);
    const metrics = triageMetrics(fp32, testLabels);
    expect(testIds.length).toBeGreaterThan(1000);
    expect(metrics.accuracy).toBeGreaterThanOrEqual(Number(floor) / 100);
    expect(metrics.accuracy).toBeCloseTo(build.fp32.accuracy, 10);
    const agreement = fp32.filter((label, i) => label === int8[i]).length / fp32.length;
    expect(agreement).toBeGreaterThanOrEqual(0.99);
  }, 60_000);

  it("padding never changes a message's logits", async () => {
    const short = featurize("cheap meds now!!!");
    const long = featurize("Meeting notes from Tuesday: we agreed to ship the release next week after the review.");
    const [alone] = await logitsOf("onnx/model.onnx", [short]);
    const [padded] = await logitsOf("onnx/model.onnx", [short, long]);
    expect(Array.from(padded!)).toEqual(Array.from(alone!));
  });
});

describe("featurize", () => {
  it("hashes unigrams and the bigrams they end, within the bucket range", () => {
    const ids = featurize("Free money, FREE money");
    expect(ids.length).toBe(4 * 2 - 1);
    // free, money, "free money", free, "money free", money, "free money": case folded, so repeats hash alike.
    expect([ids[3], ids[5], ids[6]]).toEqual([ids[0], ids[1], ids[2]]);
    expect(ids[2]).not.toBe(ids[4]);
    for (const id of ids) expect(id).toBeGreaterThanOrEqual(0);
    for (const id of ids) expect(id).toBeLessThan(TRIAGE_FEATURIZER.buckets);
  });

  it("gives one id for a text without words, and caps long texts", () => {
    expect(featurize("   ...  ").length).toBe(1);
    expect(featurize("word ".repeat(5000)).length).toBe(TRIAGE_FEATURIZER.maxWords * 2 - 1);
  });

  it("keeps only the Subject header of a raw message", () => {
    const raw = "From: a@b.c\r\nSubject: Lunch\r\n tomorrow\r\nX-Spam-Status: No\r\n\r\nSee you at noon.";
    expect(messageText(raw)).toBe("Lunch tomorrow\nSee you at noon.");
  });

  it("rejects ids outside the model and featurizers it does not know", () => {
    expect(() => triageForward(build.weights, [TRIAGE_FEATURIZER.buckets])).toThrow(InvalidArgumentError);
    expect(() => featurize("x", { ...TRIAGE_FEATURIZER, buckets: 0 })).toThrow(InvalidArgumentError);
  });
});

describe("fnv1a32", () => {
  const reference = (text: string) => {
    let h = 0x811c9dc5;
    for (const b of new TextEncoder().encode(text)) h = Math.imul(h ^ b, 0x01000193) >>> 0;
    return h >>> 0;
  };

  it("matches the FNV-1a test vectors and hashes the UTF-8 bytes TextEncoder gives", () => {
    expect(fnv1a32("")).toBe(0x811c9dc5);
    expect(fnv1a32("a")).toBe(0xe40c292c);
    expect(fnv1a32("foobar")).toBe(0xbf9cf968);
    for (const s of ["Zürich", "日本語", "emoji 🎉 ok", "lone \ud800 surrogate", "\udc00x", "é\u0301"]) {
      expect(fnv1a32(s)).toBe(reference(s));
    }
  });
});
