// The README's first example, run as a user would: an ES module importing the built package by name.
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";

const readme = readFileSync(fileURLToPath(new URL("../README.md", import.meta.url)), "utf8");
const example = readme.match(/```ts\n([\s\S]*?)```/)?.[1] ?? "";

it("starts with a runnable example that uses the package", () => {
  expect(example).toContain('from "@hearth/relay"');
  expect(readme.indexOf("```ts")).toBeLessThan(readme.indexOf("## "));
});

it("runs the first example: health, a space, a signed append", () => {
  // Inside the package folder, so Node resolves "@hearth/relay" to this package's own exports.
  const dir = fileURLToPath(new URL("./.tmp/", import.meta.url));
  mkdirSync(dir, { recursive: true });
  const file = `${dir}readme-example.mjs`;
  writeFileSync(file, example);
  const result = spawnSync(process.execPath, [file], { encoding: "utf8", timeout: 20_000 });
  expect(result.stderr).toBe("");
  expect(result.status).toBe(0);
  expect(result.stdout).toMatch(/^health: \{"ok":true,"version":1,"relay":"\d+\.\d+\.\d+"\}$/m);
  expect(result.stdout).toContain('append: 200 {"positions":[1]}');
});
