// Every TypeScript example in the README, run as a user would: an ES module importing the built package by name.
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";

const readme = readFileSync(fileURLToPath(new URL("../README.md", import.meta.url)), "utf8");
const examples = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1] ?? "");

function run(example: string, name: string): string {
  // Inside the package folder, so Node resolves "@hearth/transport" to this package's own exports.
  const dir = fileURLToPath(new URL("./.tmp/", import.meta.url));
  mkdirSync(dir, { recursive: true });
  const file = `${dir}${name}.mjs`;
  writeFileSync(file, example);
  const result = spawnSync(process.execPath, [file], { encoding: "utf8", timeout: 20_000 });
  expect(result.stderr).toBe("");
  expect(result.status).toBe(0);
  return result.stdout;
}

it("has the examples this test expects", () => {
  expect(examples).toHaveLength(2);
  for (const example of examples) expect(example).toContain('from "@hearth/transport"');
});

it("runs the first example: account, enrollment, a signed and sealed entry", () => {
  const out = run(examples[0] ?? "", "readme-example-1");
  expect(out).toContain("recovery phrase: 24 words");
  expect(out).toMatch(/laptop shows (\d{3} \d{3}) and phone shows \1/);
  expect(out.trim().split("\n").at(-1)).toBe("Dinner at 7?");
});

it("runs the secure channel example over TCP", () => {
  expect(run(examples[1] ?? "", "readme-example-2").trim()).toBe("hello over Noise");
});
