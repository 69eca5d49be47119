/**
 * @hearth/models/web: model caches in the browser, in Cache Storage ({@link cacheApiCache}) or the origin private
 * file system ({@link opfsCache}), both with quota + LRU eviction, pins, verify, gc, resumable downloads and Web
 * Locks between tabs. Pair them with `createModelStore` and `hubSource` / `httpSource` from `@hearth/models`, or use
 * {@link createWebModelStore}.
 *
 * @packageDocumentation
 */
import type { SelectOptions } from "./selection/select-variant";
import type { DownloadOptions, ModelCache } from "./spec/model-cache";
import type { ModelSource } from "./spec/model-source";
import { createModelStore, type ModelStore } from "./store/model-store";
import { cacheApiCache } from "./web/cache-api-cache";
import { opfsCache } from "./web/opfs-cache";

export { type BlobStoreCacheOptions, blobStoreCache } from "./cache/blob-store-cache";
export { type CachedModelFolder, cachedModelFolder } from "./cache/cached-model-folder";
export { memoryLocks } from "./cache/memory-locks";
export { webLocks } from "./cache/web-locks";
export type { BlobStore } from "./spec/blob-store";
export type { CacheLocks } from "./spec/cache-locks";
export { type CacheApiCacheOptions, cacheApiCache } from "./web/cache-api-cache";
export { type OpfsCacheOptions, opfsCache } from "./web/opfs-cache";

/** Options of {@link createWebModelStore}. */
export interface WebModelStoreOptions extends DownloadOptions, SelectOptions {
  /** Where the bytes live: the origin private file system (default) or Cache Storage. */
  readonly storage?: "opfs" | "cache-api";
  /** The OPFS folder or Cache Storage name (default `hearth-models`). */
  readonly name?: string;
  readonly quota?: number;
  readonly sources?: readonly ModelSource[];
  /** Never call fetch: only cached models (and local sources) are served; a missing one is `E_OFFLINE`. */
  readonly offline?: boolean;
}

/** A model store over a browser cache: the usual way to get models in a web app. */
export function createWebModelStore(options: WebModelStoreOptions = {}): ModelStore {
  const { storage, name, quota, ...rest } = options;
  const limits = quota !== undefined ? { quota } : {};
  const cache: ModelCache =
    storage === "cache-api"
      ? cacheApiCache({ ...limits, ...(name !== undefined ? { cacheName: name } : {}) })
      : opfsCache({ ...limits, ...(name !== undefined ? { directory: name } : {}) });
  return createModelStore({ ...rest, cache });
}
