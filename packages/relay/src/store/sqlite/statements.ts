import type Database from "better-sqlite3";
import type { DeviceRow, EntryRow } from "../store-rows";

export type { DeviceRow, EntryRow };

/** A `spaces` row. */
export interface SpaceRow {
  space_id: string;
  genesis: Buffer;
  founder_id: string;
  created_at: number;
}

/** A `grants` row. */
export interface GrantRow {
  space_id: string;
  device_id: string;
  enroller_id: string;
  grant_bytes: Buffer;
  created_at: number;
}

/** A `documents` row. */
export interface DocumentRow {
  id: number;
  head: number;
  snapshot_position: number | null;
  snapshot_covers: number | null;
  dropped_through: number;
}

/** What the idempotency check needs of a stored entry. */
export interface EntryKeyRow {
  position: number;
  epoch: number;
  kind: number;
  covers: number | null;
  digest: Buffer;
}

const ENTRY_COLUMNS = `e.position, e.device_id, e.seq, e.epoch, e.kind, e.covers, e.size, b.envelope, b.signature`;

/** The part of a better-sqlite3 statement the store uses (its own type cannot be named in declarations). */
export interface Prepared<P extends unknown[], R> {
  run(...params: P): Database.RunResult;
  get(...params: P): R | undefined;
  all(...params: P): R[];
  iterate(...params: P): IterableIterator<R>;
}

/** Every statement the SQLite store runs, prepared once per connection. */
export function prepareStatements(db: Database.Database) {
  const prepare = <P extends unknown[] = [], R = unknown>(sql: string): Prepared<P, R> => db.prepare<P, R>(sql);
  return {
    insertSpace: prepare<[string, Uint8Array, string, number]>(
      "INSERT INTO spaces (space_id, genesis, founder_id, created_at) VALUES (?, ?, ?, ?)",
    ),
    getSpace: prepare<[string], SpaceRow>("SELECT * FROM spaces WHERE space_id = ?"),

    insertDevice: prepare<[string, string, Uint8Array, Uint8Array, string | null, Uint8Array | null, number, string]>(
      `INSERT INTO devices (space_id, device_id, signing_public_key, agreement_public_key, enrolled_by, grant_bytes,
         enrolled_at, ordinal)
       VALUES (?, ?, ?, ?, ?, ?, ?, (SELECT count(*) FROM devices WHERE space_id = ?))`,
    ),
    getDevice: prepare<[string, string], DeviceRow>("SELECT * FROM devices WHERE space_id = ? AND device_id = ?"),
    listDevices: prepare<[string], DeviceRow>("SELECT * FROM devices WHERE space_id = ? ORDER BY ordinal"),
    countActive: prepare<[string], { n: number }>(
      "SELECT count(*) AS n FROM devices WHERE space_id = ? AND removed_at IS NULL",
    ),
    markRemoved: prepare<[number, string, string, string]>(
      "UPDATE devices SET removed_at = ?, removed_by = ? WHERE space_id = ? AND device_id = ?",
    ),

    insertGrant: prepare<[string, string, string, Uint8Array, Uint8Array, number]>(
      `INSERT OR IGNORE INTO grants (device_id, space_id, enroller_id, grant_bytes, digest, created_at)
       VALUES (?, ?, ?, ?, ?, ?)`,
    ),
    listGrants: prepare<[string], GrantRow>("SELECT * FROM grants WHERE device_id = ? ORDER BY id"),

    getDocument: prepare<[string, string], DocumentRow>(
      `SELECT id, head, snapshot_position, snapshot_covers, dropped_through FROM documents
       WHERE space_id = ? AND document_id = ?`,
    ),
    getDocumentById: prepare<[number], DocumentRow>(
      "SELECT id, head, snapshot_position, snapshot_covers, dropped_through FROM documents WHERE id = ?",
    ),
    insertDocument: prepare<[string, string]>(
      "INSERT INTO documents (space_id, document_id, head, dropped_through) VALUES (?, ?, 0, 0)",
    ),
    updateDocument: prepare<[number, number | null, number | null, number]>(
      "UPDATE documents SET head = ?, snapshot_position = ?, snapshot_covers = ? WHERE id = ?",
    ),
    listDocuments: prepare<[string], { document_id: string; head: number }>(
      "SELECT document_id, head FROM documents WHERE space_id = ? ORDER BY document_id",
    ),

    findEntry: prepare<[number, string, number], EntryKeyRow>(
      "SELECT position, epoch, kind, covers, digest FROM entries WHERE doc = ? AND device_id = ? AND seq = ?",
    ),
    compactionMark: prepare<[number, string], { seq: number }>(
      "SELECT seq FROM compaction_marks WHERE doc = ? AND device_id = ?",
    ),
    insertEntry: prepare<[number, number, string, number, number, number, number | null, Uint8Array, number, number]>(
      `INSERT INTO entries (doc, position, device_id, seq, epoch, kind, covers, digest, size, received_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    insertBody: prepare<[number | bigint, Uint8Array, Uint8Array]>(
      "INSERT INTO entry_bodies (entry_id, envelope, signature) VALUES (?, ?, ?)",
    ),
    entryAt: prepare<[number, number], EntryRow>(
      `SELECT ${ENTRY_COLUMNS} FROM entries e JOIN entry_bodies b ON b.entry_id = e.id
       WHERE e.doc = ? AND e.position = ?`,
    ),
    entriesAfter: prepare<[number, number, number], EntryRow>(
      `SELECT ${ENTRY_COLUMNS} FROM entries e JOIN entry_bodies b ON b.entry_id = e.id
       WHERE e.doc = ? AND e.position > ? ORDER BY e.position LIMIT ?`,
    ),

    compactable: prepare<[{ space: string | null; doc: string | null }], DocumentRow>(
      `SELECT id, head, snapshot_position, snapshot_covers, dropped_through FROM documents
       WHERE snapshot_covers > dropped_through AND (@space IS NULL OR space_id = @space)
         AND (@doc IS NULL OR document_id = @doc)`,
    ),
    firstTooYoung: prepare<[number, number, number, number], { position: number | null }>(
      `SELECT min(position) AS position FROM entries
       WHERE doc = ? AND position > ? AND position <= ? AND received_at > ?`,
    ),
    measureRange: prepare<[number, number, number], { n: number; bytes: number | null }>(
      "SELECT count(*) AS n, sum(size) AS bytes FROM entries WHERE doc = ? AND position > ? AND position <= ?",
    ),
    raiseMarks: prepare<[number, number, number]>(
      `INSERT INTO compaction_marks (doc, device_id, seq)
         SELECT doc, device_id, max(seq) FROM entries WHERE doc = ? AND position > ? AND position <= ?
         GROUP BY device_id
       ON CONFLICT (doc, device_id) DO UPDATE SET seq = max(seq, excluded.seq)`,
    ),
    dropBodies: prepare<[number, number, number]>(
      `DELETE FROM entry_bodies WHERE entry_id IN
         (SELECT id FROM entries WHERE doc = ? AND position > ? AND position <= ?)`,
    ),
    dropEntries: prepare<[number, number, number]>(
      "DELETE FROM entries WHERE doc = ? AND position > ? AND position <= ?",
    ),
    setDroppedThrough: prepare<[number, number]>("UPDATE documents SET dropped_through = ? WHERE id = ?"),
  };
}

/** The prepared statements of one connection. */
export type Statements = ReturnType<typeof prepareStatements>;
