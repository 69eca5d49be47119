// The README's example, run as a user would: an ES module importing the built package by name.
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";

const readme = readFileSync(fileURLToPath(new URL("../README.md", import.meta.url)), "utf8");
const examples = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1] ?? "");

it("has the example this test expects", () => {
  expect(examples).toHaveLength(1);
  expect(examples[0]).toContain('from "@hearth/models"');
});

it("runs the example: manifest, variant selection with reasons, pull, offline hit and miss", () => {
  // Inside the package folder, so Node resolves "@hearth/models" to this package's own exports.
  const dir = fileURLToPath(new URL("./.tmp/", import.meta.url));
  mkdirSync(dir, { recursive: true });
  const file = `${dir}readme-example.mjs`;
  writeFileSync(file, examples[0] ?? "");
  const result = spawnSync(process.execPath, [file], { encoding: "utf8", timeout: 20_000 });
  expect(result.stderr).toBe("");
  expect(result.status).toBe(0);
  expect(result.stdout.trim().split("\n")).toEqual([
    expect.stringMatching(/^installed int8: int8 is the best fit for a CPU device \(2\.0 KiB of 4\.0 GiB\) on cpu$/),
    "passed over fp32: ranked below int8 (order: int8 > fp32 > q4 > fp16)",
    "files: config.json onnx/model_int8.onnx tokenizer.json",
    "offline hit: true",
    "E_OFFLINE: acme/other",
  ]);
});
