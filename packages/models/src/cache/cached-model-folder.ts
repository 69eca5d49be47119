import { NotFoundError } from "../errors/not-found-error";
import type { CachedModel, ModelCache } from "../spec/model-cache";

/**
 * A model folder read from the cache, in the shape @hearth/runtime's `ModelSource` takes (`describe`, `exists`,
 * `read`): pass it to `createSession` or `pipeline` of `@hearth/runtime/web` to run a cached model with no network.
 */
export interface CachedModelFolder {
  describe(path: string): string;
  exists(path: string, signal?: AbortSignal): Promise<boolean>;
  read(path: string, signal?: AbortSignal): Promise<Uint8Array>;
}

/** The files of `model` (as `pull` or `cache.get` returned it) as a model folder; paths as in the manifest. */
export function cachedModelFolder(
  cache: ModelCache,
  model: Pick<CachedModel, "id" | "revision" | "files">,
): CachedModelFolder {
  const present = new Set(model.files);
  const at = `${model.id}@${model.revision}`;
  return {
    describe: (path) => `cache:${at}/${path}`,
    exists: async (path) => present.has(path),
    read: async (path) => {
      if (!present.has(path)) {
        throw new NotFoundError(`${at} has no file ${path} in the cache (it holds ${[...present].sort().join(", ")}).`);
      }
      return cache.readFile(model.id, model.revision, path);
    },
  };
}
