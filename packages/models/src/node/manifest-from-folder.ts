import { createReadStream } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import { join, relative } from "node:path";
import { InvalidArgumentError } from "../errors/invalid-argument-error";
import { parseManifest } from "../manifest/parse-manifest";
import { MANIFEST_FILE } from "../sources/url-source";
import type { ExecutionProvider } from "../spec/capabilities";
import {
  MANIFEST_SCHEMA,
  type ManifestFile,
  type ManifestVariant,
  type ModelManifest,
  type VariantName,
} from "../spec/manifest";
import { nodeSha256 } from "./node-sha256";

/** Which ONNX file holds which variant, in the Hugging Face / Optimum layout. */
const VARIANT_FILES: Record<VariantName, string> = {
  fp32: "onnx/model.onnx",
  fp16: "onnx/model_fp16.onnx",
  int8: "onnx/model_int8.onnx",
  q4: "onnx/model_q4.onnx",
};

/** Default providers per variant: quantized ones run best on CPUs, fp16 on GPUs, fp32 everywhere. */
export const DEFAULT_VARIANT_PROVIDERS: Record<VariantName, readonly ExecutionProvider[]> = {
  fp32: ["cpu", "wasm", "cuda", "dml", "coreml", "webgpu", "xnnpack", "nnapi", "webnn"],
  fp16: ["cuda", "dml", "coreml", "webgpu", "webnn"],
  int8: ["cpu", "wasm", "xnnpack", "nnapi"],
  q4: ["cpu", "wasm", "webgpu"],
};

const TOKENIZER_FILES = [
  "tokenizer.json",
  "tokenizer_config.json",
  "vocab.txt",
  "merges.txt",
  "special_tokens_map.json",
];

/** What {@link manifestFromFolder} cannot read from the files. */
export interface ManifestFromFolderOptions {
  readonly id: string;
  readonly revision: string;
  readonly license: string;
  readonly task: string;
  /** Memory a session needs, as a multiple of the variant's file size (default 2). */
  readonly memoryFactor?: number;
}

/** SHA-256 and size of a file on disk. */
export async function hashFile(path: string): Promise<{ size: number; sha256: string }> {
  const h = nodeSha256();
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) h.update(chunk as Buffer);
  return { size: (await stat(path)).size, sha256: await h.digestHex() };
}

/**
 * Writes the manifest of a model folder in the Hugging Face layout: every file hashed, a variant per
 * `onnx/model{,_fp16,_int8,_q4}.onnx` present, tokenizer files recognised by name. For publishing (the zoo, a mirror).
 */
export async function manifestFromFolder(folder: string, o: ManifestFromFolderOptions): Promise<ModelManifest> {
  const files: ManifestFile[] = [];
  const walk = async (dir: string): Promise<void> => {
    for (const entry of (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.isFile() && entry.name !== MANIFEST_FILE) {
        files.push({ path: relative(folder, full).split("\\").join("/"), ...(await hashFile(full)) });
      }
    }
  };
  await walk(folder);
  const factor = o.memoryFactor ?? 2;
  const variants: ManifestVariant[] = [];
  for (const [name, path] of Object.entries(VARIANT_FILES) as [VariantName, string][]) {
    const f = files.find((x) => x.path === path);
    if (f)
      variants.push({
        name,
        file: path,
        bytes: f.size,
        minMemory: Math.ceil(f.size * factor),
        providers: DEFAULT_VARIANT_PROVIDERS[name],
      });
  }
  if (variants.length === 0)
    throw new InvalidArgumentError(`${folder} has no onnx/model*.onnx file to make a variant of.`);
  const tokenizer = files.filter((f) => TOKENIZER_FILES.includes(f.path)).map((f) => f.path);
  return parseManifest({
    schema: MANIFEST_SCHEMA,
    id: o.id,
    revision: o.revision,
    license: o.license,
    task: o.task,
    files,
    variants,
    tokenizer,
  });
}
