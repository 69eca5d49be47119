import { createReadStream, existsSync } from "node:fs";
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { downloadFile } from "../download/download-file";
import { mapLimit } from "../download/map-limit";
import { ProgressMeter } from "../download/progress-meter";
import { AbortedError } from "../errors/aborted-error";
import { CacheError } from "../errors/cache-error";
import { InvalidArgumentError } from "../errors/invalid-argument-error";
import { NotFoundError } from "../errors/not-found-error";
import { QuotaError } from "../errors/quota-error";
import { isModelId, isRevision, isSafePath, parseManifest } from "../manifest/parse-manifest";
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
import { acquireLock, type HeldLock, lockHeld } from "./file-lock";
import { filePartial, linkOrCopy } from "./file-partial";
import { nodeSha256 } from "./node-sha256";

/** The on-disk layout version (the `VERSION` file); a cache of another version is refused, never rewritten. */
export const CACHE_LAYOUT_VERSION = 1;

/** Options of {@link fileCache}. */
export interface FileCacheOptions {
  /** The cache folder (created if missing). */
  readonly root: string;
  /** Most bytes the cache may hold; least recently used unpinned models are evicted past it (default: unlimited). */
  readonly quota?: number;
  readonly hasher?: HasherFactory;
  /** How long to wait for another process's lock (default 10 minutes). */
  readonly lockTimeoutMs?: number;
  /** A lock untouched this long is taken over (default 60 s). */
  readonly staleLockMs?: number;
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
 * Blobs an install in progress owns before its record names them (`models/<key>.pending`, written under the cache
 * lock before the first download). It counts while its owner holds the model's lock; one left by a dead process is
 * dropped by the next gc.
 */
interface PendingInstall {
  blobs: string[];
}

const keyOf = (id: string, revision: string) => `${id.replace("/", "+")}@${revision}`;

/**
 * The Node model cache: content-addressed blobs (`blobs/<sha256>`), one record per model revision, and per model a
 * snapshot folder of hard links in the Hugging Face layout that @hearth/runtime opens directly. Downloads resume
 * from `partial/`, installs are atomic, a lock file per model keeps two processes from fetching it twice or
 * corrupting it, and a quota evicts the least recently used unpinned models.
 */
export function fileCache(
  options: FileCacheOptions,
): ModelCache & { readonly root: string; snapshotPath(id: string, revision: string): string } {
  const root = options.root;
  const quota = options.quota ?? Number.POSITIVE_INFINITY;
  if (!(quota > 0)) throw new InvalidArgumentError(`Cache quota must be a positive number of bytes, got ${quota}.`);
  const hasher = options.hasher ?? nodeSha256;
  const now = options.now ?? (() => Date.now());
  const dirs = {
    blobs: join(root, "blobs"),
    partial: join(root, "partial"),
    models: join(root, "models"),
    snapshots: join(root, "snapshots"),
    locks: join(root, "locks"),
  };
  const blobPath = (sha: string) => join(dirs.blobs, sha);
  const snapshotPath = (id: string, revision: string) => join(dirs.snapshots, keyOf(id, revision));
  let ready: Promise<void> | undefined;

  function init(): Promise<void> {
    ready ??= (async () => {
      for (const d of Object.values(dirs)) await mkdir(d, { recursive: true });
      const versionFile = join(root, "VERSION");
      let text: string | undefined;
      try {
        text = await readFile(versionFile, "utf8");
      } catch {
        // Written aside and renamed: another process starting at the same moment never reads a half-written file.
        const tmp = `${versionFile}.${process.pid}.tmp`;
        await writeFile(tmp, `${CACHE_LAYOUT_VERSION}\n`);
        await rename(tmp, versionFile);
        return;
      }
      if (text.trim() !== String(CACHE_LAYOUT_VERSION)) {
        throw new CacheError(
          `${root} is a model cache of layout ${text.trim()}; this version reads ${CACHE_LAYOUT_VERSION}. Use another folder or upgrade.`,
        );
      }
    })().catch((e) => {
      // Not remembered: a later call tries again (the folder may have been created or freed meanwhile).
      ready = undefined;
      throw e;
    });
    return ready;
  }

  const lock = (name: string, signal?: AbortSignal): Promise<HeldLock> =>
    acquireLock(join(dirs.locks, `${name}.lock`), {
      ...(options.lockTimeoutMs !== undefined ? { timeoutMs: options.lockTimeoutMs } : {}),
      ...(options.staleLockMs !== undefined ? { staleMs: options.staleLockMs } : {}),
      ...(signal ? { signal } : {}),
    });

  async function withLock<T>(name: string, fn: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    const held = await lock(name, signal);
    try {
      return await fn();
    } finally {
      held.release();
    }
  }

  async function readRecords(): Promise<ModelRecord[]> {
    await init();
    const out: ModelRecord[] = [];
    for (const name of await readdir(dirs.models)) {
      if (!name.endsWith(".json")) continue;
      try {
        const r = JSON.parse(await readFile(join(dirs.models, name), "utf8")) as ModelRecord;
        if (r.schema !== 1 || !isModelId(r.id) || !isRevision(r.revision)) continue;
        parseManifest(r.manifest);
        if (!r.files.every(isSafePath)) continue;
        out.push(r);
      } catch {
        // A damaged record is as if absent: its files are garbage to gc, and the next pull reinstalls the model.
      }
    }
    return out;
  }

  async function writeRecord(r: ModelRecord): Promise<void> {
    const file = join(dirs.models, `${keyOf(r.id, r.revision)}.json`);
    const tmp = `${file}.${process.pid}.tmp`;
    await writeFile(tmp, `${JSON.stringify(r, null, 1)}\n`);
    await rename(tmp, file);
  }

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
    path: snapshotPath(r.id, r.revision),
  });

  async function findRecord(id: string, revision?: string): Promise<ModelRecord | undefined> {
    const all = (await readRecords()).filter((r) => r.id === id && (revision === undefined || r.revision === revision));
    return all.sort((a, b) => b.lastUsedAt - a.lastUsedAt)[0];
  }

  async function blobBytes(): Promise<Map<string, number>> {
    await init();
    const sizes = new Map<string, number>();
    for (const name of await readdir(dirs.blobs)) {
      try {
        sizes.set(name, (await stat(join(dirs.blobs, name))).size);
      } catch {
        // Removed meanwhile.
      }
    }
    return sizes;
  }

  const pendingFile = (key: string) => join(dirs.models, `${key}.pending`);

  /** Blobs of installs in progress; forgets those whose install ended without cleaning up. Caller holds `cache`. */
  async function pendingBlobs(): Promise<Set<string>> {
    const owned = new Set<string>();
    for (const name of await readdir(dirs.models)) {
      if (!name.endsWith(".pending")) continue;
      const owner = name.slice(0, -".pending".length);
      if (!lockHeld(join(dirs.locks, `${owner}.lock`), options.staleLockMs)) {
        await rm(join(dirs.models, name), { force: true });
        continue;
      }
      try {
        const p = JSON.parse(await readFile(join(dirs.models, name), "utf8")) as PendingInstall;
        for (const sha of p.blobs) owned.add(sha);
      } catch {
        // Removed meanwhile (the install committed).
      }
    }
    return owned;
  }

  /** Removes blobs no record names and no install in progress owns. Caller holds `cache`. */
  async function dropOrphans(records: ModelRecord[]): Promise<{ count: number; bytes: number }> {
    const referenced = new Set<string | undefined>(records.flatMap((r) => r.files.map((p) => fileOf(r, p)?.sha256)));
    for (const sha of await pendingBlobs()) referenced.add(sha);
    let count = 0;
    let bytes = 0;
    for (const [sha, size] of await blobBytes()) {
      if (referenced.has(sha)) continue;
      await rm(blobPath(sha), { force: true });
      count++;
      bytes += size;
    }
    return { count, bytes };
  }

  async function removeRecord(r: ModelRecord): Promise<void> {
    await rm(join(dirs.models, `${keyOf(r.id, r.revision)}.json`), { force: true });
    await rm(snapshotPath(r.id, r.revision), { recursive: true, force: true });
  }

  /** Evicts least recently used unpinned models (never `keep`) until the blobs fit the quota. Caller holds `cache`. */
  async function evict(keep: string): Promise<void> {
    if (!Number.isFinite(quota)) return;
    let records = await readRecords();
    const total = async () => [...(await blobBytes()).values()].reduce((s, n) => s + n, 0);
    let used = await total();
    const victims = records
      .filter((r) => !r.pinned && keyOf(r.id, r.revision) !== keep)
      .sort((a, b) => a.lastUsedAt - b.lastUsedAt);
    for (const victim of victims) {
      if (used <= quota) break;
      await removeRecord(victim);
      records = records.filter((r) => r !== victim);
      await dropOrphans(records);
      used = await total();
    }
  }

  /** Bytes that evicting every unpinned model except `keep` would free, given blobs `incoming` will be added. */
  async function planFits(keep: string, incoming: Map<string, number>): Promise<void> {
    if (!Number.isFinite(quota)) return;
    const records = await readRecords();
    const sizes = await blobBytes();
    const stays = new Set<string>(incoming.keys());
    for (const r of records) {
      if (!r.pinned && keyOf(r.id, r.revision) !== keep) continue;
      for (const p of r.files) stays.add(fileOf(r, p)?.sha256 ?? "");
    }
    let after = 0;
    for (const sha of stays) after += sizes.get(sha) ?? incoming.get(sha) ?? 0;
    if (after > quota) {
      throw new QuotaError(
        `Installing needs ${after} bytes in the cache counting pinned models, over the ${quota}-byte quota. Unpin or remove models, or raise the quota; nothing was downloaded.`,
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
      if (existsSync(blobPath(file.sha256))) {
        meter.update(file.path, file.size, true);
        return;
      }
      // Two models may share a file: the blob lock keeps their downloads of it from writing one partial file at once.
      await withLock(
        `blob-${file.sha256}`,
        async () => {
          if (existsSync(blobPath(file.sha256))) return;
          await downloadFile({
            file,
            label: `${label} ${file.path}`,
            open: (offset, signal) => source.open(manifest, file, offset, signal),
            partial: filePartial(join(dirs.partial, `${file.sha256}.part`), blobPath(file.sha256)),
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

  async function link(r: ModelRecord): Promise<void> {
    for (const p of r.files) {
      const f = fileOf(r, p);
      if (f) await linkOrCopy(blobPath(f.sha256), join(snapshotPath(r.id, r.revision), ...p.split("/")));
    }
  }

  const cache = {
    root,
    snapshotPath,

    async list(): Promise<CachedModel[]> {
      return (await readRecords()).sort((a, b) => b.lastUsedAt - a.lastUsedAt).map(toModel);
    },

    async get(id: string, revision?: string, o: { touch?: boolean } = {}): Promise<CachedModel | undefined> {
      if (o.touch === false) {
        const r = await findRecord(id, revision);
        return r ? toModel(r) : undefined;
      }
      // Read and rewritten under the lock: a record read before a concurrent pin() and written after would unpin it.
      return withLock("cache", async () => {
        const r = await findRecord(id, revision);
        if (!r) return undefined;
        r.lastUsedAt = Math.max(now(), r.lastUsedAt);
        await writeRecord(r);
        return toModel(r);
      });
    },

    async install(request: InstallRequest): Promise<CachedModel> {
      await init();
      const manifest = parseManifest(request.manifest);
      const key = keyOf(manifest.id, manifest.revision);
      const label = `${manifest.id}@${manifest.revision}`;
      return withLock(
        key,
        async () => {
          const existing = await findRecord(manifest.id, manifest.revision);
          const paths = new Set([...(existing?.files ?? []), ...request.files.map((f) => f.path)]);
          const files = manifest.files.filter((f) => paths.has(f.path));
          const pending = pendingFile(key);
          try {
            await withLock(
              "cache",
              async () => {
                // Owned before the first byte is written: gc, remove and eviction (in any process) keep these blobs
                // until the record names them, including ones present now that no record names.
                const tmp = `${pending}.${process.pid}.tmp`;
                await writeFile(tmp, JSON.stringify({ blobs: files.map((f) => f.sha256) } satisfies PendingInstall));
                await rename(tmp, pending);
                const missing = files.filter((f) => !existsSync(blobPath(f.sha256)));
                await planFits(key, new Map(missing.map((f) => [f.sha256, f.size])));
              },
              request.signal,
            );
            const meter = new ProgressMeter(
              files.reduce((s, f) => s + f.size, 0),
              request.onProgress,
            );
            await fetchFiles(label, manifest, files, request.source, request, meter);
            return await withLock(
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
                await link(record);
                await writeRecord(record);
                await rm(pending, { force: true });
                await evict(key);
                return toModel(record);
              },
              request.signal,
            );
          } catch (e) {
            // Its blobs become ordinary orphans. (A process killed mid-install leaves the file; gc drops it once
            // the model's lock is gone or stale.)
            await rm(pending, { force: true }).catch(() => {});
            throw e;
          }
        },
        request.signal,
      );
    },

    async readFile(id: string, revision: string, path: string): Promise<Uint8Array> {
      const r = await findRecord(id, revision);
      const f = r?.files.includes(path) ? fileOf(r, path) : undefined;
      if (!f) throw new NotFoundError(`${id}@${revision} has no cached file ${path}.`);
      return new Uint8Array(await readFile(blobPath(f.sha256)));
    },

    async remove(id: string, revision?: string): Promise<boolean> {
      return withLock("cache", async () => {
        const records = await readRecords();
        const gone = records.filter((r) => r.id === id && (revision === undefined || r.revision === revision));
        for (const r of gone) await removeRecord(r);
        await dropOrphans(records.filter((r) => !gone.includes(r)));
        return gone.length > 0;
      });
    },

    async pin(id: string, pinned: boolean, revision?: string): Promise<void> {
      await withLock("cache", async () => {
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
      return withLock(
        keyOf(r.id, r.revision),
        async () => {
          const files = r.files.map((p) => fileOf(r, p)).filter((f): f is ManifestFile => f !== undefined);
          const total = files.reduce((s, f) => s + f.size, 0);
          let done = 0;
          const results: VerifiedFile[] = [];
          for (const f of files) {
            const ok = await hashMatches(blobPath(f.sha256), f, hasher, o.signal);
            done += f.size;
            o.onVerifyProgress?.({ phase: "verify", loaded: done, total });
            if (ok) {
              results.push({ path: f.path, ok: true, repaired: false });
              continue;
            }
            // A damaged blob is never served again: remove it, and its links, before anything else.
            await rm(blobPath(f.sha256), { force: true });
            await rm(join(snapshotPath(r.id, r.revision), ...f.path.split("/")), { force: true });
            if (!o.repair) {
              results.push({ path: f.path, ok: false, repaired: false });
              continue;
            }
            await fetchFiles(label, r.manifest, [f], o.repair, o, new ProgressMeter(f.size, o.onProgress));
            results.push({ path: f.path, ok: true, repaired: true });
          }
          await link({ ...r, files: r.files.filter((p) => existsSync(blobPath(fileOf(r, p)?.sha256 ?? ""))) });
          return { id: r.id, revision: r.revision, ok: results.every((x) => x.ok), files: results };
        },
        o.signal,
      );
    },

    async gc(): Promise<GcReport> {
      return withLock("cache", async () => {
        const records = await readRecords();
        const { count, bytes } = await dropOrphans(records);
        const keys = new Set(records.map((r) => keyOf(r.id, r.revision)));
        for (const name of await readdir(dirs.snapshots)) {
          if (!keys.has(name)) await rm(join(dirs.snapshots, name), { recursive: true, force: true });
        }
        const referenced = new Set(records.flatMap((r) => r.manifest.files.map((f) => f.sha256)));
        let removedPartials = 0;
        for (const name of await readdir(dirs.partial)) {
          const sha = name.replace(/\.part$/, "");
          // A partial download in progress holds its blob lock; one of a known model is kept for a resume.
          if (existsSync(join(dirs.locks, `blob-${sha}.lock`)) || referenced.has(sha)) continue;
          await rm(join(dirs.partial, name), { force: true });
          removedPartials++;
        }
        return { removedBlobs: count, freedBytes: bytes, removedPartials };
      });
    },

    async usage(): Promise<CacheUsage> {
      const bytes = [...(await blobBytes()).values()].reduce((s, n) => s + n, 0);
      return { bytes, quota, models: (await readRecords()).length };
    },
  };
  return cache;
}

async function hashMatches(
  path: string,
  file: ManifestFile,
  hasher: HasherFactory,
  signal?: AbortSignal,
): Promise<boolean> {
  try {
    if ((await stat(path)).size !== file.size) return false;
    const h = hasher();
    for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20, ...(signal ? { signal } : {}) }))
      h.update(chunk as Buffer);
    if (signal?.aborted) throw new AbortedError();
    return (await h.digestHex()) === file.sha256;
  } catch (e) {
    // Typed, never `false`: the caller deletes a file that does not match, and an aborted check says nothing of it.
    if (signal?.aborted && !(e instanceof AbortedError)) throw new AbortedError(undefined, { cause: e });
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return false;
    throw e;
  }
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
