// `pam demo` as CI runs it: the built CLI, no cloud keys, no network but loopback. Its output is checked.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";

const cli = fileURLToPath(new URL("../dist/cli.js", import.meta.url));
const env = { ...process.env };
for (const key of ["ANTHROPIC_API_KEY", "OPENAI_BASE_URL", "OPENAI_API_KEY", "ANTHROPIC_BASE_URL"]) delete env[key];

function demo(args: string[] = []) {
  const run = spawnSync(process.execPath, [cli, "demo", ...args], { encoding: "utf8", env, timeout: 55_000 });
  const line = run.stdout.split("\n").find((l) => l.startsWith("PAM_DEMO_RESULT "));
  return { run, result: line ? JSON.parse(line.slice("PAM_DEMO_RESULT ".length)) : undefined };
}

it("imports, triages, extracts tasks, syncs to a second device and prints the audit log", { timeout: 60_000 }, () => {
  const { run, result } = demo();
  expect(run.stderr).toBe("");
  expect(run.status).toBe(0);
  expect(result).toEqual({
    imported: 40,
    problems: 0,
    triaged: 40,
    spam: 14,
    tasks: 14,
    syncedDocuments: 5,
    secondDeviceMessages: 40,
    secondDeviceTasks: 14,
    sameInbox: true,
    auditRecords: 0,
    escalationRoute: "queue",
    fallbacks: 0,
  });
  expect(run.stdout).toMatch(/laptop shows (\d{3} \d{3}), phone shows \1/);
  expect(run.stdout).toContain("hearth/email-triage: int8 on cpu");
  expect(run.stdout).toContain("No cloud model configured");
  expect(run.stdout).toContain("empty: nothing left this device");
  // Not a terminal: plain progress lines, one per start and finish.
  expect(run.stdout).toMatch(/hearth\/glove-sif: \d+\/\d+ bytes done/);
});

it("says which features fell back to rules under a small memory budget", { timeout: 60_000 }, () => {
  const { run, result } = demo(["--memory-budget", "1MB"]);
  expect(run.status).toBe(0);
  expect(result).toMatchObject({ imported: 40, triaged: 40, secondDeviceMessages: 40, sameInbox: true, fallbacks: 3 });
  expect(run.stdout).toContain("hearth/email-triage: falling back to rules because it does not fit the memory budget");
  expect(run.stdout).toContain("categories and search: rules and keywords only");
});
