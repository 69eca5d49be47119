import { createReadStream } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { join, resolve } from "node:path";
import { InvalidArgumentError } from "../errors/invalid-argument-error";
import { ManifestError } from "../errors/manifest-error";
import { NotFoundError } from "../errors/not-found-error";
import { isModelId, parseManifest } from "../manifest/parse-manifest";
import { MANIFEST_FILE } from "../sources/url-source";
import type { ModelManifest } from "../spec/manifest";
import type { FileBody, ModelSource } from "../spec/model-source";

/** Reads `path` from `offset` as a FileBody. */
export async function openLocalFile(
  path: string,
  offset: number,
  signal: AbortSignal,
  label: string,
): Promise<FileBody> {
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch (cause) {
    throw new NotFoundError(`${label}: ${path} is missing from the source folder.`, { cause });
  }
  const stream = createReadStream(path, { start: offset, highWaterMark: 1 << 20, signal });
  return {
    offset,
    length: Math.max(0, size - offset),
    chunks: (async function* () {
      for await (const chunk of stream)
        yield new Uint8Array((chunk as Buffer).buffer, (chunk as Buffer).byteOffset, (chunk as Buffer).byteLength);
    })(),
    cancel: () => stream.destroy(),
  };
}

/** Reads and checks a manifest file. */
export async function readManifestFile(path: string, label: string): Promise<ModelManifest> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (cause) {
    throw new NotFoundError(`${label}: no manifest at ${path}.`, { cause });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    throw new ManifestError(`${path} is not valid JSON.`, { cause });
  }
  return parseManifest(json, path);
}

/**
 * A local folder of models: `{root}/{id}/hearth-manifest.json` and the files beside it (`{root}/{id}/{path}`).
 * Files are copied into the cache and verified like downloads; the folder opens no socket, so it works offline.
 */
export function folderSource(root: string): ModelSource {
  const base = resolve(root);
  return {
    name: `folder ${base}`,
    remote: false,
    async manifest(id, request = {}) {
      if (!isModelId(id)) throw new InvalidArgumentError(`${JSON.stringify(id)} is not a model id like "owner/name".`);
      const manifest = await readManifestFile(join(base, ...id.split("/"), MANIFEST_FILE), id);
      if (manifest.id !== id) throw new ManifestError(`${base}/${id} holds a manifest for ${manifest.id}.`);
      if (request.revision !== undefined && request.revision !== manifest.revision) {
        throw new NotFoundError(`${base}/${id} holds revision ${manifest.revision}, not ${request.revision}.`);
      }
      return manifest;
    },
    open(manifest, file, offset, signal) {
      return openLocalFile(
        join(base, ...manifest.id.split("/"), ...file.path.split("/")),
        offset,
        signal,
        `${manifest.id} ${file.path}`,
      );
    },
  };
}
