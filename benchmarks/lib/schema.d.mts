// Types of schema.mjs for the TypeScript tests: the shape of a result file (schemaVersion 1).

export interface Stats {
  /** Median time per operation, in the measure's unit. */
  p50: number;
  p95: number;
  opsPerSec: number;
  /** Present when the measure has `bytes`; 10^6 bytes per second. */
  mbPerSec?: number;
  samples: number;
}

export interface Measure {
  suite: string;
  name: string;
  unit: "ns" | "us" | "ms" | "s";
  bytes?: number;
  ours: Stats;
  baseline: Stats & { name: string };
  /** ours.p50 / baseline.p50 */
  ratio: number;
  peakRssBytes: number;
  goal?: { maxRatio: number; met: boolean };
}

export interface BenchResult {
  schemaVersion: 1;
  target: string;
  quick: boolean;
  startedAt: string;
  machine: {
    cpuModel: string;
    cores: number;
    memoryBytes: number;
    os: string;
    node: string;
    onnxruntime: string | null;
    executionProvider: string;
  };
  measures: Measure[];
}

export const SCHEMA_VERSION: 1;

/** Every problem with a parsed result file, as `path: expected ..., got ...` lines; empty when it is valid. */
export function validateResult(result: unknown): string[];
