// The built CLI, run as a user runs it, against the loopback provider server.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { TINY_DECODER_ID } from "@hearth/zoo";
import { catalogPath } from "@hearth/zoo/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCorpus } from "./helpers/corpus";
import { ProviderServer } from "./helpers/provider-server";

const cli = fileURLToPath(new URL("../dist/cli.js", import.meta.url));
let server: ProviderServer;
beforeAll(async () => {
  server = await ProviderServer.start();
});
afterAll(() => server.close());

function runCli(args: string[], stdin: string, env: Record<string, string>) {
  return new Promise<{ stdout: string; stderr: string; code: number | null }>((resolve) => {
    const child = spawn(process.execPath, [cli, ...args], { env: { ...process.env, ...env } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => {
      stdout += d;
    });
    child.stderr.on("data", (d) => {
      stderr += d;
    });
    child.on("close", (code) => resolve({ stdout, stderr, code }));
    child.stdin.end(stdin);
  });
}

const prompts = loadCorpus().slice(0, 8);

describe.each(["anthropic", "openai"])("hearth-escalate run --route cloud --provider %s", (provider) => {
  it.each([[[]], [["--no-stream"]]])(
    "answers every line, restored, and audits it (%j)",
    async (extra) => {
      const dir = mkdtempSync(join(tmpdir(), "escalate-cli-"));
      const auditFile = join(dir, "audit.jsonl");
      const env = {
        ANTHROPIC_BASE_URL: server.url,
        ANTHROPIC_API_KEY: "test-key",
        OPENAI_BASE_URL: server.url,
        OPENAI_API_KEY: "test-key",
      };
      const stdin = prompts.map((p) => JSON.stringify({ id: p.id, prompt: p.text })).join("\n");
      const args = ["run", "--route", "cloud", "--provider", provider, "--model", "m1", "--audit", auditFile, ...extra];
      const out = await runCli(args, stdin, env);
      expect(out.stderr).toBe("");
      expect(out.code).toBe(0);
      const lines = out.stdout
        .trim()
        .split("\n")
        .map((l) => JSON.parse(l));
      expect(lines).toHaveLength(prompts.length);
      for (const [i, p] of prompts.entries()) {
        expect(lines[i]).toMatchObject({ id: p.id, route: "cloud", answer: p.text });
        expect(lines[i].redactedTypes.length).toBeGreaterThan(0);
      }
      const records = readFileSync(auditFile, "utf8").trim().split("\n");
      expect(records).toHaveLength(prompts.length);
      for (const p of prompts) {
        for (const v of p.values.filter((x) => x.type !== "PERSON"))
          expect(readFileSync(auditFile, "utf8")).not.toContain(v.value);
      }
      const printed = await runCli(["audit", "--audit", auditFile], "", {});
      expect(printed.code).toBe(0);
      expect(printed.stdout).toContain(`${prompts.length} request(s) left this device.`);
      expect(printed.stdout).toContain(provider === "openai" ? "openai/m1" : "anthropic/m1");
    },
    30_000,
  );
});

it("answers local routes with a real local model (--local-model), streamed or not, sending nothing", async () => {
  const dir = mkdtempSync(join(tmpdir(), "escalate-cli-"));
  const auditFile = join(dir, "audit.jsonl");
  const folder = join(catalogPath(), TINY_DECODER_ID);
  const local = prompts.slice(0, 3);
  const stdin = local.map((p) => JSON.stringify({ id: p.id, prompt: p.text })).join("\n");
  const env = { OPENAI_BASE_URL: server.url, OPENAI_API_KEY: "test-key" };
  const before = server.requests.length;
  const answers: string[][] = [];
  for (const extra of [[], ["--no-stream"]]) {
    const args = ["run", "--route", "local", "--provider", "openai", "--local-model", folder, "--audit", auditFile];
    const out = await runCli([...args, ...extra], stdin, env);
    expect(out.stderr).toBe("");
    expect(out.code).toBe(0);
    const lines = out.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.id, l.route, l.redactedTypes])).toEqual(local.map((p) => [p.id, "local", []]));
    for (const l of lines) expect(typeof l.answer).toBe("string");
    answers.push(lines.map((l) => l.answer));
  }
  // Greedy decoding: the streamed answers are the whole ones.
  expect(answers[0]).toEqual(answers[1]);
  expect(answers[0]?.some((a) => a.length > 0)).toBe(true);
  expect(server.requests.length).toBe(before);
  expect(existsSync(auditFile) ? readFileSync(auditFile, "utf8") : "").toBe("");
}, 60_000);

it("routes each line itself with --route auto: simple ones local, complex ones to the cloud", async () => {
  const dir = mkdtempSync(join(tmpdir(), "escalate-cli-"));
  const auditFile = join(dir, "audit.jsonl");
  const simple = "Translate 'thank you for your patience' into French.";
  const hard =
    "Find a 90-minute slot next week for Anna Weber, Ben Okafor and Chloé Martin: Anna can't do mornings, Ben only " +
    "Tuesday or Thursday, Chloé must finish before 4 pm, and it must not overlap the all-hands on Wednesday.";
  const stdin = [JSON.stringify({ id: "a", prompt: simple }), JSON.stringify({ id: "b", prompt: hard })].join("\n");
  const args = ["run", "--route", "auto", "--provider", "anthropic", "--model", "m1", "--audit", auditFile];
  const out = await runCli([...args, "--local-model", join(catalogPath(), TINY_DECODER_ID)], stdin, {
    ANTHROPIC_BASE_URL: server.url,
    ANTHROPIC_API_KEY: "test-key",
  });
  expect(out.stderr).toBe("");
  expect(out.code).toBe(0);
  const [a, b] = out.stdout
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l));
  expect(a).toMatchObject({ id: "a", route: "local", redactedTypes: [] });
  expect(b).toMatchObject({ id: "b", route: "cloud", answer: hard });
  expect(b.redactedTypes).toContain("PERSON");
  const records = readFileSync(auditFile, "utf8").trim().split("\n");
  expect(records).toHaveLength(1);
  expect(records[0]).not.toContain("Anna Weber");
}, 60_000);

it("answers a bad line with a typed error line that never quotes it, and goes on to the next", async () => {
  const dir = mkdtempSync(join(tmpdir(), "escalate-cli-"));
  const auditFile = join(dir, "audit.jsonl");
  const good = prompts[0]!;
  const huge = `${good.text} `.repeat(Math.ceil(450_000 / good.text.length));
  const stdin = [
    "Reply to Sofia Rossi, not json",
    "null",
    "[1, 2]",
    JSON.stringify({ id: "no-prompt", text: "Sofia Rossi" }),
    JSON.stringify({ id: "huge", prompt: huge }),
    JSON.stringify({ id: good.id, prompt: good.text }),
  ].join("\n");
  const out = await runCli(["run", "--route", "cloud", "--provider", "openai", "--audit", auditFile], stdin, {
    OPENAI_BASE_URL: server.url,
    OPENAI_API_KEY: "test-key",
  });
  expect(out.stderr).toBe("");
  expect(out.code).toBe(1);
  const lines = out.stdout
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l));
  expect(lines.map((l) => [l.id, l.error?.code])).toEqual([
    [1, "E_INPUT"],
    [2, "E_INPUT"],
    [3, "E_INPUT"],
    ["no-prompt", "E_INPUT"],
    ["huge", "E_TOO_LARGE"],
    [good.id, undefined],
  ]);
  expect(lines[1].error.message).toMatch(/^Line 2 is not a JSON object/);
  expect(lines[5]).toMatchObject({ route: "cloud", answer: good.text });
  expect(out.stdout).not.toContain("Sofia");
  // Only the good line left the device.
  expect(readFileSync(auditFile, "utf8").trim().split("\n")).toHaveLength(1);
}, 30_000);

it("refuses an unknown route or provider with exit code 2", async () => {
  for (const args of [
    ["--route", "sometimes"],
    ["--provider", "elsewhere"],
  ]) {
    const out = await runCli(["run", ...args, "--audit", join(tmpdir(), "x.jsonl")], "", {});
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/--(route|provider) must be/);
  }
});

it("refuses an audit log it cannot read", async () => {
  const dir = mkdtempSync(join(tmpdir(), "escalate-cli-"));
  const file = join(dir, "audit.jsonl");
  const { writeFileSync } = await import("node:fs");
  writeFileSync(file, '{"v":2}\n');
  const out = await runCli(["audit", "--audit", file], "", {});
  expect(out.code).toBe(2);
  expect(out.stderr).toContain("format version 2");
});
