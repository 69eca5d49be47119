/**
 * @hearth/models/node: the file-system cache (content-addressed, quota, pins, lock files), local folder and catalog
 * sources, SHA-256 through node:crypto, and manifest writing for publishers.
 *
 * @packageDocumentation
 */
import { defaultCacheRoot } from "./node/default-cache-root";
import { fileCache } from "./node/file-cache";
import type { SelectOptions } from "./selection/select-variant";
import type { DownloadOptions } from "./spec/model-cache";
import type { ModelSource } from "./spec/model-source";
import { createModelStore, type ModelStore } from "./store/model-store";

export { CATALOG_SCHEMA, type Catalog, type CatalogEntry, catalogSource, readCatalog } from "./node/catalog-source";
export { defaultCacheRoot } from "./node/default-cache-root";
export { CACHE_LAYOUT_VERSION, type FileCacheOptions, fileCache } from "./node/file-cache";
export { acquireLock, type HeldLock, type LockOptions } from "./node/file-lock";
export { filePartial } from "./node/file-partial";
export { folderSource } from "./node/folder-source";
export {
  DEFAULT_VARIANT_PROVIDERS,
  hashFile,
  type ManifestFromFolderOptions,
  manifestFromFolder,
} from "./node/manifest-from-folder";
export { nodeSha256 } from "./node/node-sha256";

/** Options of {@link createNodeModelStore}. */
export interface NodeModelStoreOptions extends DownloadOptions, SelectOptions {
  /** Cache folder (default {@link defaultCacheRoot}). */
  readonly root?: string;
  readonly quota?: number;
  readonly sources?: readonly ModelSource[];
  readonly offline?: boolean;
}

/** A model store over a {@link fileCache} at `root`: the usual way to get models on Node. */
export function createNodeModelStore(options: NodeModelStoreOptions = {}): ModelStore {
  const { root, quota, ...rest } = options;
  const cache = fileCache({ root: root ?? defaultCacheRoot(), ...(quota !== undefined ? { quota } : {}) });
  return createModelStore({ ...rest, cache });
}
export { type ErrorReport, measureQuantizationError, type OutputError, sampleInputs } from "./node/measure-error";
