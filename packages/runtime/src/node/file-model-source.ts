import { readFile, stat } from "node:fs/promises";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { AbortedError } from "../errors/aborted-error";
import { ModelFileMissingError } from "../errors/model-file-missing-error";
import type { ModelSource } from "../spec/model-source";

/** A model folder on the local file system. */
export function fileModelSource(folder: string | URL): ModelSource {
  const root = resolve(typeof folder === "string" ? folder : fileURLToPath(folder));
  const full = (path: string) => join(root, ...path.split("/"));
  return {
    describe: full,
    exists: async (path) => {
      try {
        return (await stat(full(path))).isFile();
      } catch {
        return false;
      }
    },
    read: async (path, signal) => {
      try {
        const data = await readFile(full(path), { signal });
        return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
      } catch (error) {
        if (signal?.aborted) throw new AbortedError();
        const code = (error as { code?: string }).code;
        if (code === "ENOENT" || code === "ENOTDIR" || code === "EISDIR") {
          throw new ModelFileMissingError(path, full(path), { cause: error });
        }
        throw error;
      }
    },
  };
}
