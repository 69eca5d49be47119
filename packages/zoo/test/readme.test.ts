// The README's first example, run as a user would: an ES module importing the built package by name.
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";

const readme = readFileSync(fileURLToPath(new URL("../README.md", import.meta.url)), "utf8");
const examples = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1] ?? "");

function run(example: string, name: string): string {
  // Inside the package folder, so Node resolves "@hearth/zoo" to this package's own exports.
  const dir = fileURLToPath(new URL("./.tmp/", import.meta.url));
  mkdirSync(dir, { recursive: true });
  const file = `${dir}${name}.mjs`;
  writeFileSync(file, example);
  const result = spawnSync(process.execPath, [file], { encoding: "utf8", timeout: 60_000 });
  expect(result.stderr).toBe("");
  expect(result.status).toBe(0);
  return result.stdout;
}

it("has the example this test expects", () => {
  expect(examples).toHaveLength(1);
  expect(examples[0]).toContain('from "@hearth/zoo"');
});

it("runs the example: the catalog, triage on onnxruntime, embeddings through the runtime", () => {
  const out = run(examples[0] ?? "", "readme-example-1")
    .trim()
    .split("\n");
  expect(out).toEqual([
    "catalog: hearth/email-triage, hearth/glove-sif, hearth/tiny-decoder",
    "mail 1: spam",
    "mail 2: ham",
    "related > unrelated",
  ]);
}, 60_000);
