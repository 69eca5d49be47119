// Isolation on Node: models run in a child process (or worker thread) built from dist/; a worker that allocates
// past its memory limit is killed, in-flight calls get WorkerMemoryError, the host lives on and the next call
// succeeds in a fresh worker. Also the LRU pool and idle unload inside a worker.
import { afterAll, describe, expect, it } from "vitest";
import { ModelPool, WorkerMemoryError } from "../src/index";
import { createModelWorker, pipeline } from "../src/node";
import { writeBalloonModel } from "./fixtures/build-models";
import { fixtureModels } from "./helpers/fixture-models";

const models = fixtureModels();
const balloon = writeBalloonModel(models.root);
afterAll(() => models.cleanup());

const workerScript = new URL("../dist/node-worker.js", import.meta.url);
const mib = (n: number) => ({ mebibytes: { type: "int64" as const, data: BigInt64Array.of(BigInt(n)), dims: [1] } });
const total = (out: Record<string, { data: unknown }>) => (out.total!.data as Float32Array)[0];

describe("a model worker in a child process", () => {
  it("runs pipelines with the same results as in process", async () => {
    const worker = createModelWorker({ workerScript });
    try {
      const embed = worker.pipeline("embed", models.encoder);
      const local = await pipeline("embed", models.encoder);
      const [a, b] = [await embed.run("hello world"), await local.run("hello world")];
      expect(Array.from(a as Float32Array)).toEqual(Array.from(b));
      const entities = await worker.pipeline("tokens", models.tagger).run("Zoë met Jose\u0301 in Zu\u0308rich");
      expect(entities.map((e) => e.text)).toEqual(["Zoë", "Jose\u0301", "Zu\u0308rich"]);

      const gen = worker.pipeline("generate", models.decoder);
      const whole = await gen.run("hello", { maxTokens: 8 });
      const streamed: string[] = [];
      for await (const t of gen.stream("hello", { maxTokens: 8 })) streamed.push(t.text);
      expect(streamed.join("")).toBe(whole.text);
      const json = await gen.run("{", {
        schema: { type: "object", properties: { ok: { type: "boolean" } }, required: ["ok"] },
        maxTokens: 20,
        temperature: 1,
        seed: 3,
      });
      expect(typeof JSON.parse(json.text).ok).toBe("boolean");
      await local.dispose();
    } finally {
      worker.dispose();
    }
  });

  it("kills a worker that allocates past its limit; in-flight calls get E_WORKER_MEMORY; the next call succeeds", async () => {
    const limit = 600 * 2 ** 20;
    const worker = createModelWorker({ workerScript, memoryLimitBytes: limit, pollIntervalMs: 20 });
    try {
      const session = worker.session(balloon);
      expect(total(await session.run(mib(8)))).toBe(8 * 262144);
      expect(worker.restarts).toBe(0);

      // 2 GiB inside the worker, with a small call queued behind it: both fail with the typed error.
      const big = session.run(mib(2048)).catch((e: unknown) => e);
      const queued = session.run(mib(1)).catch((e: unknown) => e);
      const [e1, e2] = await Promise.all([big, queued]);
      for (const e of [e1, e2]) {
        expect(e).toBeInstanceOf(WorkerMemoryError);
        expect((e as WorkerMemoryError).code).toBe("E_WORKER_MEMORY");
        expect((e as WorkerMemoryError).limitBytes).toBe(limit);
      }
      expect((e1 as WorkerMemoryError).usedBytes).toBeGreaterThan(limit);

      // The host is alive and the next call runs in a fresh worker.
      expect(total(await session.run(mib(4)))).toBe(4 * 262144);
      expect(worker.restarts).toBe(1);
    } finally {
      worker.dispose();
    }
  });

  it("runs in a worker thread too", async () => {
    const worker = createModelWorker({ workerScript, isolation: "thread" });
    try {
      const classify = worker.pipeline("classify", models.classifier);
      const result = await classify.run("we love coffee");
      expect(["negative", "neutral", "positive"]).toContain((result as { label: string }).label);
      expect(total(await worker.session(balloon).run(mib(2)))).toBe(2 * 262144);
    } finally {
      worker.dispose();
    }
  });
});

describe("the model pool", () => {
  const fake = (key: string, size: number, log: string[]) => async () => ({
    byteLength: size,
    dispose: async () => {
      log.push(`unload ${key}`);
    },
  });

  it("keeps models in LRU order under a memory budget", async () => {
    const log: string[] = [];
    const pool = new ModelPool({ memoryBudgetBytes: 100 });
    const use = (key: string, size: number) => pool.use(key, fake(key, size, log), async () => key);
    await use("a", 40);
    await use("b", 40);
    await use("a", 40); // a is now the most recent
    await use("c", 40); // over budget: b (least recent) goes
    expect(pool.keys).toEqual(["a", "c"]);
    expect(log).toEqual(["unload b"]);
    await use("d", 90); // only d fits
    expect(pool.keys).toEqual(["d"]);
    expect(pool.usedBytes).toBe(90);
  });

  it("never unloads a model in use, and unloads idle ones after the timeout", async () => {
    const log: string[] = [];
    const pool = new ModelPool({ memoryBudgetBytes: 50, idleTimeoutMs: 5 });
    let release!: () => void;
    const busy = pool.use("big", fake("big", 40, log), () => new Promise<void>((r) => (release = r)));
    await new Promise((r) => setTimeout(r, 0));
    await pool.use("other", fake("other", 40, log), async () => undefined);
    expect(log).toEqual(["unload other"]); // big was busy, so the newcomer went once released
    release();
    await busy;
    await new Promise((r) => setTimeout(r, 50));
    expect(pool.keys).toEqual([]);
    expect(log).toEqual(["unload other", "unload big"]);
  });
});
