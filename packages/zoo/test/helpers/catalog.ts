// Shared by the model tests: the catalog the package build wrote (dist/catalog), a fresh build of one model in a
// temp folder, and file hashes to compare them with.
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import type { ModelBuild } from "../../src/build/model-build";
import { writeModel } from "../../src/build/write-model";

/** dist/catalog, written by `pnpm --filter @hearth/zoo build` (the test task depends on the build). */
export const builtCatalog = fileURLToPath(new URL("../../dist/catalog/", import.meta.url));

/** The built folder of a model, failing clearly when the build has not run. */
export function builtModelFolder(id: string): string {
  const folder = join(builtCatalog, ...id.split("/"));
  if (!existsSync(join(folder, "hearth-manifest.json"))) {
    throw new Error(`${folder} is missing: run pnpm --filter @hearth/zoo build before the tests.`);
  }
  return folder;
}

const freshRoots: string[] = [];

/** Writes a fresh in-memory build into a new temp catalog and returns the model folder. */
export function writeFresh(build: ModelBuild): string {
  const root = mkdtempSync(join(tmpdir(), "hearth-zoo-"));
  freshRoots.push(root);
  writeModel(root, build);
  return join(root, ...build.id.split("/"));
}

/** sha256 of every file under `folder`, by relative path. */
export function hashTree(folder: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else
        out[relative(folder, path).split("\\").join("/")] = createHash("sha256")
          .update(readFileSync(path))
          .digest("hex");
    }
  };
  walk(folder);
  return out;
}

/** The committed model card of a zoo model (packages/zoo/models/<name>/MODEL_CARD.md). */
export function committedCard(name: string): string {
  return readFileSync(fileURLToPath(new URL(`../../models/${name}/MODEL_CARD.md`, import.meta.url)), "utf8");
}

/** Removes the temp catalogs {@link writeFresh} made (the embedder alone is about 50 MB). */
export function removeFresh(): void {
  for (const root of freshRoots.splice(0)) rmSync(root, { recursive: true, force: true });
}
