import type { Pool } from "pg";
import { StorageError } from "../../errors/storage-error";
import { LOCK_CLASS_MIGRATIONS } from "./advisory-locks";

/** One step of the schema; `version` n takes the schema from n - 1 to n. */
interface Migration {
  version: number;
  name: string;
  sql: string;
}

/**
 * Schema migrations, applied in order on start. Append new ones, never edit a released one: relays in the field
 * have run it. The tables mirror the SQLite store's: a document row interns (space, document) and caches the head;
 * envelopes live apart from entry metadata; compaction deletes covered entries and keeps a mark per (document,
 * device) so that retries of dropped entries stay idempotent.
 */
const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: "initial schema",
    sql: `
    CREATE TABLE spaces (
      space_id text PRIMARY KEY,
      genesis bytea NOT NULL,
      founder_id text NOT NULL,
      created_at bigint NOT NULL
    );

    CREATE TABLE devices (
      space_id text NOT NULL REFERENCES spaces (space_id),
      device_id text NOT NULL,
      signing_public_key bytea NOT NULL,
      agreement_public_key bytea NOT NULL,
      enrolled_by text,
      grant_bytes bytea,
      enrolled_at bigint NOT NULL,
      removed_at bigint,
      removed_by text,
      ordinal integer NOT NULL,
      PRIMARY KEY (space_id, device_id)
    );

    CREATE TABLE grants (
      id bigserial PRIMARY KEY,
      device_id text NOT NULL,
      space_id text NOT NULL REFERENCES spaces (space_id),
      enroller_id text NOT NULL,
      grant_bytes bytea NOT NULL,
      digest bytea NOT NULL,
      created_at bigint NOT NULL,
      UNIQUE (device_id, digest)
    );

    CREATE TABLE documents (
      id bigserial PRIMARY KEY,
      space_id text NOT NULL REFERENCES spaces (space_id),
      document_id text NOT NULL,
      head bigint NOT NULL,
      snapshot_position bigint,
      snapshot_covers bigint,
      dropped_through bigint NOT NULL,
      UNIQUE (space_id, document_id)
    );

    -- (doc, position) is what keeps two relays from ever giving one position twice: whatever a relay believes the
    -- head is, the second insert of a position fails and that append starts over.
    CREATE TABLE entries (
      id bigserial PRIMARY KEY,
      doc bigint NOT NULL REFERENCES documents (id),
      position bigint NOT NULL,
      device_id text NOT NULL,
      seq bigint NOT NULL,
      epoch integer NOT NULL,
      kind smallint NOT NULL,
      covers bigint,
      digest bytea NOT NULL,
      size integer NOT NULL,
      received_at bigint NOT NULL,
      CONSTRAINT entries_position_unique UNIQUE (doc, position),
      CONSTRAINT entries_device_seq_unique UNIQUE (doc, device_id, seq)
    );

    CREATE TABLE entry_bodies (
      entry_id bigint PRIMARY KEY REFERENCES entries (id),
      envelope bytea NOT NULL,
      signature bytea NOT NULL
    );

    -- Compaction deletes covered entries outright; per (document, device) the highest seq it dropped stays, so a
    -- late retry of a dropped entry is still recognised as one.
    CREATE TABLE compaction_marks (
      doc bigint NOT NULL REFERENCES documents (id),
      device_id text NOT NULL,
      seq bigint NOT NULL,
      PRIMARY KEY (doc, device_id)
    );
    `,
  },
];

/** The schema version this release writes. */
export const POSTGRES_SCHEMA_VERSION = MIGRATIONS.length;

/**
 * Brings the database to {@link POSTGRES_SCHEMA_VERSION} in one transaction, under an advisory lock so that relays
 * starting together apply each migration once; refuses a database written by a newer relay.
 */
export async function migrate(pool: Pool): Promise<void> {
  const client = await pool.connect();
  let failed: unknown;
  try {
    await client.query("BEGIN");
    await client.query("SELECT pg_advisory_xact_lock($1, 0)", [LOCK_CLASS_MIGRATIONS]);
    await client.query(
      `CREATE TABLE IF NOT EXISTS schema_migrations (
         version integer PRIMARY KEY,
         name text NOT NULL,
         applied_at timestamptz NOT NULL DEFAULT now()
       )`,
    );
    const { rows } = await client.query<{ version: number | null }>(
      "SELECT max(version) AS version FROM schema_migrations",
    );
    const current = rows[0]?.version ?? 0;
    if (current > POSTGRES_SCHEMA_VERSION) {
      throw new StorageError(
        `The relay database has schema version ${current}, newer than this relay's ${POSTGRES_SCHEMA_VERSION}: run a newer @hearth/relay against it.`,
      );
    }
    for (const migration of MIGRATIONS) {
      if (migration.version <= current) continue;
      await client.query(migration.sql);
      await client.query("INSERT INTO schema_migrations (version, name) VALUES ($1, $2)", [
        migration.version,
        migration.name,
      ]);
    }
    await client.query("COMMIT");
  } catch (error) {
    failed = error;
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release(failed instanceof StorageError ? undefined : (failed as Error | undefined));
  }
}
