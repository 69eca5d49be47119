// The benchmark runner as CI runs it: quick runs whose result files must validate. Timings are never asserted here
// (a shared 2-core machine cannot promise any); only the shape and sanity of what is written. Each suite runs in its
// own process and its own test, so a suite that breaks is named; together they take about two minutes.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BenchResult, type Measure, SCHEMA_VERSION, validateResult } from "../lib/schema.mjs";

const runner = fileURLToPath(new URL("../run.mjs", import.meta.url));
const run = (...args: string[]) =>
  spawnSync(process.execPath, [runner, ...args], { encoding: "utf8", timeout: 180_000 });

const outDirs: string[] = [];
afterAll(() => {
  for (const dir of outDirs) rmSync(dir, { recursive: true, force: true });
});

/** A quick run of one suite into a fresh folder (removed after the tests); the parsed result file. */
function quickRun(suite: string): { result: BenchResult; outDir: string } {
  const outDir = mkdtempSync(join(tmpdir(), `hearth-bench-${suite}-`));
  outDirs.push(outDir);
  const done = run("--quick", "--suite", suite, "--out", outDir);
  expect(done.status, done.stderr).toBe(0);
  const json = readdirSync(outDir).find((f) => /^node-cpu-.*\.json$/.test(f));
  expect(json).toBeDefined();
  return { result: JSON.parse(readFileSync(join(outDir, json ?? ""), "utf8")), outDir };
}

/** What every result must hold beyond the validator: its own suite's records, each ratio from its own figures. */
function expectSane(result: BenchResult, suite: string) {
  expect(validateResult(result)).toEqual([]);
  expect(result.schemaVersion).toBe(SCHEMA_VERSION);
  expect(result.measures.length).toBeGreaterThan(0);
  for (const m of result.measures) {
    expect(m.suite).toBe(suite);
    if (m.kind === "value") expect(m.ratio).toBeCloseTo(m.ours.value / m.baseline.value, 9);
    else expect(m.ratio).toBeCloseTo(m.ours.p50 / m.baseline.p50, 6);
    expect(Number.isFinite(m.ratio), m.name).toBe(true);
  }
}

const names = (result: BenchResult) => result.measures.map((m) => `${m.name} | ${m.baseline.name}`);
const find = (result: BenchResult, name: RegExp, baseline?: RegExp): Measure => {
  const m = result.measures.find((x) => name.test(x.name) && (!baseline || baseline.test(x.baseline.name)));
  expect(m, `${name} among ${names(result).join("; ")}`).toBeDefined();
  return m as Measure;
};

describe("pnpm bench --quick --suite crypto", () => {
  let result: BenchResult;
  let outDir: string;

  beforeAll(() => {
    ({ result, outDir } = quickRun("crypto"));
  }, 200_000);

  it("writes a result that validates, with a table and a chart beside it", () => {
    expect(validateResult(result)).toEqual([]);
    const files = readdirSync(outDir);
    expect(files.some((f) => f.endsWith(".md"))).toBe(true);
    expect(files.some((f) => f.endsWith(".svg"))).toBe(true);
    expect(readFileSync(join(outDir, "latest-node-cpu.svg"), "utf8")).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
  });

  it("measures every crypto operation beside its baselines with a finite ratio", () => {
    const measured = new Set(result.measures.map((m) => m.name));
    for (const size of ["64 B", "1 KiB", "64 KiB", "1 MiB"]) {
      expect(measured.has(`envelope seal ${size}`)).toBe(true);
      expect(measured.has(`envelope open ${size}`)).toBe(true);
    }
    expectSane(result, "crypto");
    expect(result.machine.cores).toBeGreaterThan(0);
    expect(result.machine.onnxruntime).toMatch(/^\d+\.\d+\.\d+/);
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

describe("value records and bounded goals (schemaVersion 2)", () => {
  const machine = {
    cpuModel: "test",
    cores: 2,
    memoryBytes: 2 ** 30,
    os: "test",
    node: "v20",
    onnxruntime: null,
    executionProvider: "cpu",
  };
  const stats = (p50: number) => ({ p50, p95: p50 * 2, opsPerSec: 1000 / p50, samples: 10 });
  const timed = {
    suite: "t",
    name: "timed",
    unit: "ms",
    opsPerCall: 4,
    ours: stats(2),
    baseline: { name: "raw", ...stats(1) },
    ratio: 2,
    peakRssBytes: 1,
    goal: { of: "difference", max: 0.5, met: false },
  };
  const value = {
    suite: "t",
    name: "size",
    kind: "value",
    unit: "bytes",
    ours: { value: 30 },
    baseline: { name: "fp32", value: 100 },
    ratio: 0.3,
    peakRssBytes: 1,
    goal: { maxRatio: 0.3, met: true },
  };
  const file = (measures: unknown[], schemaVersion = 2) => ({
    schemaVersion,
    target: "node-cpu",
    quick: true,
    startedAt: new Date(0).toISOString(),
    machine,
    measures,
  });

  it("accepts value records, opsPerCall and bounds whose met agrees with the figures", () => {
    expect(validateResult(file([timed, value]))).toEqual([]);
    const rate = { ...timed, goal: { maxRatio: 3, of: "opsPerSec", min: 400, met: true } };
    expect(validateResult(file([rate]))).toEqual([]);
  });

  it("refuses a met that the figures contradict, and bounds on figures a record lacks", () => {
    expect(validateResult(file([{ ...timed, goal: { of: "difference", max: 0.5, met: true } }]))).toEqual([
      "measures[0].goal.met: is true but the record's figures say otherwise",
    ]);
    expect(validateResult(file([{ ...value, goal: { maxRatio: 0.29, met: true } }]))[0]).toMatch(/goal\.met/);
    expect(validateResult(file([{ ...timed, goal: { of: "mbPerSec", min: 1, met: false } }])).join()).toMatch(
      /needs a measure with bytes/,
    );
    expect(validateResult(file([{ ...value, goal: { of: "p95", max: 1, met: true } }])).join()).toMatch(
      /only a timed record/,
    );
    expect(validateResult(file([{ ...value, goal: { of: "value", met: true } }])).join()).toMatch(
      /neither min nor max/,
    );
  });

  it("refuses a value record with a wrong ratio, unit or baseline", () => {
    expect(validateResult(file([{ ...value, ratio: 0.5 }])).join()).toMatch(/ratio: expected ours.value/);
    expect(validateResult(file([{ ...value, unit: "furlongs" }])).join()).toMatch(/unit/);
    expect(validateResult(file([{ ...value, baseline: { name: "fp32", value: 0 } }])).join()).toMatch(/baseline.value/);
  });

  it("lists suites that could not run, each with a reason; such a run may have no measures", () => {
    const skipped = [{ suite: "relay-postgres", reason: "install postgresql" }];
    expect(validateResult({ ...file([]), unavailable: skipped })).toEqual([]);
    expect(validateResult({ ...file([value]), unavailable: skipped })).toEqual([]);
    expect(validateResult(file([])).join()).toMatch(/measures: expected a non-empty array/);
    expect(validateResult({ ...file([value]), unavailable: [] }).join()).toMatch(/unavailable/);
    expect(validateResult({ ...file([value]), unavailable: [{ suite: "x" }] }).join()).toMatch(
      /unavailable\[0\]\.reason/,
    );
  });

  it("reads a version 1 file, but not one that uses version 2's additions", () => {
    const { opsPerCall: _ops, goal: _goal, ...v1 } = timed;
    expect(validateResult(file([{ ...v1, goal: { maxRatio: 3, met: true } }], 1))).toEqual([]);
    const errors = validateResult(file([value, timed], 1)).join("\n");
    expect(errors).toMatch(/"value" records need schemaVersion 2/);
    expect(errors).toMatch(/opsPerCall: needs schemaVersion 2/);
    expect(validateResult(file([value], 3)).join()).toMatch(/schemaVersion/);
  });
});

// Each suite's quick run, checked for the figures its task asks for. A generous timeout each: the machine is shared.
const SUITE_TIMEOUT = 200_000;

describe("pnpm bench --quick, every other suite", () => {
  it(
    "sync: catch-up with and without a snapshot, relay bytes after compaction, encryption cost",
    () => {
      const { result } = quickRun("sync");
      expectSane(result, "sync");
      expect(find(result, /catch-up.*log only/).goal).toBeUndefined();
      expect(find(result, /catch-up.*snapshot/).goal?.maxRatio).toBe(1.2);
      const stored = find(result, /relay storage after compaction/);
      expect(stored.kind).toBe("value");
      expect(stored.unit).toBe("bytes");
      expect(stored.goal?.maxRatio).toBe(1.3);
      expect(find(result, /seal \+ sign \+ verify \+ open \+ apply/).opsPerCall).toBeGreaterThan(1);
    },
    SUITE_TIMEOUT,
  );

  it(
    "relay: appends per second against raw HTTP and raw SQLite",
    () => {
      const { result } = quickRun("relay");
      expectSane(result, "relay");
      const single = find(result, /1 entry per request/, /node:http/);
      expect(single.goal).toMatchObject({ of: "opsPerSec", min: 5000 });
      expect(single.opsPerCall).toBe(64);
      find(result, /1 entry per request/, /better-sqlite3/);
      find(result, /50 entries per request/, /node:http/);
    },
    SUITE_TIMEOUT,
  );

  it(
    "relay-postgres: appends/s, push latency p50/p95/p99, errors and size, 2 relays on PostgreSQL vs 1 on SQLite",
    () => {
      const { result } = quickRun("relay-postgres");
      expectSane(result, "relay-postgres");
      const rate = find(result, /^appends per second, 40 devices.*2 relays on PostgreSQL/, /1 relay on SQLite/);
      expect(rate.unit).toBe("ops/s");
      for (const p of ["p50", "p95", "p99"]) expect(find(result, new RegExp(`^push latency ${p}`)).unit).toBe("ms");
      const ok = find(result, /^requests answered without error/);
      expect(ok.goal).toMatchObject({ of: "value", min: 100 });
      expect(find(result, /^database size/).unit).toBe("bytes");
    },
    SUITE_TIMEOUT,
  );

  it("relay-postgres without PostgreSQL: reported unavailable with the reason, and the run still succeeds", () => {
    const outDir = mkdtempSync(join(tmpdir(), "hearth-bench-unavailable-"));
    outDirs.push(outDir);
    const done = spawnSync(process.execPath, [runner, "--quick", "--suite", "relay-postgres", "--out", outDir], {
      encoding: "utf8",
      timeout: 60_000,
      env: { ...process.env, POSTGRES_BIN: join(outDir, "no-postgres-here") },
    });
    expect(done.status, done.stderr).toBe(0);
    expect(done.stderr).toMatch(/relay-postgres: unavailable \(PostgreSQL is needed/);
    const json = readdirSync(outDir).find((f) => /^node-cpu-.*\.json$/.test(f));
    const result = JSON.parse(readFileSync(join(outDir, json ?? ""), "utf8")) as BenchResult;
    expect(validateResult(result)).toEqual([]);
    expect(result.measures).toEqual([]);
    expect(result.unavailable).toEqual([
      { suite: "relay-postgres", reason: expect.stringMatching(/install postgresql/) },
    ]);
    expect(readFileSync(join(outDir, "latest-node-cpu.md"), "utf8")).toMatch(/## relay-postgres\s+Unavailable: /);
  });

  it(
    "inference: every pipeline against raw onnxruntime and transformers.js, workers, cold start",
    () => {
      const { result } = quickRun("inference");
      expectSane(result, "inference");
      for (const task of ["embed", "classify"]) {
        expect(find(result, new RegExp(`^${task} .*batch 1$`), /raw/).goal?.maxRatio).toBe(1.05);
        expect(find(result, new RegExp(`^${task} .*batch 1$`), /transformers\.js/).goal?.maxRatio).toBe(0.5);
        expect(find(result, new RegExp(`^${task} .*batch 32$`), /raw/).opsPerCall).toBe(32);
      }
      find(result, /^generate/, /raw greedy loop/);
      find(result, /^generate/, /transformers\.js/);
      find(result, /tokenization alone/);
      expect(find(result, /worker round trip \(process\)/).goal).toMatchObject({ of: "difference", max: 0.2 });
      find(result, /session cold start/);
    },
    SUITE_TIMEOUT,
  );

  it(
    "models: download, SHA-256, and int8 against fp32 in size, latency and accuracy",
    () => {
      const { result } = quickRun("models");
      expectSane(result, "models");
      expect(find(result, /^pull/).bytes).toBeGreaterThan(0);
      find(result, /^SHA-256/, /@noble\/hashes/);
      for (const model of [/^email-triage/, /^BERT-sized/]) {
        const size = result.measures.find((m) => model.test(m.name) && m.unit === "bytes");
        expect(size?.goal?.maxRatio).toBe(0.3);
        const accuracy = result.measures.find((m) => model.test(m.name) && m.unit === "%");
        expect(accuracy?.goal).toMatchObject({ of: "difference", min: -0.5 });
        expect(accuracy?.kind === "value" && accuracy.ours.value).toBeGreaterThan(50);
      }
    },
    SUITE_TIMEOUT,
  );

  it(
    "redaction: MB/s against redact-pii",
    () => {
      const { result } = quickRun("redaction");
      expectSane(result, "redaction");
      for (const m of result.measures) {
        expect(m.kind).toBeUndefined();
        expect(m.kind === undefined && m.ours.mbPerSec).toBeGreaterThan(0);
        expect(m.goal).toMatchObject({ maxRatio: 0.33, of: "mbPerSec", min: 1 });
      }
    },
    SUITE_TIMEOUT,
  );

  it(
    "escalation: per-request and per-delta latency with absolute goals",
    () => {
      const { result } = quickRun("escalation");
      expectSane(result, "escalation");
      expect(find(result, /anonymize \+ restore/).goal).toMatchObject({ of: "p95", max: 2 });
      expect(find(result, /stream restore/).goal).toMatchObject({ of: "p50", max: 50 });
    },
    SUITE_TIMEOUT,
  );
});
