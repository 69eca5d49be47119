import { readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { ManifestError } from "../errors/manifest-error";
import { NotFoundError } from "../errors/not-found-error";
import { isModelId, isRevision, isSafePath } from "../manifest/parse-manifest";
import type { ModelManifest } from "../spec/manifest";
import type { ModelSource } from "../spec/model-source";
import { openLocalFile, readManifestFile } from "./folder-source";

/** The catalog schema version this package reads and writes. */
export const CATALOG_SCHEMA = 1;

/** One model revision in a catalog. */
export interface CatalogEntry {
  readonly id: string;
  readonly revision: string;
  /** The manifest, relative to the catalog folder. */
  readonly manifest: string;
  /** The folder holding the model's files, relative to the catalog folder. */
  readonly folder: string;
}

/** `catalog.json`: the models a local catalog (such as the one @hearth/zoo publishes) offers. */
export interface Catalog {
  readonly schema: number;
  readonly models: readonly CatalogEntry[];
}

/** Reads and checks `{root}/catalog.json`. */
export async function readCatalog(root: string): Promise<Catalog> {
  const path = join(root, "catalog.json");
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, "utf8"));
  } catch (cause) {
    throw new ManifestError(`${path} is missing or not valid JSON.`, { cause });
  }
  const c = json as Partial<Catalog>;
  if (typeof json !== "object" || json === null || c.schema !== CATALOG_SCHEMA || !Array.isArray(c.models)) {
    throw new ManifestError(`${path} is not a catalog of schema ${CATALOG_SCHEMA} ({ "schema": 1, "models": [...] }).`);
  }
  for (const m of c.models) {
    const ok =
      typeof m === "object" &&
      m !== null &&
      isModelId(m.id) &&
      isRevision(m.revision) &&
      typeof m.manifest === "string" &&
      isSafePath(m.manifest) &&
      typeof m.folder === "string" &&
      (m.folder === "." || isSafePath(m.folder));
    if (!ok)
      throw new ManifestError(
        `${path}: entry ${JSON.stringify(m)} needs id, revision, and relative manifest and folder paths.`,
      );
  }
  return { schema: CATALOG_SCHEMA, models: c.models };
}

/**
 * A local catalog: `{root}/catalog.json` lists model revisions, each with a manifest and a folder of files (the zoo
 * publishes its models this way). Without a revision the last listed one of an id is used. Opens no socket.
 */
export function catalogSource(root: string): ModelSource {
  const base = resolve(root);
  const entryFor = async (id: string, revision?: string): Promise<CatalogEntry> => {
    const { models } = await readCatalog(base);
    const entry = models.filter((m) => m.id === id && (revision === undefined || m.revision === revision)).at(-1);
    if (!entry) throw new NotFoundError(`The catalog at ${base} has no ${revision ? `${id}@${revision}` : id}.`);
    return entry;
  };
  return {
    name: `catalog ${base}`,
    remote: false,
    async manifest(id, request = {}): Promise<ModelManifest> {
      const entry = await entryFor(id, request.revision);
      const manifest = await readManifestFile(join(base, ...entry.manifest.split("/")), id);
      if (manifest.id !== entry.id || manifest.revision !== entry.revision) {
        throw new ManifestError(
          `The catalog at ${base} lists ${entry.id}@${entry.revision} but its manifest says ${manifest.id}@${manifest.revision}.`,
        );
      }
      return manifest;
    },
    async open(manifest, file, offset, signal) {
      const entry = await entryFor(manifest.id, manifest.revision);
      const path = join(base, ...entry.folder.split("/"), ...file.path.split("/"));
      return openLocalFile(path, offset, signal, `${manifest.id}@${manifest.revision} ${file.path}`);
    },
  };
}
