// Every TypeScript example in the README, run as a user would: an ES module importing the built package by name.
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";

const readme = readFileSync(fileURLToPath(new URL("../README.md", import.meta.url)), "utf8");
const examples = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1] ?? "");

function run(example: string, name: string): string {
  // Inside the package folder, so Node resolves "@hearth/redact" to this package's own exports.
  const dir = fileURLToPath(new URL("./.tmp/", import.meta.url));
  mkdirSync(dir, { recursive: true });
  const file = `${dir}${name}.mjs`;
  writeFileSync(file, example);
  const result = spawnSync(process.execPath, [file], { encoding: "utf8", timeout: 20_000 });
  expect(result.stderr).toBe("");
  expect(result.status).toBe(0);
  return result.stdout;
}

it("has the example this test expects", () => {
  expect(examples).toHaveLength(1);
  expect(examples[0]).toContain('from "@hearth/redact"');
});

it("runs the first example and prints what the README says it prints", () => {
  const printed = /prints\n\n```\n([\s\S]*?)```/.exec(readme)?.[1];
  expect(printed).toBeDefined();
  expect(run(examples[0] ?? "", "readme-example-1")).toBe(printed);
});
