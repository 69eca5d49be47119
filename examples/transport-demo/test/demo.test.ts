// `pnpm demo` is the README's first command: run it as a user would and check what it reports.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";

it("runs the transport demo end to end", () => {
  const demo = fileURLToPath(new URL("../demo.mjs", import.meta.url));
  const run = spawnSync(process.execPath, [demo], { encoding: "utf8", timeout: 60_000 });
  expect(run.stderr).toBe("");
  expect(run.status).toBe(0);
  expect(run.stdout).toMatch(/recovery phrase of 24 words/);
  expect(run.stdout).toMatch(/laptop shows (\d{3} \d{3}), phone shows \1: match, enrolled/);
  expect(run.stdout).toMatch(/phone applied seq 1: "Dentist moved to Thursday 9:30"/);
  expect(run.stdout).toMatch(/phone refused seq 4: E_SIGNATURE/);
  expect(run.stdout).toMatch(/phone refused seq 2: E_REPLAY/);
  expect(run.stdout).toMatch(/done: 3 entries applied, 2 refused/);
});
