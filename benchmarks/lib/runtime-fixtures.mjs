// The test models of @hearth/runtime (packages/runtime/test/fixtures/build-models.ts: a small BERT-like encoder with
// feature-extraction and sequence-classification heads, a GPT-2-like decoder), written to a folder for the
// inference suite. They are TypeScript and suites are plain .mjs, so esbuild compiles them first, into
// node_modules/.cache beside this package so that their one import (onnx-proto) resolves from here.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";
import { packageDir } from "./package-dir.mjs";

const CACHE = fileURLToPath(new URL("../node_modules/.cache/hearth-benchmarks/", import.meta.url));

/** Writes every fixture model folder under `root` and returns their paths: { encoder, classifier, tagger, decoder }. */
export async function writeRuntimeFixtures(root, seed = 7) {
  const entry = join(packageDir("@hearth/runtime"), "test", "fixtures", "build-models.ts");
  const out = await build({
    entryPoints: [entry],
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    write: false,
    logLevel: "silent",
  });
  mkdirSync(CACHE, { recursive: true });
  const file = join(CACHE, `build-models-${process.pid}.mjs`);
  writeFileSync(file, out.outputFiles[0].text);
  try {
    const { writeFixtureModels } = await import(pathToFileURL(file).href);
    return writeFixtureModels(root, seed);
  } finally {
    rmSync(file, { force: true });
  }
}
