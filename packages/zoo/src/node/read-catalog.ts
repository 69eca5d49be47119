import { readFileSync } from "node:fs";
import { join } from "node:path";
import { FormatError } from "../errors/format-error";
import { catalogPath } from "./catalog-path";

/** The catalog file's name at the root of a catalog folder. */
export const CATALOG_FILE = "catalog.json";
/** The catalog schema this package writes and reads. */
export const CATALOG_SCHEMA = 1;

/** One model in catalog.json. */
export interface CatalogEntry {
  readonly id: string;
  readonly revision: string;
  readonly task: string;
  readonly license: string;
  /** Its hearth-manifest.json, relative to the catalog root. */
  readonly manifest: string;
  /** The folder holding the model's files, relative to the catalog root (`hearth/email-triage`). */
  readonly folder: string;
  /** SHA-256 of the manifest file's bytes. */
  readonly sha256: string;
}

/**
 * catalog.json: the models a local catalog folder serves, in the shape @hearth/models' `catalogSource` reads
 * (`id`, `revision`, `manifest`, `folder`; the other fields are extra facts for people and tools).
 */
export interface Catalog {
  readonly schema: number;
  readonly models: readonly CatalogEntry[];
}

const FIELDS = ["id", "revision", "task", "license", "manifest", "folder", "sha256"] as const;

/**
 * Reads and checks `catalog.json` of a catalog folder (default: this package's built catalog). A missing file, bad
 * JSON or another schema version is a {@link FormatError} that says to rebuild.
 */
export function readCatalog(folder: string = catalogPath()): Catalog {
  const file = join(folder, CATALOG_FILE);
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(file, "utf8"));
  } catch (cause) {
    throw new FormatError(`${CATALOG_FILE} in the catalog folder is missing or not JSON: run the zoo's build.`, {
      cause,
    });
  }
  const v = value as { schema?: unknown; models?: unknown };
  if (typeof value !== "object" || value === null || v.schema !== CATALOG_SCHEMA || !Array.isArray(v.models)) {
    throw new FormatError(
      `${CATALOG_FILE} is not a catalog of schema ${CATALOG_SCHEMA}: rebuild it with this version.`,
    );
  }
  for (const entry of v.models as unknown[]) {
    const e = entry as Record<string, unknown>;
    if (typeof entry !== "object" || entry === null || FIELDS.some((f) => typeof e[f] !== "string")) {
      throw new FormatError(`${CATALOG_FILE} has an entry without ${FIELDS.join(", ")}: rebuild the catalog.`);
    }
  }
  return value as Catalog;
}
