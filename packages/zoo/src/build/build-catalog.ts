import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { InvalidArgumentError } from "../errors/invalid-argument-error";
import { EMAIL_TRIAGE_ID, GLOVE_SIF_ID, TINY_DECODER_ID, ZOO_MODEL_IDS, type ZooModelId } from "../model-ids";
import { CATALOG_FILE, CATALOG_SCHEMA, type Catalog, type CatalogEntry } from "../node/read-catalog";
import { buildEmailTriage } from "./build-email-triage";
import { buildGloveSif } from "./build-glove-sif";
import { type BuildOptions, throwIfAborted } from "./build-options";
import { buildTinyDecoder } from "./build-tiny-decoder";
import { jsonBytes, type ModelBuild } from "./model-build";
import { MANIFEST_FILE, sha256Hex, writeModel, type ZooManifest } from "./write-model";

/** Options of {@link buildCatalog}. */
export interface BuildCatalogOptions extends BuildOptions {
  /** Which models to build (default: all, in {@link ZOO_MODEL_IDS} order). */
  readonly models?: readonly string[];
}

const builders: Record<ZooModelId, (options: BuildOptions) => ModelBuild> = {
  [EMAIL_TRIAGE_ID]: (o) => buildEmailTriage(o).model,
  [GLOVE_SIF_ID]: (o) => buildGloveSif(o).model,
  [TINY_DECODER_ID]: (o) => buildTinyDecoder(o).model,
};

/**
 * Builds the zoo's models from their data packages and writes a local catalog into `outDir`: `catalog.json` plus
 * one folder per model (`hearth/email-triage/`: files, model card as README.md, hearth-manifest.json). The output
 * depends only on the source and the pinned data, so two builds are byte-identical.
 */
export function buildCatalog(outDir: string, options: BuildCatalogOptions = {}): Catalog {
  const wanted = options.models ?? ZOO_MODEL_IDS;
  for (const id of wanted) {
    if (!(ZOO_MODEL_IDS as readonly string[]).includes(id)) {
      throw new InvalidArgumentError(`${id} is not a zoo model; the zoo builds ${ZOO_MODEL_IDS.join(", ")}.`);
    }
  }
  mkdirSync(outDir, { recursive: true });
  const entries: CatalogEntry[] = [];
  for (const id of ZOO_MODEL_IDS.filter((m) => wanted.includes(m))) {
    throwIfAborted(options.signal);
    const build = builders[id](options);
    const manifest: ZooManifest = writeModel(outDir, build);
    entries.push({
      id: manifest.id,
      revision: manifest.revision,
      task: manifest.task,
      license: manifest.license,
      manifest: `${id}/${MANIFEST_FILE}`,
      folder: id,
      sha256: sha256Hex(jsonBytes(manifest)),
    });
  }
  const catalog: Catalog = { schema: CATALOG_SCHEMA, models: entries };
  writeFileSync(join(outDir, CATALOG_FILE), jsonBytes(catalog));
  return catalog;
}
