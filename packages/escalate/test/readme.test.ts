// The README's TypeScript example, run as a user would: an ES module importing the built package by name.
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";

const readme = readFileSync(fileURLToPath(new URL("../README.md", import.meta.url)), "utf8");
const examples = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1] ?? "");

it("has the example this test expects", () => {
  expect(examples).toHaveLength(1);
  expect(examples[0]).toContain('from "@hearth/escalate"');
});

it("runs the example: routed to the cloud, redacted, restored, audited", () => {
  const dir = fileURLToPath(new URL("./.tmp/", import.meta.url));
  mkdirSync(dir, { recursive: true });
  const file = `${dir}readme-example.mjs`;
  writeFileSync(file, examples[0] ?? "");
  const result = spawnSync(process.execPath, [file], { encoding: "utf8", timeout: 20_000 });
  expect(result.stderr).toBe("");
  expect(result.status).toBe(0);
  const out = result.stdout;
  expect(out).toMatch(/^route: cloud because complex-task/m);
  expect(out).toContain("[PERSON_1]");
  expect(out).toContain("[EMAIL_1]");
  expect(out).not.toContain("maria.g@example.com");
  expect(out).not.toContain("Maria Gonzalez");
  expect(out).toContain("restored: true");
  expect(out).toMatch(/audited: echo .*PERSONx1/);
});
