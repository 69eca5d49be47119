// Writes the fixture model folders into a fresh temp directory for one test file (files never share one, so
// parallel test files cannot read each other's half-written models).
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { type FixtureFolders, writeFixtureModels } from "../fixtures/build-models";

export function fixtureModels(): FixtureFolders & { root: string; cleanup: () => void } {
  const root = mkdtempSync(join(tmpdir(), "hearth-runtime-"));
  return { ...writeFixtureModels(root), root, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

/** Every file of a folder as path -> bytes (for the in-memory model source). */
export function folderFiles(folder: string): Record<string, Uint8Array> {
  const out: Record<string, Uint8Array> = {};
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else out[relative(folder, full).split("\\").join("/")] = new Uint8Array(readFileSync(full));
    }
  };
  walk(folder);
  return out;
}
