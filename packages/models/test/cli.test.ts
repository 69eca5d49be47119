// The hearth-models CLI, built, as a user runs it: pull from a loopback hub with --json progress, list, info, pin,
// verify, gc, rm, offline errors with their exit code, and quantize on a real encoder.
import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeFixtureModels } from "../../runtime/test/fixtures/build-models";
import { fixtureModel, serveHub, tempDir } from "./helpers/fixture-model";
import { type ModelServer, startModelServer } from "./helpers/model-server";

const cli = fileURLToPath(new URL("../dist/cli.js", import.meta.url));
let server: ModelServer;
const tmp = tempDir("hearth-models-cli-");
const cache = join(tmp.dir, "cache");
const model = fixtureModel("cli/model", "main", { fp32: 300_000, int8: 80_000 }, 77);

beforeAll(async () => {
  server = await startModelServer();
  serveHub(server, model);
});
afterAll(async () => {
  await server.close();
  tmp.cleanup();
});

function run(
  ...args: string[]
): Promise<{ code: number | null; lines: Array<Record<string, unknown>>; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cli, "--cache", cache, "--source", `hub:${server.url}`, ...args], {
      env: { ...process.env, HEARTH_MODELS_SOURCE: "" },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("close", (code) => {
      const lines = args.includes("--json")
        ? stdout
            .trim()
            .split("\n")
            .filter(Boolean)
            .map((l) => JSON.parse(l))
        : [];
      resolve({ code, lines, stdout, stderr });
    });
  });
}

describe("hearth-models", () => {
  it("pulls with JSON progress lines and says which variant and why", async () => {
    const r = await run("--json", "pull", "cli/model");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const progress = r.lines.filter((l) => l.event === "progress");
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.at(-1)).toMatchObject({ phase: "download", loaded: progress.at(-1)!.total });
    const pulled = r.lines.find((l) => l.event === "pulled")!;
    expect(pulled).toMatchObject({ id: "cli/model", revision: "main", variants: ["int8"], cached: false });
    expect((pulled.selection as { variant: string }).variant).toBe("int8");
    expect(existsSync(join(pulled.path as string, "onnx", "model_int8.onnx"))).toBe(true);
  });

  it("lists, pins, verifies, shows info, collects garbage and removes", async () => {
    const list = await run("--json", "list");
    expect(list.lines).toEqual([expect.objectContaining({ id: "cli/model", variants: ["int8"], pinned: false })]);
    expect((await run("--json", "pin", "cli/model")).lines[0]).toMatchObject({ event: "pin", pinned: true });
    expect((await run("--json", "list")).lines[0]).toMatchObject({ pinned: true });
    expect((await run("--json", "verify", "cli/model")).lines[0]).toMatchObject({ event: "verified", ok: true });
    const info = await run("info", "cli/model");
    expect(info.code).toBe(0);
    expect(info.stdout).toContain("cli/model@main  task embed  license Apache-2.0");
    expect(info.stdout).toContain("passed over fp32");
    expect((await run("--json", "gc")).lines[0]).toMatchObject({ event: "gc", removedBlobs: 0 });
    expect((await run("--json", "rm", "cli/model")).lines[0]).toMatchObject({ event: "removed", removed: true });
    expect((await run("--json", "list")).lines).toEqual([]);
  });

  it("fails offline with E_OFFLINE and exit code 1, without a connection", async () => {
    const before = server.connections;
    const r = await run("--json", "--offline", "pull", "cli/model");
    expect(r.code).toBe(1);
    expect(r.lines.at(-1)).toMatchObject({ event: "error", code: "E_OFFLINE" });
    expect(String(r.lines.at(-1)?.message)).toContain("cli/model");
    expect(server.connections).toBe(before);
    const text = await run("--offline", "pull", "cli/model");
    expect(text.stderr).toMatch(/^hearth-models: E_OFFLINE: cli\/model/);
  });

  it("quantizes an encoder and reports size and error against fp32", async () => {
    const folders = writeFixtureModels(join(tmp.dir, "fixtures"));
    const input = join(folders.encoder, "onnx", "model.onnx");
    const output = join(tmp.dir, "model_int8.onnx");
    const r = await run("--json", "quantize", input, output, "--mode", "int8", "--samples", "2");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const q = r.lines[0]!;
    expect(q).toMatchObject({ event: "quantized", mode: "int8" });
    expect(q.bytesAfter as number).toBeLessThan(q.bytesBefore as number);
    expect(readFileSync(output).byteLength).toBe(q.bytesAfter);
    const err = (q.error as { outputs: Array<{ name: string; cosine: number; maxAbs: number }> }).outputs[0]!;
    expect(err.name).toBe("last_hidden_state");
    expect(err.cosine).toBeGreaterThan(0.99);
    const refused = await run("--json", "quantize", output, join(tmp.dir, "again.onnx"));
    expect(refused.code).toBe(1);
    expect(refused.lines.at(-1)).toMatchObject({ event: "error", code: "E_QUANTIZE" });
  });
});
