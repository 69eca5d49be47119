// The README's runnable examples, run as a user would: ES modules importing the built package by name, on the
// fixture model folders (passed as arguments, as a user passes their own model folders).
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterAll, expect, it } from "vitest";
import { fixtureModels } from "./helpers/fixture-models";

const readme = readFileSync(fileURLToPath(new URL("../README.md", import.meta.url)), "utf8");
const examples = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1] ?? "");
const models = fixtureModels();
afterAll(() => models.cleanup());

function run(example: string, name: string, args: string[]): string {
  // Inside the package folder, so Node resolves "@hearth/runtime" to this package's own exports.
  const dir = fileURLToPath(new URL("./.tmp/", import.meta.url));
  mkdirSync(dir, { recursive: true });
  const file = `${dir}${name}.mjs`;
  writeFileSync(file, example);
  const result = spawnSync(process.execPath, [file, ...args], { encoding: "utf8", timeout: 40_000 });
  expect(result.stderr).toBe("");
  expect(result.status).toBe(0);
  return result.stdout;
}

it("has the examples this test expects", () => {
  // 1: the opening example (run), 2: a web createSession fragment (needs a server: not run), 3: isolation (run).
  expect(examples).toHaveLength(3);
  expect(examples[0]).toContain('from "@hearth/runtime/node"');
  expect(examples[1]).toContain('from "@hearth/runtime/web"');
  expect(examples[2]).toContain("createModelWorker");
});

it("runs the opening example: embed with provider report, entity spans, schema-constrained JSON", () => {
  const out = run(examples[0]!, "readme-example-1", [models.encoder, models.tagger, models.decoder]);
  const lines = out.trim().split("\n");
  expect(lines[0]).toMatch(/^embed runs onnx\/model_int8\.onnx on cpu; passed over: cuda, dml, coreml$/);
  expect(lines[1]).toMatch(/^cosine similarity: -?[01]\.\d{3}$/);
  expect(lines.slice(2, 5)).toEqual(['PER "Zoë"', 'PER "Jose\u0301"', 'LOC "Zürich"']);
  expect(lines[5]).toBe("task keys: done,title done is boolean");
});

it("runs the isolation example in a child process", () => {
  expect(run(examples[2]!, "readme-example-3", [models.encoder]).trim()).toBe("dimensions: 32 restarts: 0");
});
