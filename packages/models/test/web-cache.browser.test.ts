// Runs in real Chromium: models pulled with fetch from a real model server on loopback (Node, test/node-commands.ts)
// into Cache Storage and into the origin private file system, with the server's faults (a dropped connection, a
// stall, wrong bytes, an HTML page, 404, 500), quota eviction, pins, verify/repair, gc, two pulls at once, offline
// mode, and the cached files run by onnxruntime-web through @hearth/runtime/web.
import { pipeline } from "@hearth/runtime/web";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commands } from "vitest/browser";
import {
  createModelStore,
  type DownloadProgress,
  type FetchLike,
  hubSource,
  type ModelCache,
  type ModelManifest,
  type ModelsError,
} from "../src/index";
import { cacheApiCache, cachedModelFolder, opfsCache } from "../src/web";
import type { ModelsBrowserCommands } from "./node-commands";

declare module "vitest/browser" {
  interface BrowserCommands extends ModelsBrowserCommands {}
}

let server: number;
let url: string;
beforeAll(async () => {
  ({ server, url } = await commands.modelsStartServer());
});
afterAll(() => commands.modelsStopServer(server));

const hex = (b: ArrayBuffer) => [...new Uint8Array(b)].map((x) => x.toString(16).padStart(2, "0")).join("");
// WebCrypto here, not the package's hasher: the check must not share code with what it checks.
const sha256 = async (bytes: Uint8Array) => hex(await crypto.subtle.digest("SHA-256", bytes as BufferSource));

const caught = async (p: Promise<unknown>): Promise<ModelsError> => {
  try {
    await p;
  } catch (e) {
    return e as ModelsError;
  }
  throw new Error("expected a rejection");
};

const filePath = (m: ModelManifest, path: string) => `/${m.id}/resolve/${m.revision}/${path}`;
const requestsFor = async (m: ModelManifest, path: string) =>
  (await commands.modelsLog(server)).filter((e) => e.path === filePath(m, path));

interface Kind {
  name: string;
  /** A fresh cache (a new name) or, given one, the same storage opened again (as after a reload). */
  make(name: string, options?: { quota?: number; now?: () => number }): ModelCache;
  wipe(name: string): Promise<void>;
}

const kinds: Kind[] = [
  {
    name: "Cache API",
    make: (name, o = {}) => cacheApiCache({ cacheName: name, ...o }),
    wipe: async (name) => {
      await caches.delete(name);
    },
  },
  {
    name: "OPFS",
    make: (name, o = {}) => opfsCache({ directory: name, ...o }),
    wipe: async (name) => {
      await (await navigator.storage.getDirectory()).removeEntry(name, { recursive: true }).catch(() => {});
    },
  },
];

let counter = 0;

describe.each(kinds)("$name cache", (kind) => {
  const names: string[] = [];
  afterAll(async () => {
    for (const n of names) await kind.wipe(n);
  });

  /** A fresh model on the server and a fresh, empty cache. */
  async function setup(
    o: { sizes?: { fp32: number; int8: number }; quota?: number; now?: () => number; fetch?: FetchLike } = {},
  ) {
    counter++;
    const manifest = await commands.modelsServeFixture(
      server,
      `web/model-${counter}`,
      "main",
      o.sizes ?? { fp32: 40_000, int8: 20_000 },
      counter,
    );
    const name = `test-${kind.name.replace(/\W/g, "")}-${counter}-${Date.now()}`;
    names.push(name);
    const cacheOptions = { ...(o.quota ? { quota: o.quota } : {}), ...(o.now ? { now: o.now } : {}) };
    const cache = kind.make(name, cacheOptions);
    const source = hubSource(url, o.fetch ? { fetch: o.fetch } : {});
    const store = createModelStore({ cache, sources: [source], backoffMs: 5, stallTimeoutMs: 2_000 });
    return { manifest, cache, store, name, source, cacheOptions };
  }

  it("pulls a model with fetch into the cache: verified bytes, progress, each file fetched once", async () => {
    const { manifest, cache, store } = await setup();
    const events: DownloadProgress[] = [];
    const { model, cached, selection } = await store.pull(manifest.id, { onProgress: (p) => events.push(p) });
    expect(cached).toBe(false);
    expect(selection?.variant.name).toBe("int8");
    expect([...model.files].sort()).toEqual(["config.json", "onnx/model_int8.onnx", "tokenizer.json"]);
    for (const path of model.files) {
      const bytes = await cache.readFile(manifest.id, manifest.revision, path);
      const file = manifest.files.find((f) => f.path === path)!;
      expect(bytes.byteLength).toBe(file.size);
      expect(await sha256(bytes)).toBe(file.sha256);
      expect(await requestsFor(manifest, path)).toHaveLength(1);
    }
    expect(await requestsFor(manifest, "onnx/model.onnx")).toHaveLength(0);
    const total = model.bytes;
    expect(events.at(-1)).toMatchObject({ phase: "download", loaded: total, total, eta: 0 });
    for (let i = 1; i < events.length; i++) expect(events[i]!.loaded).toBeGreaterThanOrEqual(events[i - 1]!.loaded);
    expect(await cache.usage()).toEqual({ bytes: total, quota: Number.POSITIVE_INFINITY, models: 1 });
    // A second pull is served from the cache without a request.
    const before = (await commands.modelsLog(server)).length;
    expect((await store.pull(manifest.id, { revision: "main" })).cached).toBe(true);
    expect((await commands.modelsLog(server)).length).toBe(before);
  });

  it("never caches wrong bytes (E_INTEGRITY naming the file) or an HTML 200 page (E_HTTP)", async () => {
    const { manifest, cache, store } = await setup();
    await commands.modelsFault(server, filePath(manifest, "onnx/model_int8.onnx"), [{ kind: "wrong-bytes" }]);
    const integrity = await caught(store.pull(manifest.id));
    expect(integrity.code).toBe("E_INTEGRITY");
    expect(integrity.message).toContain("onnx/model_int8.onnx");
    const bad = manifest.files.find((f) => f.path === "onnx/model_int8.onnx")!;
    expect(await cache.get(manifest.id)).toBeUndefined();
    await expect(cache.readFile(manifest.id, "main", bad.path)).rejects.toMatchObject({ code: "E_NOT_FOUND" });
    // Nothing of the bad file is kept, not even as a partial download to resume from.
    expect((await cache.gc()).removedPartials).toBe(0);

    await commands.modelsFault(server, filePath(manifest, "onnx/model_int8.onnx"), [{ kind: "html" }]);
    const html = await caught(store.pull(manifest.id));
    expect(html.code).toBe("E_HTTP");
    expect(html).toMatchObject({ status: 200 });
    expect(html.message).toMatch(/onnx\/model_int8\.onnx.*HTML page/);
    expect(await cache.get(manifest.id)).toBeUndefined();

    // The same cache then installs the right bytes.
    const { model } = await store.pull(manifest.id);
    expect(await sha256(await cache.readFile(manifest.id, "main", bad.path))).toBe(bad.sha256);
    expect(model.variants).toEqual(["int8"]);
  });

  it("types 404 and a lasting 500 as E_HTTP, and retries a passing 500", async () => {
    const { manifest, store, cache } = await setup();
    const int8 = filePath(manifest, "onnx/model_int8.onnx");
    await commands.modelsFault(server, int8, [{ kind: "status", status: 404 }]);
    const missing = await caught(store.pull(manifest.id));
    expect(missing).toMatchObject({ code: "E_HTTP", status: 404 });
    expect(missing.message).toContain("onnx/model_int8.onnx");

    await commands.modelsFault(
      server,
      int8,
      [1, 2, 3].map(() => ({ kind: "status" as const, status: 500 })),
    );
    const lasting = await caught(store.pull(manifest.id, { retries: 2 }));
    expect(lasting).toMatchObject({ code: "E_HTTP", status: 500 });
    expect(await cache.get(manifest.id)).toBeUndefined();

    await commands.modelsClearLog(server);
    await commands.modelsFault(server, int8, [{ kind: "status", status: 500 }]);
    await store.pull(manifest.id);
    expect((await requestsFor(manifest, "onnx/model_int8.onnx")).map((e) => e.status)).toEqual([500, 200]);
  });

  it("resumes after a dropped connection with Range: no byte is fetched twice", async () => {
    // Past 8 MiB, so the Cache API's partial download holds a whole saved segment when the connection drops.
    const size = 10 * 2 ** 20;
    const cut = 9 * 2 ** 20 + 12_345;
    const { manifest, cache, store } = await setup({ sizes: { fp32: 1000, int8: size } });
    await commands.modelsFault(server, filePath(manifest, "onnx/model_int8.onnx"), [{ kind: "drop", after: cut }]);
    await store.pull(manifest.id);
    const log = await requestsFor(manifest, "onnx/model_int8.onnx");
    expect(log.map((e) => e.status)).toEqual([200, 206]);
    // The browser may drop bytes it had not read yet when the connection closed, so the resume starts at what it
    // kept (at most `cut`), and the second request sends exactly the rest.
    const resumedAt = Number(/^bytes=(\d+)-$/.exec(log[1]?.range ?? "")?.[1]);
    expect(resumedAt).toBeGreaterThan(0);
    expect(resumedAt).toBeLessThanOrEqual(cut);
    expect(log[1]?.sent).toBe(size - resumedAt);
    const file = manifest.files.find((f) => f.path === "onnx/model_int8.onnx")!;
    expect(await sha256(await cache.readFile(manifest.id, "main", file.path))).toBe(file.sha256);
  });

  it("keeps what arrived when a pull fails, and a new session (as after a reload) fetches only the rest", async () => {
    const size = 3 * 2 ** 20;
    const cut = 2 * 2 ** 20 + 777;
    const { manifest, store, name, cacheOptions } = await setup({ sizes: { fp32: 1000, int8: size } });
    const file = manifest.files.find((f) => f.path === "onnx/model_int8.onnx")!;
    // A stall: the browser reads every byte sent before it (1 s of silence is the stall, long enough for a loaded
    // machine to deliver them), so exactly `cut` bytes must be kept.
    await commands.modelsFault(server, filePath(manifest, file.path), [{ kind: "stall", after: cut }]);
    const failed = await caught(store.pull(manifest.id, { retries: 0, stallTimeoutMs: 1000 }));
    expect(failed.code).toBe("E_NETWORK");
    const kept = await partialBytes(kind.name, name, file.sha256);
    expect(kept).toBe(cut);

    const reopened = kind.make(name, cacheOptions);
    const again = createModelStore({ cache: reopened, sources: [hubSource(url)] });
    await again.pull(manifest.id);
    const log = await requestsFor(manifest, file.path);
    expect(log.map((e) => e.range)).toEqual([undefined, `bytes=${kept}-`]);
    expect(log[1]?.sent).toBe(size - kept);
    expect(await sha256(await reopened.readFile(manifest.id, "main", file.path))).toBe(file.sha256);
    expect(await partialBytes(kind.name, name, file.sha256)).toBe(0);
  });

  it("drops a stalled connection after the stall timeout and resumes it", async () => {
    const { manifest, store } = await setup({ sizes: { fp32: 1000, int8: 200_000 } });
    await commands.modelsFault(server, filePath(manifest, "onnx/model_int8.onnx"), [{ kind: "stall", after: 50_000 }]);
    await store.pull(manifest.id, { stallTimeoutMs: 1000 });
    const log = await requestsFor(manifest, "onnx/model_int8.onnx");
    expect(log.map((e) => e.range)).toEqual([undefined, "bytes=50000-"]);
  });

  it("two pulls of one model at once (two stores, one storage) fetch each file once and both succeed", async () => {
    const { manifest, store, name, cacheOptions } = await setup({ sizes: { fp32: 1000, int8: 500_000 } });
    const other = createModelStore({ cache: kind.make(name, cacheOptions), sources: [hubSource(url)] });
    const [a, b] = await Promise.all([store.pull(manifest.id), other.pull(manifest.id)]);
    expect(a.model.files).toEqual(b.model.files);
    for (const path of a.model.files) expect(await requestsFor(manifest, path)).toHaveLength(1);
    expect((await store.cache.list()).map((m) => m.id)).toEqual([manifest.id]);
  });

  it("evicts the least recently used unpinned model over the quota, never a pinned one", async () => {
    let clock = 1000;
    const now = () => ++clock;
    const sizes = { fp32: 1000, int8: 30_000 };
    const first = await setup({ sizes, quota: 75_000, now });
    const others = await Promise.all(
      [1, 2, 3].map(() => commands.modelsServeFixture(server, `web/q-${++counter}`, "main", sizes, counter)),
    );
    const [b, c, d] = others as [ModelManifest, ModelManifest, ModelManifest];
    const { store, cache } = first;
    await store.pull(first.manifest.id);
    await store.pull(b.id);
    await cache.get(first.manifest.id); // used: now b is the least recently used
    await store.pull(c.id);
    expect((await cache.list()).map((m) => m.id)).toEqual([c.id, first.manifest.id]);
    expect((await cache.usage()).bytes).toBeLessThanOrEqual(75_000);

    await cache.pin(first.manifest.id, true);
    await store.pull(d.id);
    expect((await cache.list()).map((m) => m.id).sort()).toEqual([first.manifest.id, d.id].sort());
    expect((await cache.get(first.manifest.id))?.pinned).toBe(true);

    // Pinned models that fill the quota: the next install is refused before any byte is fetched.
    await cache.pin(d.id, true);
    await commands.modelsClearLog(server);
    const refused = await caught(store.pull(b.id));
    expect(refused.code).toBe("E_QUOTA");
    expect((await commands.modelsLog(server)).filter((e) => e.path.includes("/onnx/"))).toEqual([]);
    await cache.pin(d.id, false);
    await store.pull(b.id);
    expect((await cache.list()).map((m) => m.id).sort()).toEqual([first.manifest.id, b.id].sort());
  });

  it("offline: serves a cached model and raises E_OFFLINE for a missing one, never calling fetch", async () => {
    let fetches = 0;
    const counting: FetchLike = (input, init) => {
      fetches++;
      return fetch(input, init);
    };
    const { manifest, cache } = await setup({ fetch: counting });
    await createModelStore({ cache, sources: [hubSource(url, { fetch: counting })] }).pull(manifest.id);
    const online = fetches;
    expect(online).toBeGreaterThan(0);
    const before = (await commands.modelsLog(server)).length;

    const offline = createModelStore({ cache, sources: [hubSource(url, { fetch: counting })], offline: true });
    const hit = await offline.pull(manifest.id);
    expect(hit.cached).toBe(true);
    expect(await sha256(await cache.readFile(manifest.id, "main", "config.json"))).toBe(
      manifest.files.find((f) => f.path === "config.json")!.sha256,
    );
    const miss = await caught(offline.pull("web/never-pulled"));
    expect(miss.code).toBe("E_OFFLINE");
    expect(miss.message).toContain("web/never-pulled");
    expect(fetches).toBe(online);
    expect((await commands.modelsLog(server)).length).toBe(before);
  });

  it("verify finds a damaged file and repairs it by download; gc removes abandoned partial downloads", async () => {
    const { manifest, cache, store, name } = await setup();
    await store.pull(manifest.id);
    const file = manifest.files.find((f) => f.path === "onnx/model_int8.onnx")!;
    expect((await cache.verify(manifest.id)).ok).toBe(true);
    await damage(kind.name, name, file.sha256);
    const found = await store.verify(manifest.id);
    expect(found.ok).toBe(false);
    expect(found.files.find((f) => f.path === file.path)).toEqual({ path: file.path, ok: false, repaired: false });
    await expect(cache.readFile(manifest.id, "main", file.path)).rejects.toMatchObject({ code: "E_NOT_FOUND" });
    const repaired = await store.verify(manifest.id, { repair: true });
    expect(repaired.ok).toBe(true);
    expect(repaired.files.find((f) => f.path === file.path)?.repaired).toBe(true);
    expect(await sha256(await cache.readFile(manifest.id, "main", file.path))).toBe(file.sha256);

    // A failed pull of another model leaves a partial download; once no cached model names it, gc removes it.
    const other = await commands.modelsServeFixture(
      server,
      `web/gc-${++counter}`,
      "main",
      { fp32: 1000, int8: 300_000 },
      counter,
    );
    // A stall rather than a drop: the connection stays open, so the browser reads every byte sent before it.
    await commands.modelsFault(server, filePath(other, "onnx/model_int8.onnx"), [{ kind: "stall", after: 100_000 }]);
    expect((await caught(store.pull(other.id, { retries: 0, stallTimeoutMs: 1000 }))).code).toBe("E_NETWORK");
    // The failed model's small files did arrive: no cached model names them, so gc removes them too.
    const orphans = other.files.filter((f) => f.path !== "onnx/model_int8.onnx" && f.path !== "onnx/model.onnx");
    expect(await cache.gc()).toEqual({
      removedBlobs: orphans.length,
      freedBytes: orphans.reduce((n, f) => n + f.size, 0),
      removedPartials: 1,
    });
    expect((await cache.gc()).removedPartials).toBe(0);
    expect(await cache.remove(manifest.id)).toBe(true);
    expect(await cache.usage()).toMatchObject({ bytes: 0, models: 0 });
  });

  it("gc and remove during a pull (as from another tab) keep the files the pull is installing", async () => {
    const { manifest, cache, store, name, cacheOptions } = await setup({ sizes: { fp32: 1000, int8: 300_000 } });
    const big = manifest.files.find((f) => f.path === "onnx/model_int8.onnx")!;
    const small = manifest.files.filter((f) => f.path === "config.json" || f.path === "tokenizer.json");
    const smallBytes = small.reduce((n, f) => n + f.size, 0);
    // The large file stalls part-way: the small ones are stored by then, and no record names them yet.
    await commands.modelsFault(server, filePath(manifest, big.path), [{ kind: "stall", after: 100_000 }]);
    const other = kind.make(name, cacheOptions);
    let stalled = () => {};
    const reached = new Promise<void>((resolve) => {
      stalled = resolve;
    });
    const pull = store.pull(manifest.id, {
      stallTimeoutMs: 1500,
      onProgress: (p) => {
        if (p.loaded >= smallBytes + 100_000) stalled();
      },
    });
    await reached;
    while ((await other.usage()).bytes < smallBytes) await new Promise((r) => setTimeout(r, 20));
    expect((await other.gc()).removedBlobs).toBe(0);
    expect(await other.remove("web/never-pulled")).toBe(false);
    const { model } = await pull;
    const report = await cache.verify(manifest.id);
    expect(report.files.map((f) => f.ok)).toEqual(model.files.map(() => true));
    expect((await cache.gc()).removedBlobs).toBe(0);
  });

  it("an aborted verify throws E_ABORTED and deletes nothing", async () => {
    const { manifest, cache, store } = await setup();
    await store.pull(manifest.id);
    const controller = new AbortController();
    // Aborted once the first file is checked: the next file's check stops part-way.
    const e = await caught(
      cache.verify(manifest.id, undefined, { signal: controller.signal, onVerifyProgress: () => controller.abort() }),
    );
    expect(e.code).toBe("E_ABORTED");
    const report = await cache.verify(manifest.id);
    expect(report.ok).toBe(true);
    expect(report.files).toHaveLength(3);
  });

  it("a pin() racing with get() calls (which mark the model used) is never undone", async () => {
    const { manifest, cache, store } = await setup();
    await store.pull(manifest.id);
    // Reads and writes spread over the pin: some get() reads the record before the pin writes it.
    const pinned = cache.pin(manifest.id, true);
    const gets: Array<Promise<unknown>> = [];
    for (let i = 0; i < 30; i++) {
      gets.push(cache.get(manifest.id));
      await new Promise((r) => setTimeout(r, 1));
    }
    await Promise.all([pinned, ...gets]);
    expect((await cache.get(manifest.id, undefined, { touch: false }))?.pinned).toBe(true);
  });

  it("opening the storage again after it failed once", async () => {
    counter++;
    const name = `test-retry-${kind.name.replace(/\W/g, "")}-${counter}-${Date.now()}`;
    names.push(name);
    const cache = kind.make(name);
    // The browser refuses once (as when storage is blocked at first); the next call must ask it again.
    const [target, method] =
      kind.name === "OPFS" ? [navigator.storage as object, "getDirectory"] : [caches as object, "open"];
    Object.defineProperty(target, method, {
      configurable: true,
      value: () => Promise.reject(new DOMException("refused for the test", "SecurityError")),
    });
    try {
      expect((await caught(cache.list())).code).toBe("E_CACHE");
    } finally {
      delete (target as Record<string, unknown>)[method];
    }
    expect(await cache.list()).toEqual([]);
  });

  it("the cached files load into an onnxruntime-web session through @hearth/runtime/web", async () => {
    const id = `web/encoder-${++counter}`;
    const manifest = await commands.modelsServeEncoder(server, id);
    const name = `test-encoder-${counter}-${Date.now()}`;
    names.push(name);
    const cache = kind.make(name);
    const { model } = await createModelStore({ cache, sources: [hubSource(url)] }).pull(manifest.id, {
      revision: manifest.revision,
      variant: "fp32",
    });
    const before = (await commands.modelsLog(server)).length;
    const texts = ["hello world", "please send the report by tomorrow"];
    const embed = await pipeline("embed", cachedModelFolder(cache, model), { device: "wasm" });
    const fromCache = await embed.run(texts);
    await embed.dispose();
    const fromNode = await commands.modelsNodeEmbeddings(server, id, texts);
    for (let i = 0; i < texts.length; i++) {
      const a = fromCache[i]!;
      const b = fromNode[i]!;
      expect(a.length).toBe(b.length);
      for (let j = 0; j < a.length; j++) expect(Math.abs(a[j]! - b[j]!)).toBeLessThan(1e-4);
    }
    // Running it asked the network for nothing.
    expect((await commands.modelsLog(server)).length).toBe(before);
  });
});

/** Overwrites one stored blob with other bytes of the same length, as a disk error or another program might. */
async function damage(kind: string, name: string, sha: string): Promise<void> {
  if (kind === "Cache API") {
    const cache = await caches.open(name);
    const key = (await cache.keys()).find((r) => r.url.endsWith(`/blobs/${sha}`));
    if (!key) throw new Error("blob not found");
    const bytes = new Uint8Array(await (await cache.match(key))!.arrayBuffer());
    bytes[0] = bytes[0]! ^ 0xff;
    await cache.put(key, new Response(bytes, { headers: { "x-hearth-size": String(bytes.length) } }));
    return;
  }
  const dir = await (await (await navigator.storage.getDirectory()).getDirectoryHandle(name)).getDirectoryHandle(
    "blobs",
  );
  const handle = await dir.getFileHandle(sha);
  const bytes = new Uint8Array(await (await handle.getFile()).arrayBuffer());
  bytes[0] = bytes[0]! ^ 0xff;
  const w = await handle.createWritable();
  await w.write(bytes);
  await w.close();
}

/** Bytes of the partial download of `sha` in storage, read without the package (0 when there is none). */
async function partialBytes(kind: string, name: string, sha: string): Promise<number> {
  if (kind === "Cache API") {
    const cache = await caches.open(name);
    let n = 0;
    for (const key of await cache.keys()) {
      if (key.url.includes(`/partial/${sha}/`)) n += (await (await cache.match(key))!.blob()).size;
    }
    return n;
  }
  const dir = await (await (await navigator.storage.getDirectory()).getDirectoryHandle(name)).getDirectoryHandle(
    "partial",
  );
  try {
    return (await (await dir.getFileHandle(`${sha}.part`)).getFile()).size;
  } catch {
    return 0;
  }
}
