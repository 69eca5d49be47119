import { type BlobStoreCacheOptions, blobStoreCache } from "../cache/blob-store-cache";
import { webLocks } from "../cache/web-locks";
import type { PartialFile } from "../download/partial-file";
import { readStream } from "../download/read-stream";
import { CacheError } from "../errors/cache-error";
import type { BlobStore } from "../spec/blob-store";
import type { ModelCache } from "../spec/model-cache";
import { storageCall } from "./storage-call";

/** Options of {@link opfsCache}. */
export interface OpfsCacheOptions extends Omit<BlobStoreCacheOptions, "locks"> {
  /** The folder in the origin private file system (default `hearth-models`); two names are two caches. */
  readonly directory?: string;
}

// Directory iteration and `move` are in every browser with OPFS but not in every DOM typing: typed here.
interface IterableDirectory {
  entries(): AsyncIterable<[string, FileSystemHandle]>;
}
interface MovableFile {
  move?(destination: FileSystemDirectoryHandle, name: string): Promise<void>;
}

/**
 * A {@link ModelCache} in the origin private file system: `blobs/<sha256>` files, `records/*.json`, and
 * `partial/<sha256>.part` files a later pull (even after a reload) resumes from. A verified download is moved into
 * `blobs/` in one step, so a blob is either absent or complete. Tabs of one origin share it; Web Locks keep them from
 * downloading one file twice.
 */
export function opfsCache(options: OpfsCacheOptions = {}): ModelCache {
  const directory = options.directory ?? "hearth-models";
  return blobStoreCache(opfsStore(directory), { ...options, locks: webLocks(`hearth-models opfs ${directory}`) });
}

const isNotFound = (e: unknown) => (e as { name?: unknown })?.name === "NotFoundError";

function opfsStore(directory: string): BlobStore {
  const name = `OPFS ${directory}/`;
  let ready:
    | Promise<{
        blobs: FileSystemDirectoryHandle;
        partial: FileSystemDirectoryHandle;
        records: FileSystemDirectoryHandle;
      }>
    | undefined;
  const dirs = () => {
    ready ??= (async () => {
      const storage = (globalThis as { navigator?: { storage?: StorageManager } }).navigator?.storage;
      if (typeof storage?.getDirectory !== "function") {
        throw new CacheError("This context has no origin private file system (navigator.storage.getDirectory).");
      }
      const root = await storageCall(name, "opening the cache folder", async () =>
        (await storage.getDirectory()).getDirectoryHandle(directory, { create: true }),
      );
      const sub = (n: string) => root.getDirectoryHandle(n, { create: true });
      return { blobs: await sub("blobs"), partial: await sub("partial"), records: await sub("records") };
    })().catch((e) => {
      // Not remembered: the next call tries again (storage access may be granted, or space freed, meanwhile).
      ready = undefined;
      throw e;
    });
    return ready;
  };
  const fileIn = async (dir: FileSystemDirectoryHandle, file: string): Promise<File | undefined> => {
    try {
      return await (await dir.getFileHandle(file)).getFile();
    } catch (e) {
      if (isNotFound(e)) return undefined;
      throw e;
    }
  };
  const removeIn = async (dir: FileSystemDirectoryHandle, file: string) => {
    try {
      await dir.removeEntry(file);
    } catch (e) {
      if (!isNotFound(e)) throw e;
    }
  };
  const namesIn = async (dir: FileSystemDirectoryHandle): Promise<string[]> => {
    const out: string[] = [];
    for await (const [n, h] of (dir as unknown as IterableDirectory).entries()) if (h.kind === "file") out.push(n);
    return out;
  };
  const recordFile = (key: string) => `${encodeURIComponent(key)}.json`;

  function partial(sha: string): PartialFile {
    const file = `${sha}.part`;
    let writable: FileSystemWritableFileStream | undefined;
    let base = 0;
    let written = 0;
    let pending: Uint8Array[] = [];
    let pendingBytes = 0;
    const flush = async () => {
      if (pendingBytes === 0) return;
      const { partial: dir } = await dirs();
      if (!writable) {
        const handle = await dir.getFileHandle(file, { create: true });
        base = (await handle.getFile()).size;
        // Writes go to a copy that close() swaps in at once: the file on disk is always a prefix of the download.
        writable = await storageCall(name, `resuming ${sha}`, () => handle.createWritable({ keepExistingData: true }));
        await writable.seek(base);
        written = 0;
      }
      const batch = new Blob(pending as BlobPart[]);
      const n = pendingBytes;
      pending = [];
      pendingBytes = 0;
      const w = writable;
      await storageCall(name, `writing ${sha}`, () => w.write(batch));
      written += n;
    };
    const close = async () => {
      await flush();
      const w = writable;
      writable = undefined;
      if (w) await storageCall(name, `saving ${sha}`, () => w.close());
    };
    const clear = async () => {
      pending = [];
      pendingBytes = 0;
      const w = writable;
      writable = undefined;
      await w?.abort().catch(() => {});
      await removeIn((await dirs()).partial, file);
    };
    return {
      async size() {
        if (writable) return base + written + pendingBytes;
        return ((await fileIn((await dirs()).partial, file))?.size ?? 0) + pendingBytes;
      },
      async rehash(hasher, signal) {
        await close();
        const f = await fileIn((await dirs()).partial, file);
        if (!f) return;
        for await (const chunk of readStream(f.stream())) {
          if (signal?.aborted) return;
          hasher.update(chunk);
        }
      },
      async append(chunk) {
        pending.push(chunk);
        pendingBytes += chunk.byteLength;
        // Batched like the Node cache: one write per MiB rather than per network chunk.
        if (pendingBytes >= 2 ** 20) await flush();
      },
      reset: clear,
      async commit() {
        await close();
        const { partial: from, blobs } = await dirs();
        const handle = await from.getFileHandle(file, { create: true });
        const movable = handle as unknown as MovableFile;
        if (typeof movable.move === "function") {
          await storageCall(name, `installing ${sha}`, () =>
            (movable.move as NonNullable<MovableFile["move"]>).call(handle, blobs, sha),
          );
          return;
        }
        // No move(): copy through a writable, which also lands at once on close(), then drop the partial file.
        const dest = await blobs.getFileHandle(sha, { create: true });
        const out = await storageCall(name, `installing ${sha}`, () => dest.createWritable());
        await storageCall(name, `installing ${sha}`, async () => (await handle.getFile()).stream().pipeTo(out));
        await removeIn(from, file);
      },
      discard: clear,
      close,
    };
  }

  return {
    name,
    async hasBlob(sha) {
      return (await fileIn((await dirs()).blobs, sha)) !== undefined;
    },
    async blobSizes() {
      const { blobs } = await dirs();
      const sizes = new Map<string, number>();
      for (const n of await namesIn(blobs)) {
        const f = await fileIn(blobs, n);
        if (f) sizes.set(n, f.size);
      }
      return sizes;
    },
    async readBlob(sha) {
      const f = await fileIn((await dirs()).blobs, sha);
      return f ? new Uint8Array(await f.arrayBuffer()) : undefined;
    },
    async blobChunks(sha) {
      const f = await fileIn((await dirs()).blobs, sha);
      return f ? readStream(f.stream()) : undefined;
    },
    async removeBlob(sha) {
      await removeIn((await dirs()).blobs, sha);
    },
    partial,
    async partials() {
      return (await namesIn((await dirs()).partial)).filter((n) => n.endsWith(".part")).map((n) => n.slice(0, -5));
    },
    async removePartial(sha) {
      await removeIn((await dirs()).partial, `${sha}.part`);
    },
    async readRecords() {
      const { records } = await dirs();
      const out: unknown[] = [];
      for (const n of await namesIn(records)) {
        if (!n.endsWith(".json")) continue;
        try {
          out.push(JSON.parse((await (await fileIn(records, n))?.text()) ?? "null"));
        } catch {
          // Unreadable: as if absent (the cache ignores invalid records).
        }
      }
      return out;
    },
    async writeRecord(key, record) {
      const { records } = await dirs();
      const body = JSON.stringify(record);
      await storageCall(name, `writing the record of ${key}`, async () => {
        const w = await (await records.getFileHandle(recordFile(key), { create: true })).createWritable();
        await w.write(body);
        await w.close();
      });
    },
    async removeRecord(key) {
      await removeIn((await dirs()).records, recordFile(key));
    },
  };
}
