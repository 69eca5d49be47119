// The benchmark runner as CI runs it: a quick crypto run whose result file must validate. Timings are never
// asserted here (a shared 2-core machine cannot promise any); only the shape and sanity of what is written.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { type BenchResult, validateResult } from "../lib/schema.mjs";

const runner = fileURLToPath(new URL("../run.mjs", import.meta.url));
const run = (...args: string[]) =>
  spawnSync(process.execPath, [runner, ...args], { encoding: "utf8", timeout: 180_000 });

describe("pnpm bench --quick --suite crypto", () => {
  let result: BenchResult;
  let outDir: string;

  beforeAll(() => {
    outDir = mkdtempSync(join(tmpdir(), "hearth-bench-"));
    const done = run("--quick", "--suite", "crypto", "--out", outDir);
    expect(done.status, done.stderr).toBe(0);
    const json = readdirSync(outDir).find((f) => /^node-cpu-.*\.json$/.test(f));
    expect(json).toBeDefined();
    result = JSON.parse(readFileSync(join(outDir, json ?? ""), "utf8"));
  }, 200_000);

  it("writes a result that validates, with a table and a chart beside it", () => {
    expect(validateResult(result)).toEqual([]);
    const files = readdirSync(outDir);
    expect(files.some((f) => f.endsWith(".md"))).toBe(true);
    expect(files.some((f) => f.endsWith(".svg"))).toBe(true);
    expect(readFileSync(join(outDir, "latest-node-cpu.svg"), "utf8")).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
  });

  it("measures every crypto operation beside its baselines with a finite ratio", () => {
    const names = new Set(result.measures.map((m) => m.name));
    for (const size of ["64 B", "1 KiB", "64 KiB", "1 MiB"]) {
      expect(names.has(`envelope seal ${size}`)).toBe(true);
      expect(names.has(`envelope open ${size}`)).toBe(true);
    }
    for (const m of result.measures) {
      expect(Number.isFinite(m.ratio) && m.ratio > 0, m.name).toBe(true);
      expect(m.ratio).toBeCloseTo(m.ours.p50 / m.baseline.p50, 6);
    }
    expect(result.machine.cores).toBeGreaterThan(0);
  });

  it("refuses a corrupted result", () => {
    const broken = structuredClone(result) as unknown as Record<string, unknown> & {
      measures: Record<string, unknown>[];
    };
    delete broken.machine;
    (broken.measures[0] as Record<string, unknown>).ratio = Number.NaN;
    const errors = validateResult(broken);
    expect(errors.some((e) => e.startsWith("machine"))).toBe(true);
    expect(errors.some((e) => e.includes("ratio"))).toBe(true);
    expect(validateResult("not json")).not.toEqual([]);
  });

  it("answers a wrong target or suite with one line and exit code 2", () => {
    const target = run("--target", "quantum");
    expect(target.status).toBe(2);
    expect(target.stderr.trim().split("\n")).toHaveLength(1);
    expect(run("--target", "web-wasm").stderr).toMatch(/not implemented yet/);
    expect(run("--suite", "nope").stderr).toMatch(/Unknown suite "nope"/);
  });
});
