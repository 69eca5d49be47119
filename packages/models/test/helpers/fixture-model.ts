// Model folders for download and cache tests: deterministic bytes, a manifest that pins them, and helpers to put
// them on the test server in the hub layout or on disk as a folder or catalog.
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import type { ModelManifest } from "../../src/index";
import type { ModelServer } from "./model-server";

export const sha256 = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");

/** Deterministic pseudo-random bytes (xorshift), so a file's hash is stable across runs. */
export function bytes(n: number, seed: number): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed * 2654435761 || 1;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

export interface FixtureModel {
  manifest: ModelManifest;
  files: Record<string, Uint8Array>;
}

/** A model with config + tokenizer and fp32/int8 variants of the given sizes. */
export function fixtureModel(
  id: string,
  revision = "main",
  sizes = { fp32: 400_000, int8: 100_000 },
  seed = 1,
): FixtureModel {
  const files: Record<string, Uint8Array> = {
    "config.json": new TextEncoder().encode(JSON.stringify({ model_type: "bert", id, seed })),
    "tokenizer.json": new TextEncoder().encode(JSON.stringify({ model: { vocab: { a: 0, b: 1 } }, seed })),
    "onnx/model.onnx": bytes(sizes.fp32, seed * 7 + 1),
    "onnx/model_int8.onnx": bytes(sizes.int8, seed * 7 + 2),
  };
  const manifest: ModelManifest = {
    schema: 1,
    id,
    revision,
    license: "Apache-2.0",
    task: "embed",
    files: Object.entries(files).map(([path, b]) => ({ path, size: b.byteLength, sha256: sha256(b) })),
    variants: [
      {
        name: "fp32",
        file: "onnx/model.onnx",
        bytes: sizes.fp32,
        minMemory: sizes.fp32 * 2,
        providers: ["cpu", "wasm", "cuda", "webgpu"],
      },
      {
        name: "int8",
        file: "onnx/model_int8.onnx",
        bytes: sizes.int8,
        minMemory: sizes.int8 * 2,
        providers: ["cpu", "wasm"],
      },
    ],
    tokenizer: ["tokenizer.json"],
  };
  return { manifest, files };
}

/** Serves a model in the hub layout: `/{id}/resolve/{revision}/{path}` and its manifest. */
export function serveHub(server: ModelServer, m: FixtureModel): void {
  const base = `/${m.manifest.id}/resolve/${m.manifest.revision}`;
  for (const [path, b] of Object.entries(m.files)) server.files.set(`${base}/${path}`, b);
  server.files.set(`${base}/hearth-manifest.json`, new TextEncoder().encode(JSON.stringify(m.manifest)));
}

/** The server path of one file in the hub layout. */
export const hubPath = (m: FixtureModel, path: string) => `/${m.manifest.id}/resolve/${m.manifest.revision}/${path}`;

/** Writes a model folder (files + hearth-manifest.json) at `dir`. */
export function writeModelFolder(dir: string, m: FixtureModel): void {
  for (const [path, b] of Object.entries(m.files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), b);
  }
  writeFileSync(join(dir, "hearth-manifest.json"), JSON.stringify(m.manifest));
}

/** A fresh temp folder and its cleanup. */
export function tempDir(prefix = "hearth-models-"): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
