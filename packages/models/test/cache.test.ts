// The file cache: LRU eviction order under a quota, pins, a quota that cannot be met (nothing fetched), verify and
// repair, gc, remove, a stale lock left by a dead process, and two processes pulling one model at once.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createModelStore, hubSource, type ModelsError } from "../src/index";
import { acquireLock, fileCache } from "../src/node";
import { fixtureModel, hubPath, serveHub, tempDir } from "./helpers/fixture-model";
import { type ModelServer, startModelServer } from "./helpers/model-server";

let server: ModelServer;
const cleanups: Array<() => void> = [];
beforeAll(async () => {
  server = await startModelServer();
});
afterAll(async () => {
  await server.close();
  for (const c of cleanups) c();
});

function newDir(): string {
  const { dir, cleanup } = tempDir();
  cleanups.push(cleanup);
  return dir;
}

const caught = async (p: Promise<unknown>): Promise<ModelsError> => {
  try {
    await p;
  } catch (e) {
    return e as ModelsError;
  }
  throw new Error("expected a rejection");
};

// Each model: ~100 KB int8 + two small files; a quota of 250 KB holds two models, not three.
const models = ["a", "b", "c", "d"].map((n, i) =>
  fixtureModel(`quota/${n}`, "main", { fp32: 50_000, int8: 100_000 }, 100 + i),
);

describe("quota and LRU eviction", () => {
  let time = 1_000;
  const clock = () => time;

  it("evicts the least recently used unpinned model first", async () => {
    for (const m of models) serveHub(server, m);
    const cache = fileCache({ root: newDir(), quota: 250_000, now: clock });
    const store = createModelStore({ cache, sources: [hubSource(server.url)] });
    const [a, b, c, d] = models.map((m) => m.manifest.id) as [string, string, string, string];
    time = 1_000;
    await store.pull(a);
    time = 2_000;
    await store.pull(b);
    time = 3_000;
    await cache.get(a); // a is now more recent than b
    time = 4_000;
    await store.pull(c);
    expect((await cache.list()).map((m) => m.id).sort()).toEqual([a, c].sort());
    expect((await cache.usage()).bytes).toBeLessThanOrEqual(250_000);
    // Pinned models are never evicted: pin a, and d pushes out c although a is older.
    await cache.pin(a, true);
    time = 5_000;
    await store.pull(d);
    expect((await cache.list()).map((m) => m.id).sort()).toEqual([a, d].sort());
    expect((await cache.get(a))?.pinned).toBe(true);
  });

  it("refuses with E_QUOTA, before downloading anything, a model that cannot fit beside the pinned ones", async () => {
    for (const m of models) serveHub(server, m);
    const cache = fileCache({ root: newDir(), quota: 250_000, now: clock });
    const store = createModelStore({ cache, sources: [hubSource(server.url)] });
    await store.pull(models[0]!.manifest.id, { pin: true });
    await store.pull(models[1]!.manifest.id, { pin: true });
    const before = server.sentFor(hubPath(models[2]!, "onnx/model_int8.onnx"));
    const e = await caught(store.pull(models[2]!.manifest.id));
    expect(e.code).toBe("E_QUOTA");
    expect(server.sentFor(hubPath(models[2]!, "onnx/model_int8.onnx"))).toBe(before);
    expect((await cache.list()).map((m) => m.id).sort()).toEqual([models[0]!.manifest.id, models[1]!.manifest.id]);
    await cache.pin(models[1]!.manifest.id, false);
    await store.pull(models[2]!.manifest.id);
    expect((await cache.list()).map((m) => m.id).sort()).toEqual([models[0]!.manifest.id, models[2]!.manifest.id]);
  });
});

describe("verify, repair, remove, gc", () => {
  it("finds a damaged file, and repairs it by re-downloading only that file", async () => {
    const m = fixtureModel("verify/one", "main", undefined, 300);
    serveHub(server, m);
    const root = newDir();
    const cache = fileCache({ root });
    const store = createModelStore({ cache, sources: [hubSource(server.url)] });
    const { model } = await store.pull(m.manifest.id);
    expect((await store.verify(m.manifest.id)).ok).toBe(true);
    const target = m.manifest.files.find((f) => f.path === "onnx/model_int8.onnx")!;
    const blob = join(root, "blobs", target.sha256);
    const damaged = new Uint8Array(readFileSync(blob));
    damaged[500] = (damaged[500]! + 1) & 0xff;
    writeFileSync(blob, damaged);
    const report = await cache.verify(m.manifest.id);
    expect(report.ok).toBe(false);
    expect(report.files.find((f) => f.path === "onnx/model_int8.onnx")).toEqual({
      path: "onnx/model_int8.onnx",
      ok: false,
      repaired: false,
    });
    // The damaged bytes are gone from the model folder, never served again.
    expect(existsSync(join(model.path!, "onnx/model_int8.onnx"))).toBe(false);
    const sentBefore = server.sentFor(hubPath(m, "config.json"));
    const repaired = await store.verify(m.manifest.id, { repair: true });
    expect(repaired.ok).toBe(true);
    expect(repaired.files.find((f) => f.path === "onnx/model_int8.onnx")?.repaired).toBe(true);
    expect(server.sentFor(hubPath(m, "config.json"))).toBe(sentBefore);
    expect(new Uint8Array(readFileSync(join(model.path!, "onnx/model_int8.onnx")))).toEqual(
      m.files["onnx/model_int8.onnx"],
    );
  });

  it("removes a model and its files, but not files another model shares", async () => {
    const a = fixtureModel("share/a", "main", undefined, 400);
    const b = { ...a, manifest: { ...a.manifest, id: "share/b" } };
    serveHub(server, a);
    serveHub(server, b);
    const root = newDir();
    const cache = fileCache({ root });
    const store = createModelStore({ cache, sources: [hubSource(server.url)] });
    await store.pull("share/a");
    const sent = server.log.length;
    await store.pull("share/b");
    // Same bytes: b needed no download but its manifest.
    expect(server.log.length - sent).toBe(1);
    expect(await cache.remove("share/a")).toBe(true);
    expect(readdirSync(join(root, "blobs"))).toHaveLength(3);
    expect(await cache.readFile("share/b", "main", "config.json")).toEqual(a.files["config.json"]);
    expect(await cache.remove("share/b")).toBe(true);
    expect(readdirSync(join(root, "blobs"))).toEqual([]);
    expect(await cache.remove("share/b")).toBe(false);
  });

  it("collects orphan blobs, stale partial files and snapshot folders without a record", async () => {
    const root = newDir();
    const cache = fileCache({ root });
    await cache.usage();
    writeFileSync(join(root, "blobs", "f".repeat(64)), "orphan");
    writeFileSync(join(root, "partial", `${"e".repeat(64)}.part`), "half");
    mkdirSync(join(root, "snapshots", "x+y@main"), { recursive: true });
    const report = await cache.gc();
    expect(report).toEqual({ removedBlobs: 1, freedBytes: 6, removedPartials: 1 });
    expect(readdirSync(join(root, "snapshots"))).toEqual([]);
  });

  it("gc and remove during a pull (as from another process) keep the files the pull is installing", async () => {
    const m = fixtureModel("race/gc", "main", { fp32: 1000, int8: 300_000 }, 300);
    serveHub(server, m);
    const root = newDir();
    const cache = fileCache({ root });
    const other = fileCache({ root });
    const small = m.manifest.files.filter((f) => f.path === "config.json" || f.path === "tokenizer.json");
    const smallBytes = small.reduce((n, f) => n + f.size, 0);
    // The large file stalls part-way: the small ones are stored by then, and no record names them yet.
    server.fault(hubPath(m, "onnx/model_int8.onnx"), { kind: "stall", after: 100_000 });
    let stalled = () => {};
    const reached = new Promise<void>((resolve) => {
      stalled = resolve;
    });
    const store = createModelStore({ cache, sources: [hubSource(server.url)], stallTimeoutMs: 1500 });
    const pull = store.pull(m.manifest.id, {
      onProgress: (p) => {
        if (p.loaded >= smallBytes + 100_000) stalled();
      },
    });
    await reached;
    while ((await other.usage()).bytes < smallBytes) await new Promise((r) => setTimeout(r, 20));
    expect((await other.gc()).removedBlobs).toBe(0);
    expect(await other.remove("race/never-pulled")).toBe(false);
    const { model } = await pull;
    expect((await cache.verify(m.manifest.id)).files.map((f) => f.ok)).toEqual(model.files.map(() => true));
    expect((await cache.gc()).removedBlobs).toBe(0);
    // The install's claim on its files ended with it.
    expect(readdirSync(join(root, "models")).filter((n) => !n.endsWith(".json"))).toEqual([]);
  });

  it("a pin() racing with get() calls (which mark the model used) is never undone", async () => {
    const m = fixtureModel("race/pin", "main", { fp32: 1000, int8: 2000 }, 302);
    serveHub(server, m);
    const cache = fileCache({ root: newDir() });
    await createModelStore({ cache, sources: [hubSource(server.url)] }).pull(m.manifest.id);
    // Reads and writes spread over the pin: some get() reads the record before the pin writes it.
    const pinned = cache.pin(m.manifest.id, true);
    const gets: Array<Promise<unknown>> = [];
    for (let i = 0; i < 30; i++) {
      gets.push(cache.get(m.manifest.id));
      await new Promise((r) => setTimeout(r, 1));
    }
    await Promise.all([pinned, ...gets]);
    expect((await cache.get(m.manifest.id, undefined, { touch: false }))?.pinned).toBe(true);
  });

  it("an aborted verify throws E_ABORTED and deletes nothing", async () => {
    const m = fixtureModel("race/verify", "main", { fp32: 1000, int8: 300_000 }, 301);
    serveHub(server, m);
    const cache = fileCache({ root: newDir() });
    await createModelStore({ cache, sources: [hubSource(server.url)] }).pull(m.manifest.id);
    const controller = new AbortController();
    const e = await caught(
      cache.verify(m.manifest.id, undefined, {
        signal: controller.signal,
        onVerifyProgress: () => controller.abort(),
      }),
    );
    expect(e.code).toBe("E_ABORTED");
    const report = await cache.verify(m.manifest.id);
    expect(report.ok).toBe(true);
    expect(report.files).toHaveLength(3);
  });

  it("ignores a damaged record instead of failing, and refuses a cache of another layout version", async () => {
    const root = newDir();
    const cache = fileCache({ root });
    await cache.usage();
    writeFileSync(join(root, "models", "bad@main.json"), "{ not json");
    expect(await cache.list()).toEqual([]);
    const other = newDir();
    writeFileSync(join(other, "VERSION"), "9\n");
    expect((await caught(fileCache({ root: other }).list())).code).toBe("E_CACHE");
  });
});

describe("locking", () => {
  it("takes over a lock left by a dead process", async () => {
    const dir = newDir();
    const path = join(dir, "x.lock");
    writeFileSync(
      path,
      JSON.stringify({ pid: 2 ** 22 + 12345, host: (await import("node:os")).hostname(), time: Date.now() }),
    );
    const held = await acquireLock(path, { timeoutMs: 2_000 });
    expect(JSON.parse(readFileSync(path, "utf8")).pid).toBe(process.pid);
    held.release();
    expect(existsSync(path)).toBe(false);
  });

  it("waits for a live holder and gives E_LOCK after the timeout", async () => {
    const dir = newDir();
    const path = join(dir, "y.lock");
    const held = await acquireLock(path);
    const e = await caught(acquireLock(path, { timeoutMs: 200 }));
    expect(e.code).toBe("E_LOCK");
    held.release();
    (await acquireLock(path, { timeoutMs: 200 })).release();
  });

  it("lets two processes pull one model at once: each file is fetched once, both get the model", async () => {
    const m = fixtureModel("race/one", "main", { fp32: 3_000_000, int8: 1_000_000 }, 500);
    serveHub(server, m);
    const root = newDir();
    const script = fileURLToPath(new URL("./helpers/pull-child.mjs", import.meta.url));
    const run = () =>
      new Promise<{ code: number | null; out: string; err: string }>((resolve) => {
        const child = spawn(process.execPath, [script, root, server.url, m.manifest.id], {
          cwd: fileURLToPath(new URL("..", import.meta.url)),
        });
        let out = "";
        let err = "";
        child.stdout.on("data", (d) => (out += d));
        child.stderr.on("data", (d) => (err += d));
        child.on("close", (code) => resolve({ code, out, err }));
      });
    const results = await Promise.all([run(), run()]);
    for (const r of results) {
      expect(r.err).toBe("");
      expect(r.code).toBe(0);
      expect(JSON.parse(r.out).files).toBe(4);
    }
    for (const path of Object.keys(m.files)) expect(server.sentFor(hubPath(m, path))).toBe(m.files[path]!.byteLength);
    const cache = fileCache({ root });
    expect((await cache.verify(m.manifest.id)).ok).toBe(true);
    expect(readdirSync(join(root, "partial"))).toEqual([]);
    expect(readdirSync(join(root, "locks"))).toEqual([]);
  });
});
