import { ModelFileMissingError } from "../errors/model-file-missing-error";
import type { ModelSource } from "../spec/model-source";

/** A model folder held in memory: file path -> bytes or text. For bundled models, tests, and bytes from elsewhere. */
export function memoryModelSource(files: Readonly<Record<string, Uint8Array | string>>, label = "memory"): ModelSource {
  return {
    describe: (path) => `${label}:${path}`,
    exists: async (path) => Object.hasOwn(files, path),
    read: async (path) => {
      const content = files[path];
      if (content === undefined) throw new ModelFileMissingError(path, `${label}:${path}`);
      return typeof content === "string" ? new TextEncoder().encode(content) : content;
    },
  };
}
