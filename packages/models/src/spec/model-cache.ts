import type { ManifestFile, ModelManifest, VariantName } from "./manifest";
import type { ModelSource } from "./model-source";
import type { DownloadProgress, Progress } from "./progress";

/** A model (one revision) in the cache. */
export interface CachedModel {
  readonly id: string;
  readonly revision: string;
  readonly manifest: ModelManifest;
  /** Paths of the files present (shared files plus the installed variants' files). */
  readonly files: readonly string[];
  /** Installed variants. */
  readonly variants: readonly VariantName[];
  /** Bytes of the files present. */
  readonly bytes: number;
  readonly pinned: boolean;
  readonly installedAt: number;
  readonly lastUsedAt: number;
  /** On Node: a folder in the Hugging Face layout that `@hearth/runtime` opens directly. */
  readonly path?: string;
}

/** How downloads behave. */
export interface DownloadOptions {
  /** Retries per file after a network error, a stall or a 5xx (default 5). */
  readonly retries?: number;
  /** First backoff in ms; doubles per retry, with full jitter (default 500). */
  readonly backoffMs?: number;
  /** Longest backoff in ms (default 15 000). */
  readonly maxBackoffMs?: number;
  /** A request that delivers no byte for this long is dropped and resumed (default 30 000 ms). */
  readonly stallTimeoutMs?: number;
  /** Files downloaded at once (default 4). */
  readonly concurrency?: number;
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: DownloadProgress) => void;
}

/** What `install` needs: the manifest, which of its files, where to get them. */
export interface InstallRequest extends DownloadOptions {
  readonly manifest: ModelManifest;
  readonly files: readonly ManifestFile[];
  readonly variants: readonly VariantName[];
  readonly source: ModelSource;
  /** Pin on install, so eviction never removes it. */
  readonly pin?: boolean;
}

/** One file's verification result. */
export interface VerifiedFile {
  readonly path: string;
  readonly ok: boolean;
  /** Re-downloaded because its bytes were wrong or missing. */
  readonly repaired: boolean;
}

/** What `verify` found. */
export interface VerifyReport {
  readonly id: string;
  readonly revision: string;
  readonly ok: boolean;
  readonly files: readonly VerifiedFile[];
}

/** What `gc` removed. */
export interface GcReport {
  readonly removedBlobs: number;
  readonly freedBytes: number;
  readonly removedPartials: number;
}

/** Usage against the quota. */
export interface CacheUsage {
  readonly bytes: number;
  /** `Infinity` when unlimited. */
  readonly quota: number;
  readonly models: number;
}

/** Verify options: re-hash every file; with a source, repair by re-downloading what is wrong. */
export interface VerifyOptions extends DownloadOptions {
  readonly repair?: ModelSource;
  readonly onVerifyProgress?: (progress: Progress) => void;
}

/**
 * The model cache: content-addressed files (on Node a folder, `fileCache`; in browsers the Cache API, `cacheApiCache`,
 * or the origin private file system, `opfsCache`), a quota with LRU eviction of unpinned models, pins, verification and garbage collection. Implementations keep two writers (processes, tabs)
 * from corrupting each other.
 */
export interface ModelCache {
  /** Every cached model, most recently used first. */
  list(): Promise<CachedModel[]>;
  /** One model (the most recently used revision when `revision` is absent); marks it used unless `touch` is false. */
  get(id: string, revision?: string, options?: { touch?: boolean }): Promise<CachedModel | undefined>;
  /** Downloads what is missing, verifies it, installs atomically, then evicts LRU models over the quota. */
  install(request: InstallRequest): Promise<CachedModel>;
  /** Reads one file of a cached model. */
  readFile(id: string, revision: string, path: string): Promise<Uint8Array>;
  /** Removes a model; its files go when no other model uses them. Returns whether it was there. */
  remove(id: string, revision?: string): Promise<boolean>;
  /** Pins (or unpins) every cached revision of `id`, or one. */
  pin(id: string, pinned: boolean, revision?: string): Promise<void>;
  verify(id: string, revision?: string, options?: VerifyOptions): Promise<VerifyReport>;
  /** Removes unreferenced files and stale partial downloads. */
  gc(): Promise<GcReport>;
  usage(): Promise<CacheUsage>;
}
