import type Database from "better-sqlite3";
import { StorageError } from "../../errors/storage-error";

/**
 * Schema migrations, applied in order on open; entry `i` takes the schema from version `i` to `i + 1`.
 * Append new migrations, never edit a released one: relays in the field have run it.
 */
const MIGRATIONS: readonly string[] = [
  // 1: the first schema. A document row interns (space, document) so that entry indexes stay small; envelopes
  // live apart from entry metadata so compaction frees whole pages while the metadata (with a digest) stays,
  // and a retried append of a compacted entry still gets its old position instead of a new one.
  `
  CREATE TABLE spaces (
    space_id TEXT PRIMARY KEY,
    genesis BLOB NOT NULL,
    founder_id TEXT NOT NULL,
    created_at INTEGER NOT NULL
  ) STRICT;

  CREATE TABLE devices (
    space_id TEXT NOT NULL REFERENCES spaces (space_id),
    device_id TEXT NOT NULL,
    signing_public_key BLOB NOT NULL,
    agreement_public_key BLOB NOT NULL,
    enrolled_by TEXT,
    grant_bytes BLOB,
    enrolled_at INTEGER NOT NULL,
    removed_at INTEGER,
    removed_by TEXT,
    ordinal INTEGER NOT NULL,
    PRIMARY KEY (space_id, device_id)
  ) STRICT;

  CREATE TABLE grants (
    id INTEGER PRIMARY KEY,
    device_id TEXT NOT NULL,
    space_id TEXT NOT NULL REFERENCES spaces (space_id),
    enroller_id TEXT NOT NULL,
    grant_bytes BLOB NOT NULL,
    digest BLOB NOT NULL,
    created_at INTEGER NOT NULL,
    UNIQUE (device_id, digest)
  ) STRICT;

  CREATE TABLE documents (
    id INTEGER PRIMARY KEY,
    space_id TEXT NOT NULL REFERENCES spaces (space_id),
    document_id TEXT NOT NULL,
    head INTEGER NOT NULL,
    snapshot_position INTEGER,
    snapshot_covers INTEGER,
    dropped_through INTEGER NOT NULL,
    UNIQUE (space_id, document_id)
  ) STRICT;

  CREATE TABLE entries (
    id INTEGER PRIMARY KEY,
    doc INTEGER NOT NULL REFERENCES documents (id),
    position INTEGER NOT NULL,
    device_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    epoch INTEGER NOT NULL,
    kind INTEGER NOT NULL,
    covers INTEGER,
    digest BLOB NOT NULL,
    size INTEGER NOT NULL,
    received_at INTEGER NOT NULL,
    UNIQUE (doc, position),
    UNIQUE (doc, device_id, seq)
  ) STRICT;

  CREATE TABLE entry_bodies (
    entry_id INTEGER PRIMARY KEY REFERENCES entries (id),
    envelope BLOB NOT NULL,
    signature BLOB NOT NULL
  ) STRICT;
  `,
  // 2: compaction deletes covered entries outright. Per (document, device) a mark keeps the highest seq dropped,
  // so a late retry of a dropped entry is still recognised as one; per-entry tombstones cost about 170 bytes each
  // and made a compacted log grow with its history. Tombstones of version 1 become marks.
  `
  CREATE TABLE compaction_marks (
    doc INTEGER NOT NULL REFERENCES documents (id),
    device_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    PRIMARY KEY (doc, device_id)
  ) STRICT, WITHOUT ROWID;

  INSERT INTO compaction_marks (doc, device_id, seq)
    SELECT e.doc, e.device_id, max(e.seq) FROM entries e
    WHERE NOT EXISTS (SELECT 1 FROM entry_bodies b WHERE b.entry_id = e.id)
    GROUP BY e.doc, e.device_id;

  DELETE FROM entries WHERE NOT EXISTS (SELECT 1 FROM entry_bodies b WHERE b.entry_id = entries.id);
  `,
];

/** The schema version this release writes. */
export const SCHEMA_VERSION = MIGRATIONS.length;

/** Brings the database to {@link SCHEMA_VERSION}; refuses a database written by a newer relay. */
export function migrate(db: Database.Database): void {
  const current = db
    .transaction(() => {
      db.exec("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL) STRICT");
      const row = db.prepare<[], { version: number }>("SELECT version FROM schema_version").get();
      if (!row) db.prepare("INSERT INTO schema_version (version) VALUES (0)").run();
      return row?.version ?? 0;
    })
    .immediate();
  if (current > SCHEMA_VERSION) {
    throw new StorageError(
      `The relay database has schema version ${current}, newer than this relay's ${SCHEMA_VERSION}: run a newer @hearth/relay on this data directory.`,
    );
  }
  const setVersion = db.prepare("UPDATE schema_version SET version = ?");
  for (let version = current; version < SCHEMA_VERSION; version++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[version] ?? "");
      setVersion.run(version + 1);
    }).immediate();
  }
}
