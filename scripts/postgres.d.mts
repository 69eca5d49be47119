// Types of postgres.mjs for the TypeScript tests.

/** A running throwaway cluster. */
export interface PostgresCluster {
  /** Connects as the superuser `hearth` to the `postgres` database. */
  url: string;
  port: number;
  /** The cluster's data directory (every file the server writes). */
  dataDir: string;
  /** Creates a database (a fresh name unless given) and resolves with its URL. */
  createDatabase(name?: string): Promise<string>;
  /** Runs one SQL statement with psql on database `name`; resolves with its unaligned, tuples-only output. */
  query(name: string, sql: string): Promise<string>;
  /** Stops the server at once and removes every file of the cluster. */
  stop(): void;
}

export const installHint: string;
export function findPostgres(): string | undefined;
export function startPostgres(options?: {
  parent?: string;
  settings?: Record<string, string | number>;
}): Promise<PostgresCluster>;
