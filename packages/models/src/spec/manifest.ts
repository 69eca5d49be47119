import type { ExecutionProvider } from "./capabilities";

/** The manifest schema version this package writes and reads; any other is refused. */
export const MANIFEST_SCHEMA = 1;

/** The variant names a manifest may offer. */
export type VariantName = "fp32" | "fp16" | "int8" | "q4";

/** One file of a model, pinned by size and SHA-256. */
export interface ManifestFile {
  /** Path inside the model folder, `/`-separated, relative (e.g. `onnx/model_int8.onnx`). */
  readonly path: string;
  /** Exact size in bytes. */
  readonly size: number;
  /** Lowercase hex SHA-256 of the bytes. */
  readonly sha256: string;
}

/** One way to run the model: a weight format, its file, and what it needs from the device. */
export interface ManifestVariant {
  readonly name: VariantName;
  /** The ONNX file of this variant (one of `files`). */
  readonly file: string;
  /** Bytes to download for this variant's weights. */
  readonly bytes: number;
  /** Memory a session needs to run it (weights plus activations), in bytes. */
  readonly minMemory: number;
  /** Execution providers that run this variant well (e.g. int8: cpu, wasm; fp16: cuda, webgpu). */
  readonly providers: readonly ExecutionProvider[];
}

/**
 * What a model is and which bytes make it: the unit the cache stores, verifies and evicts. Files shared by every
 * variant (config, tokenizer) are in `files` and in no variant.
 */
export interface ModelManifest {
  /** Schema version of this document ({@link MANIFEST_SCHEMA}). */
  readonly schema: number;
  /** `owner/name`, e.g. `hearth/email-triage`. */
  readonly id: string;
  /** A tag, branch or commit; the cache keeps revisions apart. */
  readonly revision: string;
  /** SPDX identifier of the weights' license. */
  readonly license: string;
  /** The pipeline task: `embed`, `classify`, `tokens`, `generate`, ... */
  readonly task: string;
  readonly files: readonly ManifestFile[];
  readonly variants: readonly ManifestVariant[];
  /** Tokenizer files (each one of `files`). */
  readonly tokenizer: readonly string[];
}

/** Every variant name, in no particular order of preference. */
export const VARIANT_NAMES: readonly VariantName[] = ["fp32", "fp16", "int8", "q4"];
