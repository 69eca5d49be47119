// The README's TypeScript example, run as a user would: an ES module importing the built package by name.
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";

const readme = readFileSync(fileURLToPath(new URL("../README.md", import.meta.url)), "utf8");
const examples = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1] ?? "");

it("runs the library example on the sample mailbox with the real models", { timeout: 60_000 }, () => {
  expect(examples).toHaveLength(1);
  const dir = fileURLToPath(new URL("./.tmp/", import.meta.url));
  mkdirSync(dir, { recursive: true });
  const file = `${dir}readme-example.mjs`;
  writeFileSync(file, examples[0] ?? "");
  const result = spawnSync(process.execPath, [file], { encoding: "utf8", timeout: 55_000 });
  expect(result.stderr).toBe("");
  expect(result.status).toBe(0);
  expect(result.stdout.split("\n").slice(0, 4)).toEqual([
    "hearth/email-triage: int8 on cpu; hearth/glove-sif: int8 on cpu",
    "read 40 messages, 0 problems",
    "spam 14, categories by embedding",
    expect.stringMatching(/^tasks 14, first: \S/),
  ]);
});
