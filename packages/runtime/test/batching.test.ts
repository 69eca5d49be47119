// Dynamic batching: concurrent embed/classify calls share padded model runs, and each caller still gets exactly
// the result it would get alone.
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
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

  describe("when it waits", () => {
    afterEach(() => {
      vi.useRealTimers();
    });

    // A batcher whose runs end only when the test says so.
    function gated() {
      const runs: string[][] = [];
      const gates: (() => void)[] = [];
      const batcher = new DynamicBatcher<string, string>(
        async (items) => {
          runs.push(items);
          await new Promise<void>((r) => gates.push(r));
          return items.map((x) => x.toUpperCase());
        },
        { maxBatchSize: 3, maxWaitMs: 60_000 },
      );
      return { runs, gates, batcher };
    }

    it("runs a call that finds it idle at once, with the calls of the same tick, never on a timer", async () => {
      vi.useFakeTimers();
      const { runs, gates, batcher } = gated();
      const calls = [batcher.add("a"), batcher.add("b")];
      await Promise.resolve();
      // No timer was advanced: the run started on a microtask.
      expect(runs).toEqual([["a", "b"]]);
      gates[0]!();
      expect(await Promise.all(calls)).toEqual(["A", "B"]);
      expect(vi.getTimerCount()).toBe(0);
    });

    it("holds calls that queue behind a run until maxWaitMs, unless the batch fills", async () => {
      vi.useFakeTimers();
      const { runs, gates, batcher } = gated();
      const first = batcher.add("a");
      await Promise.resolve();
      const second = batcher.add("b");
      gates[0]!();
      expect(await first).toBe("A");
      // "b" came while "a" ran: it waits for company, on a timer, for at most maxWaitMs.
      expect(runs).toEqual([["a"]]);
      expect(vi.getTimerCount()).toBe(1);
      const third = batcher.add("c");
      await vi.advanceTimersByTimeAsync(60_000);
      expect(runs).toEqual([["a"], ["b", "c"]]);
      gates[1]!();
      expect(await Promise.all([second, third])).toEqual(["B", "C"]);

      // Calls of an idle tick beyond one batch: the first batch runs at once, the rest right after it, no timer.
      const more = ["d", "e", "f", "g"].map((x) => batcher.add(x));
      await Promise.resolve();
      expect(runs.at(-1)).toEqual(["d", "e", "f"]);
      gates[2]!();
      await vi.waitFor(() => expect(runs.at(-1)).toEqual(["g"]));
      expect(vi.getTimerCount()).toBe(0);
      gates[3]!();
      expect(await Promise.all(more)).toEqual(["D", "E", "F", "G"]);

      // A full batch behind a run does not wait either.
      const head = batcher.add("h");
      await Promise.resolve();
      const full = ["i", "j", "k"].map((x) => batcher.add(x));
      gates[4]!();
      await vi.waitFor(() => expect(runs.at(-1)).toEqual(["i", "j", "k"]));
      gates[5]!();
      expect(await Promise.all([head, ...full])).toEqual(["H", "I", "J", "K"]);
    });

    it("queues one caller's items together and splits them at maxBatchSize", async () => {
      const { runs, gates, batcher } = gated();
      const all = batcher.addAll(["a", "b", "c", "d", "e"]);
      await Promise.resolve();
      expect(runs).toEqual([["a", "b", "c"]]);
      gates[0]!();
      await vi.waitFor(() => expect(runs.length).toBe(2));
      expect(runs[1]).toEqual(["d", "e"]);
      gates[1]!();
      expect(await all).toEqual(["A", "B", "C", "D", "E"]);
      await expect(batcher.addAll(["x"], AbortSignal.abort())).rejects.toBeInstanceOf(AbortedError);
    });

    it("rejects every caller of a failed run once, and runs the next batch as usual", async () => {
      const failing = new DynamicBatcher<string, string>(async (items) => {
        if (items.includes("bad")) throw new InvalidArgumentError("bad item");
        return items.map((x) => x.toUpperCase());
      });
      const [group, lone] = await Promise.allSettled([failing.addAll(["ok", "bad"]), failing.add("fine")]);
      expect(group.status === "rejected" && group.reason).toBeInstanceOf(InvalidArgumentError);
      expect(lone.status === "rejected" && lone.reason).toBeInstanceOf(InvalidArgumentError);
      expect(await failing.addAll(["a", "b"])).toEqual(["A", "B"]);
      expect(failing.batchSizes).toEqual([3, 2]);
    });
  });
});
