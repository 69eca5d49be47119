// Which store the relay under test uses. vitest runs the end-to-end suite twice: in the `node` project on SQLite,
// and in the `postgres` project (HEARTH_TEST_STORE=postgres) on a real PostgreSQL server that
// postgres-global-setup.ts started for the run.
import pg from "pg";
import { inject } from "vitest";

/** The store kind of this project. */
export type TestStoreKind = "sqlite" | "postgres";

export const testStoreKind: TestStoreKind = process.env.HEARTH_TEST_STORE === "postgres" ? "postgres" : "sqlite";

/** The shared test cluster: its superuser URL and its data directory (every file the server writes). */
export function postgresCluster(): { url: string; dataDir: string } {
  const cluster = inject("postgres");
  if (!cluster) throw new Error("No PostgreSQL cluster: run this test in vitest's postgres project.");
  return cluster;
}

let databases = 0;

/** Creates a fresh, empty database on the test cluster and resolves with its URL. */
export async function freshDatabase(): Promise<string> {
  const { url } = postgresCluster();
  const name = `relay_${process.pid}_${++databases}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const target = new URL(url);
  target.pathname = `/${name}`;
  return target.toString();
}

/** Runs `work` with a plain client on `url` (for tests that look inside the relay's database). */
export async function withDatabase<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
