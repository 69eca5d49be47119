// Runs the built `pam` CLI against a real relay on loopback (SQLite in a temporary folder).
import { spawn } from "node:child_process";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createRelay } from "@hearth/relay";

export const cli = fileURLToPath(new URL("../../dist/cli.js", import.meta.url));
export const sample = fileURLToPath(new URL("../../data/sample.mbox", import.meta.url));

/** The environment without any cloud key: these tests never leave the machine. */
export const env: NodeJS.ProcessEnv = { ...process.env };
for (const key of ["ANTHROPIC_API_KEY", "OPENAI_BASE_URL", "OPENAI_API_KEY", "ANTHROPIC_BASE_URL"]) delete env[key];

export interface PamRun {
  out: string;
  err: string;
  status: number | null;
}

// Asynchronous on purpose: the relay runs in the test process, and a synchronous spawn would stop it answering.
export function pam(home: string, ...args: string[]): Promise<PamRun> {
  return pamWithEnv({}, home, ...args);
}

/** `pam` with extra environment variables (a cloud model's settings, say). */
export function pamWithEnv(extra: NodeJS.ProcessEnv, home: string, ...args: string[]): Promise<PamRun> {
  const child = spawn(process.execPath, [cli, "--home", home, ...args], { env: { ...env, ...extra } });
  let out = "";
  let err = "";
  child.stdout.on("data", (d: Buffer) => {
    out += d.toString();
  });
  child.stderr.on("data", (d: Buffer) => {
    err += d.toString();
  });
  return new Promise((resolve) => child.on("close", (status) => resolve({ out, err, status })));
}

/** A relay and a folder for the devices' profiles. */
export async function startWorld(): Promise<{ relay: Awaited<ReturnType<typeof createRelay>>; root: string }> {
  const root = await mkdtemp(join(tmpdir(), "pam-cli-"));
  const relay = await createRelay({ dataDir: join(root, "relay"), port: 0, rateLimit: false });
  return { relay, root };
}
