import { ManifestError } from "../errors/manifest-error";
import type { ExecutionProvider } from "../spec/capabilities";
import {
  MANIFEST_SCHEMA,
  type ManifestFile,
  type ManifestVariant,
  type ModelManifest,
  VARIANT_NAMES,
} from "../spec/manifest";

const PROVIDERS: readonly ExecutionProvider[] = [
  "cpu",
  "cuda",
  "dml",
  "coreml",
  "webgpu",
  "wasm",
  "webnn",
  "xnnpack",
  "nnapi",
];
const ID = /^[A-Za-z0-9][\w.-]*(\/[A-Za-z0-9][\w.-]*)?$/;
const REVISION = /^[\w][\w.-]*$/;
const SHA256 = /^[0-9a-f]{64}$/;

/** Whether `id` is a valid model id (`name` or `owner/name`; letters, digits, `_`, `.`, `-`). */
export function isModelId(id: string): boolean {
  return ID.test(id) && !id.includes("..");
}

/** Whether `revision` is a valid revision (a tag, branch or commit: letters, digits, `_`, `.`, `-`). */
export function isRevision(revision: string): boolean {
  return REVISION.test(revision) && !revision.includes("..");
}

/** A relative `/`-separated path that cannot leave the model folder. */
export function isSafePath(path: string): boolean {
  if (path.length === 0 || path.length > 512 || path.startsWith("/") || path.includes("\\") || path.includes("\0"))
    return false;
  return path.split("/").every((part) => part !== "" && part !== "." && part !== "..");
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const isSize = (v: unknown): v is number => typeof v === "number" && Number.isSafeInteger(v) && v >= 0;

/**
 * Checks an untrusted manifest (parsed JSON) and returns it typed. Refuses another schema version, unsafe paths,
 * malformed hashes and variants or tokenizer files that are not among `files`, with a {@link ManifestError}.
 */
export function parseManifest(value: unknown, where = "manifest"): ModelManifest {
  const fail = (what: string): never => {
    throw new ManifestError(`${where}: ${what}. Fix the manifest (see the @hearth/models guide for its format).`);
  };
  if (!isObject(value)) return fail("not a JSON object");
  if (value.schema !== MANIFEST_SCHEMA)
    return fail(`schema ${String(value.schema)} is not supported (this version reads ${MANIFEST_SCHEMA})`);
  const { id, revision, license, task } = value;
  if (typeof id !== "string" || !isModelId(id))
    return fail(`id ${JSON.stringify(id)} is not a model id like "owner/name"`);
  if (typeof revision !== "string" || !isRevision(revision))
    return fail(`revision ${JSON.stringify(revision)} is invalid`);
  if (typeof license !== "string" || license === "") return fail("license is missing");
  if (typeof task !== "string" || task === "") return fail("task is missing");
  if (!Array.isArray(value.files) || value.files.length === 0) return fail("files must be a non-empty array");
  const files: ManifestFile[] = [];
  const paths = new Set<string>();
  for (const f of value.files) {
    if (!isObject(f) || typeof f.path !== "string" || !isSafePath(f.path))
      return fail(`file ${JSON.stringify(f)} has no safe relative path`);
    if (paths.has(f.path)) return fail(`file ${f.path} is listed twice`);
    if (!isSize(f.size)) return fail(`file ${f.path} has no valid size`);
    if (typeof f.sha256 !== "string" || !SHA256.test(f.sha256))
      return fail(`file ${f.path} has no lowercase hex sha256`);
    paths.add(f.path);
    files.push({ path: f.path, size: f.size, sha256: f.sha256 });
  }
  if (!Array.isArray(value.variants) || value.variants.length === 0) return fail("variants must be a non-empty array");
  const variants: ManifestVariant[] = [];
  for (const v of value.variants) {
    if (!isObject(v) || !VARIANT_NAMES.includes(v.name as never))
      return fail(`variant ${JSON.stringify(v)} is not one of ${VARIANT_NAMES.join(", ")}`);
    const name = v.name as ManifestVariant["name"];
    if (variants.some((x) => x.name === name)) return fail(`variant ${name} is listed twice`);
    if (typeof v.file !== "string" || !paths.has(v.file))
      return fail(`variant ${name} names a file that is not in files`);
    if (!isSize(v.bytes) || !isSize(v.minMemory)) return fail(`variant ${name} needs integer bytes and minMemory`);
    if (!Array.isArray(v.providers) || v.providers.some((p) => !PROVIDERS.includes(p as ExecutionProvider))) {
      return fail(`variant ${name} has unknown providers`);
    }
    variants.push({
      name,
      file: v.file,
      bytes: v.bytes,
      minMemory: v.minMemory,
      providers: v.providers as ExecutionProvider[],
    });
  }
  const tokenizer = value.tokenizer ?? [];
  if (!Array.isArray(tokenizer) || tokenizer.some((t) => typeof t !== "string" || !paths.has(t))) {
    return fail("tokenizer must list files that are in files");
  }
  return { schema: MANIFEST_SCHEMA, id, revision, license, task, files, variants, tokenizer: tokenizer as string[] };
}

/** The files to fetch for some variants: every file no variant owns (config, tokenizer) plus theirs. */
export function filesForVariants(manifest: ModelManifest, names: readonly string[]): ManifestFile[] {
  const owned = new Set(manifest.variants.map((v) => v.file));
  const wanted = new Set(manifest.variants.filter((v) => names.includes(v.name)).map((v) => v.file));
  return manifest.files.filter((f) => !owned.has(f.path) || wanted.has(f.path));
}
