// The benchmark runner as CI runs it: quick runs whose result files must validate. Timings are never asserted here
// (a shared 2-core machine cannot promise any); only the shape and sanity of what is written. Each suite runs in its
// own process and its own test, so a suite that breaks is named; together they take about two minutes.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { detectCuda } from "@hearth/runtime/node";
import { catalogPath } from "@hearth/zoo/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
// @ts-expect-error: a plain .mjs helper shared with vitest's browser project
import { findChromium, installHint } from "../../scripts/chromium.mjs";
import { type BenchResult, type Measure, SCHEMA_VERSION, validateResult } from "../lib/schema.mjs";
import { logDomain, toSvg } from "../lib/svg.mjs";
// @ts-expect-error: plain .mjs; createWebTarget(spec) returns { start, runSuite, machine, stop }
import { createWebTarget } from "../lib/web-target.mjs";
// @ts-expect-error: the target is plain .mjs; probeSession(model: string) returns the reason or undefined
import { probeSession } from "../targets/node-cuda.mjs";

const runner = fileURLToPath(new URL("../run.mjs", import.meta.url));
const run = (...args: string[]) =>
  spawnSync(process.execPath, [runner, ...args], { encoding: "utf8", timeout: 290_000 });

const outDirs: string[] = [];
afterAll(() => {
  for (const dir of outDirs) rmSync(dir, { recursive: true, force: true });
});

/** A quick run (of one suite, or of a target's every suite) into a fresh folder, removed after the tests. */
function quickRun(suite: string | undefined, target = "node-cpu"): { result: BenchResult; outDir: string } {
  const outDir = mkdtempSync(join(tmpdir(), `hearth-bench-${suite ?? target}-`));
  outDirs.push(outDir);
  const done = run("--target", target, "--quick", ...(suite ? ["--suite", suite] : []), "--out", outDir);
  expect(done.status, done.stderr).toBe(0);
  const json = readdirSync(outDir).find((f) => f.startsWith(`${target}-`) && f.endsWith(".json"));
  expect(json).toBeDefined();
  return { result: JSON.parse(readFileSync(join(outDir, json ?? ""), "utf8")), outDir };
}

/** What every result must hold beyond the validator: its own suites' records, each ratio from its own figures. */
function expectSane(result: BenchResult, suite: string | string[]) {
  expect(validateResult(result)).toEqual([]);
  expect(result.schemaVersion).toBe(SCHEMA_VERSION);
  expect(result.measures.length).toBeGreaterThan(0);
  const suites = Array.isArray(suite) ? suite : [suite];
  for (const m of result.measures) {
    expect(suites).toContain(m.suite);
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
    expect(validateResult(file([value], SCHEMA_VERSION + 1)).join()).toMatch(/schemaVersion/);
  });
});

// Each suite's quick run, checked for the figures its task asks for. A generous timeout each: the machine is shared.
const SUITE_TIMEOUT = 300_000;

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

describe("schemaVersion 3: unavailable targets and browser machines", () => {
  const machine = {
    cpuModel: "test",
    cores: 2,
    memoryBytes: 2 ** 30,
    os: "test",
    node: "v20",
    onnxruntime: "1.30.0",
    executionProvider: "none",
  };
  const unavailable = {
    schemaVersion: 3,
    target: "node-cuda",
    quick: true,
    startedAt: new Date(0).toISOString(),
    status: "unavailable",
    reason: "no CUDA provider library",
    machine,
    measures: [],
  };

  it("accepts an unavailable result with its reason and no measures", () => {
    expect(validateResult(unavailable)).toEqual([]);
  });

  it("refuses an unavailable result without a reason, with measures, or in an older version", () => {
    const { reason: _reason, ...noReason } = unavailable;
    expect(validateResult(noReason).join()).toMatch(/reason: expected a non-empty string/);
    expect(validateResult({ ...unavailable, measures: [{}] }).join()).toMatch(/expected \[\] for an unavailable/);
    expect(validateResult({ ...unavailable, schemaVersion: 2 }).join()).toMatch(/status: needs schemaVersion 3/);
    expect(validateResult({ ...unavailable, status: "skipped" }).join()).toMatch(/status/);
    const { status: _status, ...reasonAlone } = unavailable;
    expect(validateResult(reasonAlone).join()).toMatch(/reason: present but status/);
  });

  it("types the browser's machine fields", () => {
    const browser = {
      ...machine,
      browser: "Chromium 156",
      crossOriginIsolated: true,
      wasmThreads: 2,
      webgpu: { available: true, adapter: { vendor: "google", architecture: "swiftshader" } },
      peakRssOf: "the renderer",
      notes: ["a fact"],
    };
    expect(validateResult({ ...unavailable, machine: browser })).toEqual([]);
    const wrong = { ...browser, crossOriginIsolated: "yes", wasmThreads: 0, webgpu: { available: false }, notes: [1] };
    const errors = validateResult({ ...unavailable, machine: wrong }).join("\n");
    for (const key of ["crossOriginIsolated", "wasmThreads", "webgpu.reason", "notes"]) expect(errors).toContain(key);
    expect(
      validateResult({
        ...unavailable,
        schemaVersion: 2,
        status: undefined,
        reason: undefined,
        machine: browser,
      }).join(),
    ).toMatch(/machine.browser: needs schemaVersion 3/);
  });
});

describe("the chart of ratios", () => {
  const stats = (p50: number) => ({ p50, p95: p50, opsPerSec: 1 / p50, samples: 5 });
  const record = (name: string, ratio: number, maxRatio?: number): Measure => ({
    suite: "s",
    name,
    unit: "ms",
    ours: stats(ratio),
    baseline: { name: "raw", ...stats(1) },
    ratio,
    peakRssBytes: 1,
    ...(maxRatio ? { goal: { maxRatio, met: ratio <= maxRatio } } : {}),
  });
  const result = (measures: Measure[]): BenchResult => ({
    schemaVersion: 3,
    target: "t",
    quick: true,
    startedAt: new Date(0).toISOString(),
    machine: {
      cpuModel: "c",
      cores: 1,
      memoryBytes: 1,
      os: "o",
      node: "n",
      onnxruntime: null,
      executionProvider: "cpu",
    },
    measures,
  });
  // The bars of a chart: x and width of each <rect> after the background.
  const bars = (svg: string) =>
    [...svg.matchAll(/<rect x="([\d.]+)" y="[\d.]+" width="([\d.]+)"/g)].map((m) => ({
      x: Number(m[1]),
      w: Number(m[2]),
    }));

  it("spans whole decades holding every ratio and goal, at least 0.1 to 10", () => {
    expect(logDomain([record("a", 1.2)])).toEqual({ lo: 0.1, hi: 10 });
    expect(logDomain([record("a", 0.03), record("b", 250, 1.05)])).toEqual({ lo: 0.01, hi: 1000 });
    expect(logDomain([record("a", 2, 0.5)])).toEqual({ lo: 0.1, hi: 10 });
  });

  it("draws ratios on a log scale from a line at 1, with a tick at each ratio goal", () => {
    const svg = toSvg(result([record("tenth", 0.1), record("ten", 10, 1.05), record("hundred", 100)]));
    const [tenth, ten, hundred] = bars(svg);
    // 0.1 and 10 are one decade either side of parity; 100 is two decades right of it.
    expect(tenth?.x).toBeDefined();
    const parity = (tenth?.x ?? 0) + (tenth?.w ?? 0);
    expect(ten?.x).toBeCloseTo(parity, 0);
    expect(ten?.w).toBeCloseTo(tenth?.w ?? 0, 0);
    expect(hundred?.w).toBeCloseTo(2 * (tenth?.w ?? 0), 0);
    expect(svg).toContain(`x1="${parity.toFixed(1)}"`);
    expect(svg).toMatch(/stroke-width="3"/); // the goal tick of "ten"
    for (const label of ["0.1×", "1×", "10×", "100×"]) expect(svg).toContain(`>${label}</text>`);
  });

  it("says so for an unavailable target", () => {
    const svg = toSvg({ ...result([]), status: "unavailable", reason: "no GPU here" });
    expect(svg).toMatch(/no GPU here/);
    expect(svg).not.toMatch(/<rect x=/);
  });
});

describe("pnpm bench --target node-cuda", () => {
  it(
    "writes a valid result: measures on CUDA, or unavailable with the reason, and exits 0 either way",
    () => {
      const { result } = quickRun(undefined, "node-cuda");
      expect(validateResult(result)).toEqual([]);
      if (detectCuda().available) {
        expect(result.machine.executionProvider).toBe("cuda");
        expect(result.measures.length).toBeGreaterThan(0);
      } else {
        expect(result.status).toBe("unavailable");
        expect(result.reason).toMatch(/CUDA/);
        // A reason names files inside the package, never this machine's folders.
        expect(result.reason).not.toMatch(/node_modules|\/home\/|\/tmp\//);
        expect(result.machine.executionProvider).toBe("none");
      }
    },
    SUITE_TIMEOUT,
  );

  it("reports why onnxruntime-node cannot open a session on CUDA, from a child process", () => {
    if (detectCuda().available) return;
    const model = join(catalogPath(), "hearth", "tiny-decoder", "onnx", "model.onnx");
    expect(probeSession(model)).toMatch(/^onnxruntime-node could not open a session on CUDA: \S/);
  }, 120_000);
});

// The web targets drive Debian's Chromium. Without it a developer sees why these are skipped; CI fails instead.
const chromium: string | undefined = findChromium();
const ci = process.env.CI === "true";
if (!chromium && !ci) console.warn(`benchmarks: the web-wasm and web-webgpu runs are skipped: ${installHint}`);

describe.runIf(chromium || ci)("pnpm bench --target web-wasm --quick and --target web-webgpu --quick", () => {
  it("has Chromium to run them", () => {
    expect(chromium, installHint).toBeDefined();
  });

  it("a web target that needs WebGPU and gets no adapter is unavailable, with Chromium's reason", async () => {
    // Launched without the WebGPU flags, Chromium grants no adapter here (nor on most Linux machines).
    const target = createWebTarget({
      provider: "webgpu",
      suiteNames: ["inference"],
      launches: [{ name: "no WebGPU flags", args: [] }],
      needsWebGpu: true,
    });
    try {
      const started = await target.start({ quick: true });
      expect(started.unavailable).toMatch(/^Chromium granted no WebGPU adapter \(no WebGPU flags: .*requestAdapter/);
      const machine = target.machine();
      expect(machine.webgpu.available).toBe(false);
      expect(machine.executionProvider).toBe("none");
    } finally {
      await target.stop();
    }
  }, 120_000);

  it(
    "web-wasm: crypto, sync and inference timed in a cross-origin isolated page, on wasm with threads",
    () => {
      const { result, outDir } = quickRun(undefined, "web-wasm");
      expectSane(result, ["crypto", "sync", "inference"]);
      const { machine } = result;
      expect(machine.browser).toMatch(/^Chromium \d+\./);
      expect(machine.crossOriginIsolated).toBe(true);
      expect(machine.executionProvider).toBe("wasm");
      expect(machine.wasmThreads).toBeGreaterThanOrEqual(1);
      expect(machine.onnxruntime).toMatch(/^1\.30\./);
      expect(machine.webgpu?.available).toBe(false);
      expect(machine.peakRssOf).toMatch(/renderer/);
      expect(find(result, /^envelope seal 1 KiB$/, /@noble\/ciphers/).goal?.maxRatio).toBe(1.1);
      find(result, /^ed25519 verify/, /WebCrypto Ed25519/);
      find(result, /^open a snapshot/, /Automerge.load/);
      expect(find(result, /seal \+ sign \+ verify \+ open \+ apply/).opsPerCall).toBeGreaterThan(1);
      expect(find(result, /^embed .*batch 1$/, /raw/).goal?.maxRatio).toBe(1.05);
      expect(find(result, /^classify .*batch 1$/, /transformers\.js/).goal?.maxRatio).toBe(0.5);
      find(result, /^generate/, /raw greedy loop/);
      expect(readFileSync(join(outDir, "latest-web-wasm.md"), "utf8")).toMatch(/Chromium \d+.*cross-origin isolated/);
    },
    SUITE_TIMEOUT * 2,
  );

  it(
    "web-webgpu: inference on the webgpu provider, saying which adapter Chromium granted",
    () => {
      const { result } = quickRun(undefined, "web-webgpu");
      expect(validateResult(result)).toEqual([]);
      const { machine } = result;
      // Without a GPU, SwiftShader is the adapter: the result must say so rather than pass for a GPU.
      expect(machine.webgpu?.available).toBe(true);
      expect(Object.values(machine.webgpu?.adapter ?? {}).join(" ")).not.toBe("");
      expect(machine.executionProvider).toBe("webgpu");
      expect(machine.notes?.join(" ")).toMatch(/opened on webgpu alone/);
      expectSane(result, "inference");
    },
    SUITE_TIMEOUT * 2,
  );
});
