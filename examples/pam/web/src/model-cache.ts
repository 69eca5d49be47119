// How the page names a cached model to the model worker: both open the same Cache Storage cache through
// @hearth/models/web, and a model folder crosses the worker boundary as a plain string.
import { InvalidArgumentError } from "@hearth/pam";

/** The Cache Storage cache of PAM's models. */
export const MODEL_CACHE = "pam-models";

const PREFIX = "pam-cache:";

/** The folder string for a cached model (`pam-cache:hearth/glove-sif@r1`). */
export function cachedFolder(id: string, revision: string): string {
  return `${PREFIX}${id}@${revision}`;
}

/** The model a folder string names. */
export function parseCachedFolder(folder: string): { id: string; revision: string } {
  const at = folder.lastIndexOf("@");
  if (!folder.startsWith(PREFIX) || at < PREFIX.length)
    throw new InvalidArgumentError(`"${folder}" does not name a cached model: pass one that cachedFolder() made.`);
  return { id: folder.slice(PREFIX.length, at), revision: folder.slice(at + 1) };
}
