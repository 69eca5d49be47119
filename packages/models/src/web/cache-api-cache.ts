import { type BlobStoreCacheOptions, blobStoreCache } from "../cache/blob-store-cache";
import { webLocks } from "../cache/web-locks";
import type { PartialFile } from "../download/partial-file";
import { readStream } from "../download/read-stream";
import { CacheError } from "../errors/cache-error";
import type { BlobStore } from "../spec/blob-store";
import type { ModelCache } from "../spec/model-cache";
import { storageCall } from "./storage-call";

/** Options of {@link cacheApiCache}. */
export interface CacheApiCacheOptions extends Omit<BlobStoreCacheOptions, "locks"> {
  /** The Cache Storage cache to use (default `hearth-models`); two names are two independent model caches. */
  readonly cacheName?: string;
}

// A partial download is kept as segments of this size, each its own entry: an interrupted pull (or a closed tab)
// keeps every whole segment, and nothing is rewritten as the file grows.
const SEGMENT_BYTES = 8 * 2 ** 20;

/**
 * A {@link ModelCache} in the browser's Cache Storage (the Cache API): one entry per blob, named by its SHA-256,
 * records as JSON entries, partial downloads as segment entries a later pull (even after a reload) resumes from.
 * Tabs of one origin share it; Web Locks keep them from downloading one file twice.
 */
export function cacheApiCache(options: CacheApiCacheOptions = {}): ModelCache {
  const cacheName = options.cacheName ?? "hearth-models";
  return blobStoreCache(cacheApiStore(cacheName), { ...options, locks: webLocks(`hearth-models cache ${cacheName}`) });
}

function cacheApiStore(cacheName: string): BlobStore {
  const storage = (globalThis as { caches?: CacheStorage }).caches;
  const name = `Cache API "${cacheName}"`;
  let opened: Promise<Cache> | undefined;
  const open = (): Promise<Cache> => {
    if (!storage) {
      throw new CacheError(
        "This context has no Cache Storage (the Cache API needs a secure context: https or localhost).",
      );
    }
    opened ??= storageCall(name, "opening the cache", () => storage.open(cacheName)).catch((e) => {
      // Not remembered: the next call tries again.
      opened = undefined;
      throw e;
    });
    return opened;
  };
  // Entry URLs live under a path of this origin that nothing serves; Cache Storage needs http(s) URLs as keys.
  const origin = (globalThis as { location?: { origin?: string } }).location?.origin ?? "http://localhost";
  const base = `${origin}/.hearth-models/`;
  const blobUrl = (sha: string) => `${base}blobs/${sha}`;
  const partialUrl = (sha: string, offset: number) => `${base}partial/${sha}/${offset}`;
  const recordUrl = (key: string) => `${base}records/${encodeURIComponent(key)}`;
  const keysUnder = async (prefix: string): Promise<string[]> =>
    (await (await open()).keys()).map((r) => r.url).filter((u) => u.startsWith(`${base}${prefix}`));

  const bytesResponse = (body: Blob) =>
    new Response(body, {
      headers: { "content-type": "application/octet-stream", "x-hearth-size": String(body.size) },
    });

  async function segments(sha: string): Promise<Array<{ url: string; offset: number; blob: Blob }>> {
    const cache = await open();
    const out: Array<{ url: string; offset: number; blob: Blob }> = [];
    for (const url of await keysUnder(`partial/${sha}/`)) {
      const res = await cache.match(url);
      if (res) out.push({ url, offset: Number(url.slice(url.lastIndexOf("/") + 1)), blob: await res.blob() });
    }
    out.sort((a, b) => a.offset - b.offset);
    // Segments must tile the file from byte 0: keep the gapless prefix, drop anything after a gap.
    let at = 0;
    const kept = [];
    for (const s of out) {
      if (s.offset !== at) {
        await cache.delete(s.url);
        continue;
      }
      kept.push(s);
      at += s.blob.size;
    }
    return kept;
  }

  function partial(sha: string): PartialFile {
    let saved: Array<{ url: string; offset: number; blob: Blob }> | undefined;
    let pending: Uint8Array[] = [];
    let pendingBytes = 0;
    const load = async () => {
      saved ??= await segments(sha);
      return saved;
    };
    const savedBytes = (list: Array<{ blob: Blob }>) => list.reduce((s, x) => s + x.blob.size, 0);
    const flush = async () => {
      if (pendingBytes === 0) return;
      const list = await load();
      const offset = savedBytes(list);
      const blob = new Blob(pending as BlobPart[]);
      pending = [];
      pendingBytes = 0;
      const url = partialUrl(sha, offset);
      await storageCall(name, `saving part of ${sha}`, async () => (await open()).put(url, bytesResponse(blob)));
      list.push({ url, offset, blob });
    };
    const clear = async () => {
      pending = [];
      pendingBytes = 0;
      const cache = await open();
      for (const url of await keysUnder(`partial/${sha}/`)) await cache.delete(url);
      saved = [];
    };
    return {
      async size() {
        return savedBytes(await load()) + pendingBytes;
      },
      async rehash(hasher, signal) {
        for (const s of await load()) {
          for await (const chunk of readStream(s.blob.stream())) {
            if (signal?.aborted) return;
            hasher.update(chunk);
          }
        }
        for (const chunk of pending) hasher.update(chunk);
      },
      async append(chunk) {
        pending.push(chunk);
        pendingBytes += chunk.byteLength;
        if (pendingBytes >= SEGMENT_BYTES) await flush();
      },
      reset: clear,
      async commit() {
        const list = await load();
        const whole = new Blob([...list.map((s) => s.blob), ...(pending as BlobPart[])]);
        await storageCall(name, `installing ${sha}`, async () =>
          (await open()).put(blobUrl(sha), bytesResponse(whole)),
        );
        await clear();
      },
      discard: clear,
      close: flush,
    };
  }

  return {
    name,
    async hasBlob(sha) {
      return (await (await open()).match(blobUrl(sha))) !== undefined;
    },
    async blobSizes() {
      const cache = await open();
      const sizes = new Map<string, number>();
      for (const url of await keysUnder("blobs/")) {
        const res = await cache.match(url);
        if (!res) continue;
        const header = res.headers.get("x-hearth-size");
        sizes.set(url.slice(url.lastIndexOf("/") + 1), header !== null ? Number(header) : (await res.blob()).size);
      }
      return sizes;
    },
    async readBlob(sha) {
      const res = await (await open()).match(blobUrl(sha));
      return res ? new Uint8Array(await res.arrayBuffer()) : undefined;
    },
    async blobChunks(sha) {
      const res = await (await open()).match(blobUrl(sha));
      return res?.body ? readStream(res.body) : undefined;
    },
    async removeBlob(sha) {
      await (await open()).delete(blobUrl(sha));
    },
    partial,
    async partials() {
      const shas = (await keysUnder("partial/")).map((u) => u.slice(`${base}partial/`.length).split("/")[0] ?? "");
      return [...new Set(shas)].filter((s) => s.length > 0);
    },
    async removePartial(sha) {
      const cache = await open();
      for (const url of await keysUnder(`partial/${sha}/`)) await cache.delete(url);
    },
    async readRecords() {
      const cache = await open();
      const out: unknown[] = [];
      for (const url of await keysUnder("records/")) {
        try {
          out.push(await (await cache.match(url))?.json());
        } catch {
          // Unreadable: as if absent (the cache ignores invalid records).
        }
      }
      return out;
    },
    async writeRecord(key, record) {
      const body = JSON.stringify(record);
      await storageCall(name, `writing the record of ${key}`, async () =>
        (await open()).put(recordUrl(key), new Response(body, { headers: { "content-type": "application/json" } })),
      );
    },
    async removeRecord(key) {
      await (await open()).delete(recordUrl(key));
    },
  };
}
