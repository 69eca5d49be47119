// Pulls over real HTTP from a loopback server, with every fault the issue lists: a dropped connection (resumed with
// Range, no byte fetched twice), a stall, 500 then success, 404, an HTML 200 page, wrong bytes, a wrong length,
// plus progress, the concurrency limit and offline mode (no socket opened).
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createModelStore, type DownloadProgress, hubSource, type ModelsError } from "../src/index";
import { fileCache } from "../src/node";
import { type FixtureModel, fixtureModel, hubPath, serveHub, tempDir } from "./helpers/fixture-model";
import { type ModelServer, startModelServer } from "./helpers/model-server";

let server: ModelServer;
const dirs: Array<() => void> = [];
beforeAll(async () => {
  server = await startModelServer();
});
afterAll(async () => {
  await server.close();
  for (const d of dirs) d();
});
afterEach(() => {
  server.faults.clear();
});

let counter = 0;
/** A fresh model on the server and a fresh cache, so tests never share state. */
function setup(options: { sizes?: { fp32: number; int8: number }; store?: Record<string, unknown> } = {}) {
  counter++;
  const model = fixtureModel(`test/model-${counter}`, "main", options.sizes, counter);
  serveHub(server, model);
  const { dir, cleanup } = tempDir();
  dirs.push(cleanup);
  const cache = fileCache({ root: dir });
  const store = createModelStore({
    cache,
    sources: [hubSource(server.url)],
    backoffMs: 5,
    stallTimeoutMs: 2_000,
    ...options.store,
  });
  return { model, cache, store, dir };
}

const caught = async (p: Promise<unknown>): Promise<ModelsError> => {
  try {
    await p;
  } catch (e) {
    return e as ModelsError;
  }
  throw new Error("expected a rejection");
};

function expectNothingCached(dir: string, model: FixtureModel) {
  const blobs = readdirSync(join(dir, "blobs"));
  const bad = model.manifest.files.find((f) => f.path === "onnx/model_int8.onnx")!;
  expect(blobs).not.toContain(bad.sha256);
  expect(readdirSync(join(dir, "models"))).toEqual([]);
  expect(readdirSync(join(dir, "partial"))).toEqual([]);
}

describe("pull over HTTP", () => {
  it("installs the selected variant with verified bytes, in the runtime's folder layout, with progress", async () => {
    const { model, store } = setup();
    const events: DownloadProgress[] = [];
    const {
      model: cached,
      selection,
      cached: wasCached,
    } = await store.pull(model.manifest.id, { onProgress: (p) => events.push(p) });
    expect(wasCached).toBe(false);
    expect(selection?.variant.name).toBe("int8");
    expect(selection?.passedOver).toEqual([{ name: "fp32", reason: expect.stringContaining("ranked below int8") }]);
    expect(cached.variants).toEqual(["int8"]);
    expect([...cached.files].sort()).toEqual(["config.json", "onnx/model_int8.onnx", "tokenizer.json"]);
    for (const path of cached.files) {
      expect(new Uint8Array(readFileSync(join(cached.path!, path)))).toEqual(model.files[path]);
    }
    expect(existsSync(join(cached.path!, "onnx/model.onnx"))).toBe(false);
    expect(server.sentFor(hubPath(model, "onnx/model.onnx"))).toBe(0);
    const last = events.at(-1)!;
    expect(last.phase).toBe("download");
    expect(last.loaded).toBe(last.total);
    expect(last.total).toBe(cached.bytes);
    for (let i = 1; i < events.length; i++) expect(events[i]!.loaded).toBeGreaterThanOrEqual(events[i - 1]!.loaded);
    expect(events.every((e) => typeof e.rate === "number" && typeof e.eta === "number")).toBe(true);
    // A second pull is served from the cache: no file is requested again.
    const before = server.log.length;
    const again = await store.pull(model.manifest.id, { revision: "main" });
    expect(again.cached).toBe(true);
    expect(server.log.length).toBe(before);
  });

  it("resumes a connection dropped mid-file with Range, fetching no byte twice", async () => {
    const { model, store } = setup();
    const path = hubPath(model, "onnx/model_int8.onnx");
    server.fault(path, { kind: "drop", after: 40_000 });
    const { model: cached } = await store.pull(model.manifest.id);
    const requests = server.log.filter((e) => e.path === path);
    expect(requests.map((r) => r.range)).toEqual([undefined, "bytes=40000-"]);
    expect(requests[1]!.status).toBe(206);
    expect(server.sentFor(path)).toBe(100_000);
    expect(await store.cache.readFile(cached.id, cached.revision, "onnx/model_int8.onnx")).toEqual(
      model.files["onnx/model_int8.onnx"],
    );
  });

  it("keeps the received bytes when retries run out, and the next pull resumes from them", async () => {
    const { model, store, dir } = setup();
    const path = hubPath(model, "onnx/model_int8.onnx");
    server.fault(path, { kind: "drop", after: 30_000 });
    const e = await caught(store.pull(model.manifest.id, { retries: 0 }));
    expect(e.code).toBe("E_NETWORK");
    expect(e.message).toContain("onnx/model_int8.onnx");
    expect(readdirSync(join(dir, "partial"))).toHaveLength(1);
    await store.pull(model.manifest.id);
    const requests = server.log.filter((r) => r.path === path);
    expect(requests.at(-1)!.range).toBe("bytes=30000-");
    expect(server.sentFor(path)).toBe(100_000);
    expect(readdirSync(join(dir, "partial"))).toEqual([]);
  });

  it("drops a stalled request and resumes it", async () => {
    const { model, store } = setup({ store: { stallTimeoutMs: 300 } });
    const path = hubPath(model, "onnx/model_int8.onnx");
    server.fault(path, { kind: "stall", after: 50_000 });
    await store.pull(model.manifest.id);
    const requests = server.log.filter((e) => e.path === path);
    expect(requests.map((r) => r.range)).toEqual([undefined, "bytes=50000-"]);
    expect(server.sentFor(path)).toBe(100_000);
  });

  it("reports a stall that never ends as E_NETWORK naming the file", async () => {
    const { model, store, dir } = setup({ store: { stallTimeoutMs: 200, retries: 1 } });
    const path = hubPath(model, "onnx/model_int8.onnx");
    server.fault(path, { kind: "stall", after: 10_000 }, { kind: "stall", after: 10_000 });
    const e = await caught(store.pull(model.manifest.id));
    expect(e.code).toBe("E_NETWORK");
    expect(e.message).toMatch(/onnx\/model_int8\.onnx: no byte arrived for 200 ms/);
    expect(readdirSync(join(dir, "models"))).toEqual([]);
  });

  it("retries a 500 and succeeds", async () => {
    const { model, store } = setup();
    const path = hubPath(model, "onnx/model_int8.onnx");
    server.fault(path, { kind: "status", status: 500 }, { kind: "status", status: 503 });
    await store.pull(model.manifest.id);
    expect(server.log.filter((e) => e.path === path).map((e) => e.status)).toEqual([500, 503, 200]);
  });

  it("refuses an HTML 200 page with E_HTTP naming the file, and caches nothing", async () => {
    const { model, store, dir } = setup();
    server.fault(hubPath(model, "onnx/model_int8.onnx"), { kind: "html" });
    const e = await caught(store.pull(model.manifest.id));
    expect(e.code).toBe("E_HTTP");
    expect(e.message).toContain("onnx/model_int8.onnx");
    expect(e.message).toContain("HTML page");
    expectNothingCached(dir, model);
  });

  it("refuses a 404 with E_HTTP naming the file, without retrying", async () => {
    const { model, store, dir } = setup();
    const path = hubPath(model, "onnx/model_int8.onnx");
    server.files.delete(path);
    const e = await caught(store.pull(model.manifest.id));
    expect(e.code).toBe("E_HTTP");
    expect(e.message).toContain("404");
    expect(e.message).toContain("onnx/model_int8.onnx");
    expect(server.log.filter((x) => x.path === path)).toHaveLength(1);
    expectNothingCached(dir, model);
  });

  it("refuses bytes whose SHA-256 is wrong with E_INTEGRITY naming the file, and caches nothing", async () => {
    const { model, store, dir } = setup();
    server.fault(hubPath(model, "onnx/model_int8.onnx"), { kind: "wrong-bytes" });
    const e = await caught(store.pull(model.manifest.id));
    expect(e.code).toBe("E_INTEGRITY");
    expect(e.message).toContain("onnx/model_int8.onnx");
    expectNothingCached(dir, model);
  });

  it("refuses a wrong length with E_INTEGRITY before writing anything", async () => {
    const { model, store, dir } = setup();
    server.fault(hubPath(model, "onnx/model_int8.onnx"), { kind: "wrong-length" });
    const e = await caught(store.pull(model.manifest.id));
    expect(e.code).toBe("E_INTEGRITY");
    expect(e.message).toMatch(/onnx\/model_int8\.onnx: the server sends 100003 bytes, the manifest says 100000/);
    expectNothingCached(dir, model);
  });

  it("starts over when a server ignores the Range header", async () => {
    const { model, store } = setup();
    const path = hubPath(model, "onnx/model_int8.onnx");
    server.fault(path, { kind: "drop", after: 20_000 }, { kind: "ignore-range" });
    const { model: cached } = await store.pull(model.manifest.id);
    expect(server.log.filter((e) => e.path === path).map((e) => e.status)).toEqual([200, 200]);
    expect(await store.cache.readFile(cached.id, "main", "onnx/model_int8.onnx")).toEqual(
      model.files["onnx/model_int8.onnx"],
    );
  });

  it("takes a file from a server that compresses it (Content-Length counts the gzip bytes)", async () => {
    const { model, store } = setup();
    const path = hubPath(model, "config.json");
    server.fault(path, { kind: "gzip" });
    const { model: cached } = await store.pull(model.manifest.id);
    const sent = server.log.filter((e) => e.path === path);
    expect(sent.map((e) => e.status)).toEqual([200]);
    // The gzip bytes sent differ in number from the file's, so a Content-Length check would refuse them.
    expect(sent[0]?.sent).not.toBe(model.files["config.json"]?.byteLength);
    expect(await store.cache.readFile(cached.id, "main", "config.json")).toEqual(model.files["config.json"]);
  });

  it("says E_NOT_FOUND for a model no source has", async () => {
    const { store } = setup();
    const e = await caught(store.pull("test/no-such-model"));
    expect(e.code).toBe("E_NOT_FOUND");
    expect(e.message).toContain("test/no-such-model");
  });

  it("keeps to the concurrency limit", async () => {
    const { model, store } = setup();
    server.delayMs = 30;
    server.maxInFlight = 0;
    await store.pull(model.manifest.id, { variant: "all", concurrency: 1 });
    expect(server.maxInFlight).toBe(1);
    const other = setup();
    server.maxInFlight = 0;
    await other.store.pull(other.model.manifest.id, { variant: "all", concurrency: 4 });
    expect(server.maxInFlight).toBeGreaterThan(1);
    server.delayMs = 0;
  });

  it("stops on abort and keeps what arrived", async () => {
    const { model, store, dir } = setup({ store: { stallTimeoutMs: 10_000 } });
    server.fault(hubPath(model, "onnx/model_int8.onnx"), { kind: "stall", after: 25_000 });
    const controller = new AbortController();
    const pulling = store.pull(model.manifest.id, {
      signal: controller.signal,
      onProgress: (p) => {
        if (p.loaded >= 25_000) controller.abort();
      },
    });
    const e = await caught(pulling);
    expect(e.code).toBe("E_ABORTED");
    expect(readdirSync(join(dir, "partial"))).toHaveLength(1);
  });
});

describe("offline mode", () => {
  it("serves a cached model without opening a socket", async () => {
    const { model, store, cache } = setup();
    await store.pull(model.manifest.id);
    const offline = createModelStore({ cache, sources: [hubSource(server.url)], offline: true });
    const connections = server.connections;
    const { model: cached, cached: hit } = await offline.pull(model.manifest.id);
    expect(hit).toBe(true);
    expect(cached.variants).toEqual(["int8"]);
    expect(server.connections).toBe(connections);
  });

  it("gives E_OFFLINE naming a model that is not cached, without opening a socket", async () => {
    const { model, cache } = setup();
    const fetchCalls: string[] = [];
    const offline = createModelStore({
      cache,
      sources: [
        hubSource(server.url, {
          fetch: (url) => {
            fetchCalls.push(url);
            return Promise.reject(new Error("no"));
          },
        }),
      ],
      offline: true,
    });
    const connections = server.connections;
    const e = await caught(offline.pull(model.manifest.id));
    expect(e.code).toBe("E_OFFLINE");
    expect(e.message).toContain(model.manifest.id);
    expect(fetchCalls).toEqual([]);
    expect(server.connections).toBe(connections);
  });
});
