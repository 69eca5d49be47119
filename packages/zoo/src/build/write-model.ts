import { createHash } from "node:crypto";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { jsonBytes, type ModelBuild } from "./model-build";

/** The manifest schema @hearth/models reads (its MANIFEST_SCHEMA). */
export const MANIFEST_SCHEMA = 1;
/** The manifest's file name inside a model folder, as @hearth/models looks it up. */
export const MANIFEST_FILE = "hearth-manifest.json";

const MiB = 2 ** 20;

/** A model manifest in the shape of @hearth/models' `ModelManifest`. */
export interface ZooManifest {
  readonly schema: number;
  readonly id: string;
  readonly revision: string;
  readonly license: string;
  readonly task: string;
  readonly files: ReadonlyArray<{ path: string; size: number; sha256: string }>;
  readonly variants: ReadonlyArray<{
    name: string;
    file: string;
    bytes: number;
    minMemory: number;
    providers: readonly string[];
  }>;
  readonly tokenizer: readonly string[];
}

/** Lowercase hex SHA-256 of some bytes. */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** The manifest of a built model: every file pinned by size and SHA-256, in path order. */
export function manifestOf(build: ModelBuild): ZooManifest {
  const paths = [...build.files.keys()].sort();
  const files = paths.map((path) => {
    const bytes = build.files.get(path)!;
    return { path, size: bytes.length, sha256: sha256Hex(bytes) };
  });
  const variants = build.variants.map((v) => {
    const bytes = build.files.get(v.file)!.length;
    // Weights are held once by onnxruntime plus once while the file is read; round up to whole MiB.
    const minMemory = Math.ceil((2 * bytes + v.workingMemory) / MiB) * MiB;
    return { name: v.name, file: v.file, bytes, minMemory, providers: v.providers };
  });
  return {
    schema: MANIFEST_SCHEMA,
    id: build.id,
    revision: build.revision,
    license: build.license,
    task: build.task,
    files,
    variants,
    tokenizer: build.tokenizer,
  };
}

/**
 * Writes a built model as `<root>/<id>/` (its files and hearth-manifest.json), replacing what was there, and
 * returns the manifest.
 */
export function writeModel(root: string, build: ModelBuild): ZooManifest {
  const folder = join(root, ...build.id.split("/"));
  rmSync(folder, { recursive: true, force: true });
  for (const [path, bytes] of build.files) {
    const target = join(folder, ...path.split("/"));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, bytes);
  }
  const manifest = manifestOf(build);
  writeFileSync(join(folder, MANIFEST_FILE), jsonBytes(manifest));
  return manifest;
}
