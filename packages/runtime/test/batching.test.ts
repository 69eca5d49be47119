// Dynamic batching: concurrent embed/classify calls share padded model runs, and each caller still gets exactly
// the result it would get alone.
import { afterAll, describe, expect, it } from "vitest";
import { AbortedError, DynamicBatcher, InvalidArgumentError } from "../src/index";
import { pipeline } from "../src/node";
import { fixtureModels } from "./helpers/fixture-models";

const models = fixtureModels();
afterAll(() => models.cleanup());

const texts = [
  "a",
  "hello world",
  "Zoë met José in Zürich today 🎉",
  "we love coffee and tea",
  "send the report",
  "b c d e f g",
];

describe("dynamic batching", () => {
  it("groups concurrent embed calls (up to maxBatchSize) and pads without changing results", async () => {
    const batched = await pipeline("embed", models.encoder, { batching: { maxBatchSize: 4, maxWaitMs: 20 } });
    const single = await pipeline("embed", models.encoder, { batching: { maxBatchSize: 1 } });
    const together = await Promise.all(texts.map((t) => batched.run(t)));
    expect(batched.batchSizes).toEqual([4, 2]);
    const alone: Float32Array[] = [];
    for (const t of texts) alone.push(await single.run(t));
    expect(single.batchSizes).toEqual([1, 1, 1, 1, 1, 1]);
    for (let i = 0; i < texts.length; i++) {
      const a = together[i]!;
      const b = alone[i]!;
      for (let k = 0; k < a.length; k++) expect(Math.abs(a[k]! - b[k]!)).toBeLessThan(1e-5);
    }
    await Promise.all([batched.dispose(), single.dispose()]);
  });

  it("batches classify calls the same way", async () => {
    const classify = await pipeline("classify", models.classifier, { batching: { maxBatchSize: 8 } });
    const results = await Promise.all(texts.map((t) => classify.run(t)));
    expect(classify.batchSizes).toEqual([6]);
    for (const [i, t] of texts.entries()) expect(await classify.run(t)).toEqual(results[i]);
    await classify.dispose();
  });

  it("forms the next batch from calls that arrive during a run, and drops aborted waiters", async () => {
    const runs: string[][] = [];
    let gate!: () => void;
    const batcher = new DynamicBatcher<string, string>(
      async (items) => {
        runs.push(items);
        if (runs.length === 1) await new Promise<void>((r) => (gate = r));
        return items.map((x) => x.toUpperCase());
      },
      { maxBatchSize: 10, maxWaitMs: 0 },
    );
    const first = batcher.add("a");
    await new Promise((r) => setTimeout(r, 5));
    const controller = new AbortController();
    const later = [batcher.add("b"), batcher.add("c", controller.signal), batcher.add("d")];
    controller.abort();
    gate();
    expect(await first).toBe("A");
    const settled = await Promise.allSettled(later);
    expect(settled.map((s) => (s.status === "fulfilled" ? s.value : (s.reason as Error).constructor.name))).toEqual([
      "B",
      AbortedError.name,
      "D",
    ]);
    expect(runs).toEqual([["a"], ["b", "d"]]);
    expect(() => new DynamicBatcher(async (x) => x, { maxBatchSize: 0 })).toThrow(InvalidArgumentError);
  });
});
