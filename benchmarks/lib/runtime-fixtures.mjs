// The test models of @hearth/runtime (packages/runtime/test/fixtures/build-models.ts: a small BERT-like encoder with
// feature-extraction and sequence-classification heads, a GPT-2-like decoder, and encoders of other sizes), written
// to a folder for the inference suite. They are TypeScript and suites are plain .mjs, so esbuild compiles them first,
// into node_modules/.cache beside this package so that their one import (onnx-proto) resolves from here.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";
import { packageDir } from "./package-dir.mjs";

const CACHE = fileURLToPath(new URL("../node_modules/.cache/hearth-benchmarks/", import.meta.url));

/** The fixture writer module, compiled and imported once per process. */
let builder;
async function fixtureBuilder() {
  builder ??= (async () => {
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
      return await import(pathToFileURL(file).href);
    } finally {
      rmSync(file, { force: true });
    }
  })();
  return builder;
}

/** Writes every fixture model folder under `root` and returns their paths: { encoder, classifier, tagger, decoder }. */
export async function writeRuntimeFixtures(root, seed = 7) {
  const { writeFixtureModels } = await fixtureBuilder();
  return writeFixtureModels(root, seed);
}

/**
 * Writes a feature-extraction encoder with BERT-Small's shape (4 layers, hidden 512, 8 heads, FFN 2048) and random
 * weights to `root/<name>`, and returns its folder.
 */
export async function writeBertSmallEncoder(root, name = "bert-small", seed = 7) {
  const { writeEncoderModel, BERT_SMALL } = await fixtureBuilder();
  return writeEncoderModel(join(root, name), BERT_SMALL, seed);
}
