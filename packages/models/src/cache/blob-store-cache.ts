import { downloadFile } from "../download/download-file";
import { mapLimit } from "../download/map-limit";
import { ProgressMeter } from "../download/progress-meter";
import { webCryptoSha256 } from "../download/web-crypto-sha256";
import { AbortedError } from "../errors/aborted-error";
import { InvalidArgumentError } from "../errors/invalid-argument-error";
import { NotFoundError } from "../errors/not-found-error";
import { QuotaError } from "../errors/quota-error";
import { isModelId, isRevision, isSafePath, parseManifest } from "../manifest/parse-manifest";
import type { BlobStore } from "../spec/blob-store";
import type { CacheLocks } from "../spec/cache-locks";
import type { HasherFactory } from "../spec/hasher";
import type { ManifestFile, ModelManifest, VariantName } from "../spec/manifest";
import type {
  CachedModel,
  CacheUsage,
  DownloadOptions,
  GcReport,
  InstallRequest,
  ModelCache,
  VerifiedFile,
  VerifyOptions,
  VerifyReport,
} from "../spec/model-cache";
import type { ModelSource } from "../spec/model-source";
import { memoryLocks } from "./memory-locks";

/** Options of {@link blobStoreCache}. */
export interface BlobStoreCacheOptions {
  /** Most bytes the cache may hold; least recently used unpinned models are evicted past it (default: unlimited). */
  readonly quota?: number;
  /** SHA-256 per file (default: {@link webCryptoSha256}: WebCrypto up to 128 MiB per file, @noble/hashes past it). */
  readonly hasher?: HasherFactory;
  /** Locks between writers (default: in-realm only; the browser caches pass Web Locks). */
  readonly locks?: CacheLocks;
  /** The clock for last-used times (tests pin it). */
  readonly now?: () => number;
}

interface ModelRecord {
  schema: 1;
  id: string;
  revision: string;
  manifest: ModelManifest;
  files: string[];
  variants: VariantName[];
  pinned: boolean;
  installedAt: number;
  lastUsedAt: number;
}

/**
 * Blobs an install in progress owns before its record names them (written under the `cache` lock before the first
 * download). It counts while its owner holds the model's lock; one left by a closed tab is dropped by the next gc.
 */
interface PendingInstall {
  schema: 1;
  pending: true;
  owner: string;
  blobs: string[];
}

const keyOf = (id: string, revision: string) => `${id.replace("/", "+")}@${revision}`;
const pendingKeyOf = (key: string) => `${key}.pending`;
const isPending = (v: unknown): v is PendingInstall => {
  const p = v as PendingInstall;
  return p?.schema === 1 && p.pending === true && typeof p.owner === "string" && Array.isArray(p.blobs);
};

function asRecord(value: unknown): ModelRecord | undefined {
  try {
    const r = value as ModelRecord;
    if (r?.schema !== 1 || !isModelId(r.id) || !isRevision(r.revision)) return undefined;
    parseManifest(r.manifest);
    if (!Array.isArray(r.files) || !r.files.every(isSafePath)) return undefined;
    return r;
  } catch {
    // A damaged record is as if absent: its blobs are garbage to gc, and the next pull reinstalls the model.
    return undefined;
  }
}

/**
 * A {@link ModelCache} over any {@link BlobStore}: content-addressed blobs, one record per model revision, a quota
 * with LRU eviction of unpinned models, pins, verify (re-hash; repair by re-download) and gc. Downloads resume from
 * the store's partial files and commit only verified bytes; `locks` keep two writers (tabs) from fetching one file
 * twice or racing on the records.
 */
export function blobStoreCache(store: BlobStore, options: BlobStoreCacheOptions = {}): ModelCache {
  const quota = options.quota ?? Number.POSITIVE_INFINITY;
  if (!(quota > 0)) throw new InvalidArgumentError(`Cache quota must be a positive number of bytes, got ${quota}.`);
  const hasher = options.hasher ?? webCryptoSha256();
  const locks = options.locks ?? memoryLocks();
  const now = options.now ?? (() => Date.now());

  async function readRecords(): Promise<ModelRecord[]> {
    const out: ModelRecord[] = [];
    for (const value of await store.readRecords()) {
      const r = asRecord(value);
      if (r) out.push(r);
    }
    return out;
  }

  const writeRecord = (r: ModelRecord) => store.writeRecord(keyOf(r.id, r.revision), r);
  const fileOf = (r: ModelRecord, path: string): ManifestFile | undefined =>
    r.manifest.files.find((f) => f.path === path);

  const toModel = (r: ModelRecord): CachedModel => ({
    id: r.id,
    revision: r.revision,
    manifest: r.manifest,
    files: r.files,
    variants: r.variants,
    bytes: r.files.reduce((s, p) => s + (fileOf(r, p)?.size ?? 0), 0),
    pinned: r.pinned,
    installedAt: r.installedAt,
    lastUsedAt: r.lastUsedAt,
  });

  async function findRecord(id: string, revision?: string): Promise<ModelRecord | undefined> {
    const all = (await readRecords()).filter((r) => r.id === id && (revision === undefined || r.revision === revision));
    return all.sort((a, b) => b.lastUsedAt - a.lastUsedAt)[0];
  }

  /** Blobs of installs in progress; forgets those whose install ended without cleaning up. Caller holds `cache`. */
  async function pendingBlobs(): Promise<Set<string>> {
    const owned = new Set<string>();
    for (const value of await store.readRecords()) {
      if (!isPending(value)) continue;
      if (await locks.held(value.owner)) for (const sha of value.blobs) owned.add(sha);
      else await store.removeRecord(pendingKeyOf(value.owner));
    }
    return owned;
  }

  /** Removes blobs no record names and no install in progress owns. Caller holds `cache`. */
  async function dropOrphans(records: ModelRecord[]): Promise<{ count: number; bytes: number }> {
    const referenced = new Set<string | undefined>(records.flatMap((r) => r.files.map((p) => fileOf(r, p)?.sha256)));
    for (const sha of await pendingBlobs()) referenced.add(sha);
    let count = 0;
    let bytes = 0;
    for (const [sha, size] of await store.blobSizes()) {
      if (referenced.has(sha)) continue;
      await store.removeBlob(sha);
      count++;
      bytes += size;
    }
    return { count, bytes };
  }

  const total = async () => [...(await store.blobSizes()).values()].reduce((s, n) => s + n, 0);

  /** Evicts least recently used unpinned models (never `keep`) until the blobs fit the quota. Caller holds `cache`. */
  async function evict(keep: string): Promise<void> {
    if (!Number.isFinite(quota)) return;
    let records = await readRecords();
    let used = await total();
    const victims = records
      .filter((r) => !r.pinned && keyOf(r.id, r.revision) !== keep)
      .sort((a, b) => a.lastUsedAt - b.lastUsedAt);
    for (const victim of victims) {
      if (used <= quota) break;
      await store.removeRecord(keyOf(victim.id, victim.revision));
      records = records.filter((r) => r !== victim);
      await dropOrphans(records);
      used = await total();
    }
  }

  /** Refuses, before any download, an install that cannot fit even after evicting every unpinned model. */
  async function planFits(keep: string, incoming: Map<string, number>): Promise<void> {
    if (!Number.isFinite(quota)) return;
    const records = await readRecords();
    const sizes = await store.blobSizes();
    const stays = new Set<string>(incoming.keys());
    for (const r of records) {
      if (!r.pinned && keyOf(r.id, r.revision) !== keep) continue;
      for (const p of r.files) stays.add(fileOf(r, p)?.sha256 ?? "");
    }
    let after = 0;
    for (const sha of stays) after += sizes.get(sha) ?? incoming.get(sha) ?? 0;
    if (after > quota) {
      throw new QuotaError(
        `Installing needs ${after} bytes in ${store.name} counting pinned models, over the ${quota}-byte quota. Unpin or remove models, or raise the quota; nothing was downloaded.`,
      );
    }
  }

  async function fetchFiles(
    label: string,
    manifest: ModelManifest,
    files: readonly ManifestFile[],
    source: ModelSource,
    o: DownloadOptions,
    meter: ProgressMeter,
  ): Promise<void> {
    const unique = [...new Map(files.map((f) => [f.sha256, f])).values()];
    await mapLimit(unique, o.concurrency ?? 4, async (file) => {
      if (await store.hasBlob(file.sha256)) {
        meter.update(file.path, file.size, true);
        return;
      }
      // Two models (or two tabs) may want one file: its lock keeps them from writing one partial file at once.
      await locks.run(
        `blob-${file.sha256}`,
        async () => {
          if (await store.hasBlob(file.sha256)) return;
          await downloadFile({
            file,
            label: `${label} ${file.path}`,
            open: (offset, signal) => source.open(manifest, file, offset, signal),
            partial: store.partial(file.sha256),
            hasher,
            ...pickDownload(o),
            onBytes: (n) => meter.update(file.path, n),
          });
        },
        o.signal,
      );
      meter.update(file.path, file.size, true);
    });
  }

  async function hashMatches(file: ManifestFile, signal?: AbortSignal): Promise<boolean> {
    const chunks = await store.blobChunks(file.sha256);
    if (!chunks) return false;
    const h = hasher();
    let n = 0;
    for await (const chunk of chunks) {
      // Not `false`: the caller deletes a blob that does not match, and an aborted check says nothing about it.
      if (signal?.aborted) throw new AbortedError();
      h.update(chunk);
      n += chunk.byteLength;
    }
    if (signal?.aborted) throw new AbortedError();
    return n === file.size && (await h.digestHex()) === file.sha256;
  }

  return {
    async list(): Promise<CachedModel[]> {
      return (await readRecords()).sort((a, b) => b.lastUsedAt - a.lastUsedAt).map(toModel);
    },

    async get(id: string, revision?: string, o: { touch?: boolean } = {}): Promise<CachedModel | undefined> {
      if (o.touch === false) {
        const r = await findRecord(id, revision);
        return r ? toModel(r) : undefined;
      }
      // Read and rewritten under the lock: a record read before a concurrent pin() and written after would unpin it.
      return locks.run("cache", async () => {
        const r = await findRecord(id, revision);
        if (!r) return undefined;
        r.lastUsedAt = Math.max(now(), r.lastUsedAt);
        await writeRecord(r);
        return toModel(r);
      });
    },

    async install(request: InstallRequest): Promise<CachedModel> {
      const manifest = parseManifest(request.manifest);
      const key = keyOf(manifest.id, manifest.revision);
      const label = `${manifest.id}@${manifest.revision}`;
      return locks.run(
        key,
        async () => {
          const existing = await findRecord(manifest.id, manifest.revision);
          const paths = new Set([...(existing?.files ?? []), ...request.files.map((f) => f.path)]);
          const files = manifest.files.filter((f) => paths.has(f.path));
          const pendingKey = pendingKeyOf(key);
          try {
            await locks.run(
              "cache",
              async () => {
                // Owned before the first byte is written: gc, remove and eviction (in any tab) keep these blobs until
                // the record names them, including ones present now that no record names (or a concurrent remove
                // is about to orphan).
                const pending: PendingInstall = {
                  schema: 1,
                  pending: true,
                  owner: key,
                  blobs: files.map((f) => f.sha256),
                };
                await store.writeRecord(pendingKey, pending);
                const missing: ManifestFile[] = [];
                for (const f of files) if (!(await store.hasBlob(f.sha256))) missing.push(f);
                await planFits(key, new Map(missing.map((f) => [f.sha256, f.size])));
              },
              request.signal,
            );
            const meter = new ProgressMeter(
              files.reduce((s, f) => s + f.size, 0),
              request.onProgress,
            );
            await fetchFiles(label, manifest, files, request.source, request, meter);
            return await locks.run(
              "cache",
              async () => {
                const t = now();
                // Read again under the lock: a pin() since the install began must not be undone.
                const current = await findRecord(manifest.id, manifest.revision);
                const record: ModelRecord = {
                  schema: 1,
                  id: manifest.id,
                  revision: manifest.revision,
                  manifest,
                  files: files.map((f) => f.path),
                  variants: [...new Set([...(current?.variants ?? []), ...request.variants])],
                  pinned: request.pin ?? current?.pinned ?? false,
                  installedAt: current?.installedAt ?? t,
                  lastUsedAt: Math.max(t, current?.lastUsedAt ?? 0),
                };
                await writeRecord(record);
                await store.removeRecord(pendingKey);
                await evict(key);
                return toModel(record);
              },
              request.signal,
            );
          } catch (e) {
            // Its blobs become ordinary orphans. (A tab closed mid-install leaves the entry; gc drops it, as
            // its owner's lock is gone.)
            await store.removeRecord(pendingKey).catch(() => {});
            throw e;
          }
        },
        request.signal,
      );
    },

    async readFile(id: string, revision: string, path: string): Promise<Uint8Array> {
      const r = await findRecord(id, revision);
      const f = r?.files.includes(path) ? fileOf(r, path) : undefined;
      const bytes = f ? await store.readBlob(f.sha256) : undefined;
      if (!bytes) throw new NotFoundError(`${id}@${revision} has no cached file ${path} in ${store.name}.`);
      return bytes;
    },

    async remove(id: string, revision?: string): Promise<boolean> {
      return locks.run("cache", async () => {
        const records = await readRecords();
        const gone = records.filter((r) => r.id === id && (revision === undefined || r.revision === revision));
        for (const r of gone) await store.removeRecord(keyOf(r.id, r.revision));
        await dropOrphans(records.filter((r) => !gone.includes(r)));
        return gone.length > 0;
      });
    },

    async pin(id: string, pinned: boolean, revision?: string): Promise<void> {
      await locks.run("cache", async () => {
        const records = (await readRecords()).filter(
          (r) => r.id === id && (revision === undefined || r.revision === revision),
        );
        if (records.length === 0)
          throw new NotFoundError(`${revision ? `${id}@${revision}` : id} is not in the cache.`);
        for (const r of records) await writeRecord({ ...r, pinned });
      });
    },

    async verify(id: string, revision?: string, o: VerifyOptions = {}): Promise<VerifyReport> {
      const r = await findRecord(id, revision);
      if (!r) throw new NotFoundError(`${revision ? `${id}@${revision}` : id} is not in the cache.`);
      const label = `${r.id}@${r.revision}`;
      return locks.run(
        keyOf(r.id, r.revision),
        async () => {
          const files = r.files.map((p) => fileOf(r, p)).filter((f): f is ManifestFile => f !== undefined);
          const all = files.reduce((s, f) => s + f.size, 0);
          let done = 0;
          const results: VerifiedFile[] = [];
          for (const f of files) {
            const ok = await hashMatches(f, o.signal);
            done += f.size;
            o.onVerifyProgress?.({ phase: "verify", loaded: done, total: all });
            if (ok) {
              results.push({ path: f.path, ok: true, repaired: false });
              continue;
            }
            // A damaged blob is never served again: it goes before anything else happens.
            await store.removeBlob(f.sha256);
            if (!o.repair) {
              results.push({ path: f.path, ok: false, repaired: false });
              continue;
            }
            await fetchFiles(label, r.manifest, [f], o.repair, o, new ProgressMeter(f.size, o.onProgress));
            results.push({ path: f.path, ok: true, repaired: true });
          }
          return { id: r.id, revision: r.revision, ok: results.every((x) => x.ok), files: results };
        },
        o.signal,
      );
    },

    async gc(): Promise<GcReport> {
      return locks.run("cache", async () => {
        const records = await readRecords();
        const { count, bytes } = await dropOrphans(records);
        const referenced = new Set(records.flatMap((r) => r.manifest.files.map((f) => f.sha256)));
        let removedPartials = 0;
        for (const sha of await store.partials()) {
          // A partial download in progress holds its blob lock; one of a known model is kept for a resume.
          if (referenced.has(sha) || (await locks.held(`blob-${sha}`))) continue;
          await store.removePartial(sha);
          removedPartials++;
        }
        return { removedBlobs: count, freedBytes: bytes, removedPartials };
      });
    },

    async usage(): Promise<CacheUsage> {
      return { bytes: await total(), quota, models: (await readRecords()).length };
    },
  };
}

function pickDownload(o: DownloadOptions) {
  return {
    ...(o.retries !== undefined ? { retries: o.retries } : {}),
    ...(o.backoffMs !== undefined ? { backoffMs: o.backoffMs } : {}),
    ...(o.maxBackoffMs !== undefined ? { maxBackoffMs: o.maxBackoffMs } : {}),
    ...(o.stallTimeoutMs !== undefined ? { stallTimeoutMs: o.stallTimeoutMs } : {}),
    ...(o.signal ? { signal: o.signal } : {}),
  };
}
