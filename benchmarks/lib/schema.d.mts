// Types of schema.mjs for the TypeScript tests: the shape of a result file (schemaVersion 3; an older file is a newer
// one without the later additions: unavailable results and browser machine fields in 3, value records, opsPerCall
// and bounded goals in 2).

export interface Stats {
  /** Median time per operation, in the measure's unit. */
  p50: number;
  p95: number;
  opsPerSec: number;
  /** Present when the measure has `bytes`; 10^6 bytes per second. */
  mbPerSec?: number;
  samples: number;
}

/** What a goal's `min`/`max` bound: a figure of ours, or ours minus the baseline (p50s, or values). */
export type GoalMetric = "p50" | "p95" | "opsPerSec" | "mbPerSec" | "value" | "difference";

/** Every bound present must hold for `met`; at least one of `maxRatio` or `of` with `min`/`max` is present. */
export interface Goal {
  maxRatio?: number;
  of?: GoalMetric;
  min?: number;
  max?: number;
  met: boolean;
}

/** A timed operation beside one baseline. */
export interface TimedMeasure {
  suite: string;
  name: string;
  kind?: undefined;
  unit: "ns" | "us" | "ms" | "s";
  bytes?: number;
  /** Operations per timed call (a batch, concurrent requests); p50/p95 are per operation, ops/s counts them. */
  opsPerCall?: number;
  ours: Stats;
  baseline: Stats & { name: string };
  /** ours.p50 / baseline.p50 */
  ratio: number;
  peakRssBytes: number;
  goal?: Goal;
}

/** A one-shot figure that is not a time (bytes stored, a file's size, an accuracy) beside one baseline's. */
export interface ValueMeasure {
  suite: string;
  name: string;
  kind: "value";
  unit: "bytes" | "%";
  bytes?: undefined;
  opsPerCall?: undefined;
  ours: { value: number };
  baseline: { name: string; value: number };
  /** ours.value / baseline.value */
  ratio: number;
  peakRssBytes: number;
  goal?: Goal;
}

export type Measure = TimedMeasure | ValueMeasure;

/** What a browser target found of WebGPU: the adapter Chromium granted (its GPUAdapterInfo), or why none. */
export interface WebGpuInfo {
  available: boolean;
  reason?: string;
  adapter?: Record<string, string>;
  isFallbackAdapter?: boolean;
}

export interface Machine {
  cpuModel: string;
  cores: number;
  memoryBytes: number;
  os: string;
  node: string;
  onnxruntime: string | null;
  /** The provider the measures actually ran on ("cpu", "wasm", "webgpu"), or "none" for an unavailable target. */
  executionProvider: string;
  /** Browser targets: name and version, e.g. "Chromium 156.0.8078.79". */
  browser?: string;
  crossOriginIsolated?: boolean;
  /** onnxruntime-web's wasm threads. */
  wasmThreads?: number;
  webgpu?: WebGpuInfo;
  /** What `peakRssBytes` measures when it is not this Node process (e.g. the Chromium renderer of the page). */
  peakRssOf?: string;
  /** Facts a reader needs to trust the figures (provider fallbacks, node placement), one sentence each. */
  notes?: string[];
}

export interface BenchResult {
  schemaVersion: 1 | 2 | 3;
  target: string;
  quick: boolean;
  startedAt: string;
  /** Present only when the target could not run here; then `reason` says why and `measures` is empty. */
  status?: "unavailable";
  reason?: string;
  machine: Machine;
  /** Empty when the target is unavailable, or when `unavailable` names every suite asked for. */
  measures: Measure[];
  /** Suites that could not run on this machine (a server they need is not installed), each with why. */
  unavailable?: { suite: string; reason: string }[];
}

export const SCHEMA_VERSION: 3;

/** Every problem with a parsed result file, as `path: expected ..., got ...` lines; empty when it is valid. */
export function validateResult(result: unknown): string[];
