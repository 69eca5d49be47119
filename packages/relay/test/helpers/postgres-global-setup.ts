// Global setup of vitest's `postgres` project: one throwaway PostgreSQL cluster for the whole run (on tmpfs where
// there is one: the same server and fsyncs, without the disk's latency), stopped and removed at the end. Tests
// reach it through `inject("postgres")` (see test-store.ts) and give each relay its own database.
import { existsSync } from "node:fs";
import type { TestProject } from "vitest/node";
// A plain .mjs helper shared with the benchmark runner (types in postgres.d.mts).
import { startPostgres } from "../../../../scripts/postgres.mjs";

declare module "vitest" {
  export interface ProvidedContext {
    postgres: { url: string; dataDir: string };
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const cluster = await startPostgres({ parent: existsSync("/dev/shm") ? "/dev/shm" : undefined });
  project.provide("postgres", { url: cluster.url, dataDir: cluster.dataDir });
  return () => cluster.stop();
}
