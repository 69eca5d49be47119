// The encoder pipelines on real sessions over the fixture models: embed, classify, tokens (with exact spans), and
// the same outputs from onnxruntime-node (cpu) and onnxruntime-web (wasm) within 1e-4.
import { afterAll, describe, expect, it } from "vitest";
import { InvalidArgumentError } from "../src/index";
import { pipeline } from "../src/node";
import { pipeline as webPipeline } from "../src/web";
import { NER_LABELS } from "./fixtures/build-models";
import { fixtureModels, folderFiles } from "./helpers/fixture-models";

const models = fixtureModels();
afterAll(() => models.cleanup());

const maxDiff = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  expect(a.length).toBe(b.length);
  let d = 0;
  for (let i = 0; i < a.length; i++) d = Math.max(d, Math.abs(a[i]! - b[i]!));
  return d;
};
const norm = (v: Float32Array) => Math.sqrt(v.reduce((s, x) => s + x * x, 0));

const texts = [
  "hello world",
  "Zoë met José in Zürich today 🎉",
  "please send the report by tomorrow",
  "we love coffee and tea",
  "a",
];

describe("embed", () => {
  it("gives one unit vector per text, equal whether batched or alone", async () => {
    const embed = await pipeline("embed", models.encoder);
    const alone = await embed.run(texts[1]!);
    expect(alone).toBeInstanceOf(Float32Array);
    expect(alone).toHaveLength(32);
    expect(norm(alone)).toBeCloseTo(1, 5);
    const batch = await embed.run(texts);
    expect(batch).toHaveLength(texts.length);
    // Padding to the longest text must not change any vector.
    expect(maxDiff(batch[1]!, alone)).toBeLessThan(1e-5);
    expect(maxDiff(batch[0]!, batch[1]!)).toBeGreaterThan(1e-3);
    await embed.dispose();
  });

  it("pools by mean or CLS, normalized or not", async () => {
    const mean = await pipeline("embed", models.encoder, { normalize: false });
    const cls = await pipeline("embed", models.encoder, { pooling: "cls", normalize: false });
    const m = await mean.run(texts[2]!);
    const c = await cls.run(texts[2]!);
    expect(norm(m)).not.toBeCloseTo(1, 2);
    expect(maxDiff(m, c)).toBeGreaterThan(1e-3);
    // CLS pooling is the first token's state: the same as running the session and reading position 0.
    const out = await cls.model.session.run({
      input_ids: {
        type: "int64",
        data: BigInt64Array.from(cls.model.tokenizer.encode(texts[2]!).ids, BigInt),
        dims: [1, 8],
      },
      attention_mask: { type: "int64", data: new BigInt64Array(8).fill(1n), dims: [1, 8] },
      token_type_ids: { type: "int64", data: new BigInt64Array(8), dims: [1, 8] },
    });
    expect(cls.model.tokenizer.encode(texts[2]!).ids).toHaveLength(8);
    expect(maxDiff(c, (out.last_hidden_state!.data as Float32Array).subarray(0, 32))).toBeLessThan(1e-6);
    await Promise.all([mean.dispose(), cls.dispose()]);
  });
});

describe("classify", () => {
  it("labels from id2label with softmax scores, highest first", async () => {
    const classify = await pipeline("classify", models.classifier);
    const result = await classify.run("we love coffee");
    expect(result.scores.map((s) => s.label).sort()).toEqual(["negative", "neutral", "positive"]);
    expect(result.scores.reduce((s, x) => s + x.score, 0)).toBeCloseTo(1, 6);
    expect(result.label).toBe(result.scores[0]!.label);
    for (let i = 1; i < result.scores.length; i++)
      expect(result.scores[i - 1]!.score).toBeGreaterThanOrEqual(result.scores[i]!.score);
    const many = await classify.run(texts);
    expect(many[0]!.scores).toHaveLength(3);
    await classify.dispose();
  });
});

describe("tokens", () => {
  it("maps entity spans to the exact input substrings, with emoji and combining characters", async () => {
    const tagger = await pipeline("tokens", models.tagger);
    // "José" and "Zürich" written with combining marks (U+0301, U+0308), "Zoë" precomposed, emoji between words.
    const text = "🎉 Zoë met Jose\u0301 👩‍👩‍👧 in Zu\u0308rich, then Anna flew to London ☕️!";
    const entities = await tagger.run(text);
    expect(entities.map((e) => [e.entity, e.text])).toEqual([
      ["PER", "Zoë"],
      ["PER", "Jose\u0301"],
      ["LOC", "Zu\u0308rich"],
      ["PER", "Anna"],
      ["LOC", "London"],
    ]);
    for (const e of entities) {
      expect(text.slice(e.start, e.end)).toBe(e.text);
      expect(e.score).toBeGreaterThan(0.99);
    }

    // Every token lands on the characters it came from: folded the tokenizer's way, the slice is the token.
    const tokens = await tagger.tag(text);
    const fold = (s: string) => s.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();
    for (const t of tokens) {
      expect(text.slice(t.start, t.end)).toBe(t.text);
      if (t.token === "[UNK]") expect(t.text).toMatch(/\p{Extended_Pictographic}/u);
      else expect(fold(t.text)).toBe(t.token.replace(/^##/, ""));
    }
    const emoji = tokens.filter((t) => t.token === "[UNK]").map((t) => t.text);
    expect(emoji).toEqual(["🎉", "👩‍👩‍👧", "☕️"]);
    expect(NER_LABELS).toContain(tokens[0]!.label);
    await tagger.dispose();
  });
});

describe("onnxruntime-node cpu and onnxruntime-web wasm agree", () => {
  it("on embeddings and classifier scores within 1e-4", async () => {
    for (const [task, folder] of [
      ["embed", models.encoder],
      ["classify", models.classifier],
    ] as const) {
      const node = await pipeline(task, folder, { device: "cpu" });
      const web = await webPipeline(task, folderFiles(folder), { device: "wasm" });
      expect(node.model.session.provider).toBe("cpu");
      expect(web.model.session.provider).toBe("wasm");
      const a = await node.run(texts);
      const b = await web.run(texts);
      for (let i = 0; i < texts.length; i++) {
        const va = a[i]!;
        const vb = b[i]!;
        const xa = va instanceof Float32Array ? va : va.scores.map((s) => s.score);
        const xb = vb instanceof Float32Array ? vb : vb.scores.map((s) => s.score);
        expect(maxDiff(xa, xb)).toBeLessThan(1e-4);
      }
      await Promise.all([node.dispose(), web.dispose()]);
    }
  });
});

it("refuses an unknown task", async () => {
  // @ts-expect-error: not a task
  await expect(pipeline("summarize", models.encoder)).rejects.toBeInstanceOf(InvalidArgumentError);
});
