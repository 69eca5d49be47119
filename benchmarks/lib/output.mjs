import { mkdir, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { toMarkdown } from "./markdown.mjs";
import { toSvg } from "./svg.mjs";

// Written beside and then renamed, so an interrupted run never leaves a half-written latest-* file behind.
async function writeAtomically(file, text) {
  await writeFile(`${file}.tmp`, text);
  await rename(`${file}.tmp`, file);
}

/**
 * Writes `<target>-<startedAt>.{json,md,svg}` and overwrites `latest-<target>.{json,md,svg}` in `outDir`.
 * Returns the Markdown and the paths of the timestamped files.
 */
export async function writeResult(result, outDir) {
  await mkdir(outDir, { recursive: true });
  const markdown = toMarkdown(result);
  const contents = { json: `${JSON.stringify(result, null, 2)}\n`, md: markdown, svg: toSvg(result) };
  const stamped = `${result.target}-${result.startedAt.replace(/:/g, "-")}`;
  const files = {};
  for (const [ext, text] of Object.entries(contents)) {
    files[ext] = path.join(outDir, `${stamped}.${ext}`);
    await writeAtomically(files[ext], text);
    await writeAtomically(path.join(outDir, `latest-${result.target}.${ext}`), text);
  }
  return { markdown, files };
}
