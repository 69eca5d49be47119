// Runs the first example of packages/sync/README.md as a user would: an ES module importing the built @hearth/sync
// (resolved by the package's self-reference, so it is written inside packages/sync), against a real relay process.
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type RelayProcess, startRelayProcess } from "./sync-harness";

const readme = readFileSync(fileURLToPath(new URL("../../../sync/README.md", import.meta.url)), "utf8");
const example = readme.match(/```ts\n([\s\S]*?)```/)?.[1] ?? "";

let relay: RelayProcess;
beforeAll(async () => {
  relay = await startRelayProcess({ args: ["--rate", "0"] });
});
afterAll(async () => {
  await relay?.stop();
});

it("has a first example that uses the package by name and the relay URL from the environment", () => {
  expect(example).toContain('from "@hearth/sync"');
  expect(example).toContain("process.env.HEARTH_RELAY_URL");
});

it("runs the first example: two devices pair and sync a list through the relay", () => {
  const dir = fileURLToPath(new URL("../../../sync/test/.tmp/", import.meta.url));
  mkdirSync(dir, { recursive: true });
  const file = `${dir}readme-example.mjs`;
  writeFileSync(file, example);
  const result = spawnSync(process.execPath, [file], {
    encoding: "utf8",
    timeout: 30_000,
    env: { ...process.env, HEARTH_RELAY_URL: relay.url },
  });
  expect(result.stderr).toBe("");
  expect(result.status).toBe(0);
  const lines = result.stdout.trim().split("\n");
  expect(lines[0]).toMatch(/^laptop shows (\d{3} \d{3}) and phone shows \1$/);
  expect(lines.at(-1)).toBe("laptop list: milk, bread");
});
