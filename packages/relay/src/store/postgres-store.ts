import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { type LogEntry, ProtocolError, type StoredEntry, SyncError } from "@hearth/sync/protocol";
import pg from "pg";
import { ConflictError } from "../errors/conflict-error";
import { ForbiddenError } from "../errors/forbidden-error";
import { NotFoundError } from "../errors/not-found-error";
import { StorageError } from "../errors/storage-error";
import type { RelayLogger } from "../relay-logger";
import type { AppendFeed, AppendNotice } from "./append-feed";
import { documentLockKey, LOCK_CLASS_COMPACTION } from "./postgres/advisory-locks";
import { APPEND_CHANNEL, AppendListener, encodeAppendPayload } from "./postgres/append-listener";
import { migrate } from "./postgres/migrations";
import {
  type AppendResult,
  COMPACTED_POSITION,
  type CompactedEntry,
  type CompactionQuery,
  type CompactionResult,
  type DeviceRecord,
  type DocumentHead,
  type FetchQuery,
  type FetchResult,
  type GrantRecord,
  type NewDevice,
  type NewGrant,
  type NewSpace,
  type RelayStore,
  type SpaceRecord,
} from "./relay-store";
import { type DeviceRow, deviceRecord, digestOf, type EntryRow, KIND_CODES, storedEntry } from "./store-rows";

const INT8_OID = 20;
/** Tables whose size {@link PostgresStore.storedBytes} reports. */
const TABLES = ["spaces", "devices", "grants", "documents", "entries", "entry_bodies", "compaction_marks"] as const;
/** An append that lost a race for the document's head starts over this many times at most. */
const MAX_APPEND_ATTEMPTS = 50;
/** Attempts made without holding a lock; later ones queue on the document's row. */
const OPTIMISTIC_ATTEMPTS = 2;
const UNIQUE_VIOLATION = "23505";

/** Options of {@link PostgresStore.open}. */
export interface PostgresStoreOptions {
  /** Most connections this process opens to the database (plus one that listens for other relays' appends). Default 10. */
  maxConnections?: number;
  /** Receives problems the store meets in the background (the notification connection). */
  logger?: RelayLogger;
}

/** What an append reads of its document in one statement. */
interface AppendState {
  id: number;
  head: number;
  snapshot_position: number | null;
  snapshot_covers: number | null;
  /** The writers that are active devices of the space. */
  active: string[];
  /** Stored entries under the batch's (device, seq) pairs (a superset: every device with every seq). */
  found: {
    deviceId: string;
    seq: number;
    position: number;
    epoch: number;
    kind: number;
    covers: number | null;
    digest: string;
  }[];
  marks: { deviceId: string; seq: number }[];
}

/** The position an append's optimistic compare-and-set on the head lost to another relay (or request). */
class LostRace extends Error {}

const ENTRY_COLUMNS = "e.position, e.device_id, e.seq, e.epoch, e.kind, e.covers, e.size, b.envelope, b.signature";

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === UNIQUE_VIOLATION;
}

/** The URL without its password, for messages. */
function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "(an unparsable URL)";
  }
}

/**
 * The relay's storage in PostgreSQL, through `pg`: several relay processes may share one database, each stateless.
 *
 * - Migrations are versioned (`schema_migrations`) and applied at open, in one transaction under an advisory lock.
 * - An append is one transaction. Positions follow the document's head; the unique constraint on (document,
 *   position) is what guarantees that two relays never give the same position, and an append that loses a race
 *   (a unique violation, or another append moved the head first) starts over.
 * - Commits are durable as PostgreSQL is configured (`synchronous_commit`, on by default): the relay answers after
 *   COMMIT returns.
 * - Each committed append is announced with NOTIFY (space, document, positions; never content) so that the other
 *   relays push it to their live connections: see {@link feed}.
 * - Compaction takes a per-document advisory lock, so any relay may run it at any time.
 */
export class PostgresStore implements RelayStore {
  readonly feed: AppendFeed;
  readonly #pool: pg.Pool;
  readonly #listener: AppendListener;
  readonly #origin: string;
  #pending = 0;
  #idle: (() => void) | undefined;
  #closed = false;

  private constructor(pool: pg.Pool, listener: AppendListener, origin: string) {
    this.#pool = pool;
    this.#listener = listener;
    this.#origin = origin;
    this.feed = {
      watch: (listener) => this.#listener.watch(listener),
      read: (notice) => this.#readRange(notice),
    };
  }

  /**
   * Connects to `url` (`postgres://user:password@host:port/database`), applies migrations and starts listening for
   * other relays' appends. Throws `StorageError` when the database cannot be reached or is from a newer relay.
   */
  static async open(url: string, options: PostgresStoreOptions = {}): Promise<PostgresStore> {
    const logger = options.logger ?? (() => {});
    // int8 columns (positions, times) arrive as numbers: they stay far below 2^53.
    const types = {
      getTypeParser: ((oid: number, format?: "text" | "binary") =>
        oid === INT8_OID ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format)) as never,
    };
    const config: pg.ClientConfig = { connectionString: url, types, application_name: "hearth-relay" };
    const pool = new pg.Pool({ ...config, max: options.maxConnections ?? 10 });
    // An idle connection that breaks (the server restarted) must not take the process down; the next query
    // opens a new one.
    pool.on("error", (error) => logger({ level: "warn", msg: "database connection lost", error: String(error) }));
    const origin = randomUUID();
    const listener = new AppendListener(config, origin, logger);
    try {
      await migrate(pool);
      await listener.start();
    } catch (error) {
      await listener.close();
      await pool.end().catch(() => undefined);
      if (error instanceof StorageError) throw error;
      throw new StorageError(
        `Cannot open the relay database at ${redact(url)}: check that PostgreSQL runs there and the user may create tables. (${error instanceof Error ? error.message : String(error)})`,
        { cause: error },
      );
    }
    return new PostgresStore(pool, listener, origin);
  }

  // Every operation runs through here: refused after close(), counted so close() waits for it, and any failure
  // that is not already one of the relay's errors becomes a StorageError (HTTP 503, "retry later").
  async #run<T>(work: () => Promise<T>): Promise<T> {
    if (this.#closed) throw new StorageError("The relay store is closed.");
    this.#pending++;
    try {
      return await work();
    } catch (error) {
      if (error instanceof SyncError) throw error;
      throw new StorageError("The relay could not complete the operation in its database; retry later.", {
        cause: error,
      });
    } finally {
      this.#pending--;
      if (this.#pending === 0) this.#idle?.();
    }
  }

  async #transaction<T>(work: (client: pg.PoolClient) => Promise<T>, begin = "BEGIN"): Promise<T> {
    const client = await this.#pool.connect();
    let broken: Error | undefined;
    try {
      await client.query(begin);
      const result = await work(client);
      await client.query("COMMIT");
      return result;
    } catch (error) {
      await client.query("ROLLBACK").catch((rollback: unknown) => {
        // The connection itself is gone: do not hand it back to the pool.
        broken = rollback instanceof Error ? rollback : new Error(String(rollback));
      });
      throw error;
    } finally {
      client.release(broken);
    }
  }

  async #requireActive(
    client: pg.Pool | pg.PoolClient,
    spaceId: string,
    deviceIds: string[],
    role: string,
  ): Promise<void> {
    // FOR SHARE: a removal of one of these devices waits until this transaction ends, so nothing a removed device
    // writes commits after its removal.
    const { rows } = await client.query<{ device_id: string }>(
      `SELECT device_id FROM devices WHERE space_id = $1 AND device_id = ANY($2::text[]) AND removed_at IS NULL
       FOR SHARE`,
      [spaceId, deviceIds],
    );
    const active = new Set(rows.map((row) => row.device_id));
    const missing = deviceIds.find((id) => !active.has(id));
    if (missing !== undefined) {
      throw new ForbiddenError(
        `Device ${missing} (${role}) is not an active device of space ${spaceId}: enroll it with a grant from an active device.`,
      );
    }
  }

  createSpace(space: NewSpace, now: number): Promise<"created" | "exists"> {
    return this.#run(() =>
      this.#transaction(async (client) => {
        const inserted = await client.query(
          `INSERT INTO spaces (space_id, genesis, founder_id, created_at) VALUES ($1, $2, $3, $4)
           ON CONFLICT (space_id) DO NOTHING`,
          [space.spaceId, space.genesis, space.founder.deviceId, now],
        );
        if (inserted.rowCount === 0) {
          const { rows } = await client.query<{ genesis: Buffer }>("SELECT genesis FROM spaces WHERE space_id = $1", [
            space.spaceId,
          ]);
          if (rows[0] && Buffer.compare(rows[0].genesis, space.genesis) === 0) return "exists" as const;
          throw new ConflictError(`Space ${space.spaceId} already exists with another genesis.`);
        }
        const { founder } = space;
        await client.query(
          `INSERT INTO devices (space_id, device_id, signing_public_key, agreement_public_key, enrolled_by,
             grant_bytes, enrolled_at, ordinal)
           VALUES ($1, $2, $3, $4, NULL, NULL, $5, 0)`,
          [space.spaceId, founder.deviceId, founder.signingPublicKey, founder.agreementPublicKey, now],
        );
        return "created" as const;
      }),
    );
  }

  getSpace(spaceId: string): Promise<SpaceRecord | undefined> {
    return this.#run(async () => {
      const { rows } = await this.#pool.query<{
        space_id: string;
        genesis: Buffer;
        founder_id: string;
        created_at: number;
      }>("SELECT * FROM spaces WHERE space_id = $1", [spaceId]);
      const row = rows[0];
      return (
        row && { spaceId: row.space_id, genesis: row.genesis, founderId: row.founder_id, createdAt: row.created_at }
      );
    });
  }

  addDevice(input: NewDevice, now: number): Promise<"added" | "exists"> {
    return this.#run(() =>
      this.#transaction(async (client) => {
        const { spaceId, device } = input;
        // Enrollments and removals of one space take turns: the ordinal and the last-device rule need it.
        await client.query("SELECT 1 FROM spaces WHERE space_id = $1 FOR UPDATE", [spaceId]);
        await this.#requireActive(client, spaceId, [input.enrolledBy], "the enroller");
        const { rows } = await client.query<{ removed_at: number | null }>(
          "SELECT removed_at FROM devices WHERE space_id = $1 AND device_id = $2",
          [spaceId, device.deviceId],
        );
        const existing = rows[0];
        if (existing && existing.removed_at !== null) {
          throw new ConflictError(
            `Device ${device.deviceId} was removed from space ${spaceId} and cannot come back: enroll a new device identity.`,
          );
        }
        if (!existing) {
          await client.query(
            `INSERT INTO devices (space_id, device_id, signing_public_key, agreement_public_key, enrolled_by,
               grant_bytes, enrolled_at, ordinal)
             VALUES ($1, $2, $3, $4, $5, $6, $7, (SELECT count(*) FROM devices WHERE space_id = $1))`,
            [
              spaceId,
              device.deviceId,
              device.signingPublicKey,
              device.agreementPublicKey,
              input.enrolledBy,
              input.grant,
              now,
            ],
          );
        }
        await this.#insertGrant(client, device.deviceId, spaceId, input.enrolledBy, input.grant, now);
        return existing ? ("exists" as const) : ("added" as const);
      }),
    );
  }

  #insertGrant(
    client: pg.PoolClient,
    deviceId: string,
    spaceId: string,
    enrollerId: string,
    grant: Uint8Array,
    now: number,
  ): Promise<unknown> {
    return client.query(
      `INSERT INTO grants (device_id, space_id, enroller_id, grant_bytes, digest, created_at)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (device_id, digest) DO NOTHING`,
      [deviceId, spaceId, enrollerId, grant, digestOf(grant), now],
    );
  }

  getDevice(spaceId: string, deviceId: string): Promise<DeviceRecord | undefined> {
    return this.#run(async () => {
      const { rows } = await this.#pool.query<DeviceRow>(
        "SELECT * FROM devices WHERE space_id = $1 AND device_id = $2",
        [spaceId, deviceId],
      );
      return rows[0] && deviceRecord(rows[0]);
    });
  }

  listDevices(spaceId: string): Promise<DeviceRecord[]> {
    return this.#run(async () => {
      const { rows } = await this.#pool.query<DeviceRow>(
        "SELECT * FROM devices WHERE space_id = $1 ORDER BY ordinal, enrolled_at, device_id",
        [spaceId],
      );
      return rows.map(deviceRecord);
    });
  }

  removeDevice(
    spaceId: string,
    deviceId: string,
    removedBy: string,
    now: number,
  ): Promise<"removed" | "already-removed"> {
    return this.#run(() =>
      this.#transaction(async (client) => {
        await client.query("SELECT 1 FROM spaces WHERE space_id = $1 FOR UPDATE", [spaceId]);
        await this.#requireActive(client, spaceId, [removedBy], "the remover");
        const { rows } = await client.query<{ removed_at: number | null }>(
          "SELECT removed_at FROM devices WHERE space_id = $1 AND device_id = $2",
          [spaceId, deviceId],
        );
        const row = rows[0];
        if (!row) throw new NotFoundError(`Space ${spaceId} has no device ${deviceId}.`);
        if (row.removed_at !== null) return "already-removed" as const;
        const active = await client.query<{ n: number }>(
          "SELECT count(*)::int AS n FROM devices WHERE space_id = $1 AND removed_at IS NULL",
          [spaceId],
        );
        if ((active.rows[0]?.n ?? 0) <= 1) {
          throw new ConflictError(
            `Device ${deviceId} is the last active device of space ${spaceId}; removing it would lock everyone out.`,
          );
        }
        await client.query(
          "UPDATE devices SET removed_at = $1, removed_by = $2 WHERE space_id = $3 AND device_id = $4",
          [now, removedBy, spaceId, deviceId],
        );
        return "removed" as const;
      }),
    );
  }

  storeGrants(grants: NewGrant[], now: number): Promise<void> {
    return this.#run(() =>
      this.#transaction(async (client) => {
        for (const grant of grants) {
          await this.#requireActive(client, grant.spaceId, [grant.enrollerId], "the grant's signer");
          await this.#requireActive(client, grant.spaceId, [grant.deviceId], "the grant's recipient");
          await this.#insertGrant(client, grant.deviceId, grant.spaceId, grant.enrollerId, grant.grant, now);
        }
      }),
    );
  }

  listGrants(deviceId: string): Promise<GrantRecord[]> {
    return this.#run(async () => {
      const { rows } = await this.#pool.query<{
        space_id: string;
        device_id: string;
        enroller_id: string;
        grant_bytes: Buffer;
        created_at: number;
      }>("SELECT * FROM grants WHERE device_id = $1 ORDER BY id", [deviceId]);
      return rows.map((row) => ({
        spaceId: row.space_id,
        deviceId: row.device_id,
        enrollerId: row.enroller_id,
        grant: row.grant_bytes,
        createdAt: row.created_at,
      }));
    });
  }

  appendEntries(spaceId: string, documentId: string, entries: LogEntry[], now: number): Promise<AppendResult> {
    return this.#run(async () => {
      for (const entry of entries) {
        if (entry.documentId !== documentId) {
          throw new ProtocolError("Every entry of a batch must be for its document.");
        }
      }
      for (let attempt = 1; ; attempt++) {
        try {
          // First attempts: a read, then one statement that writes everything if the head has not moved since
          // (two round trips, no lock held in between). After two lost races, queue on the document's row inside
          // a transaction instead, so a busy document cannot starve an append.
          if (attempt <= OPTIMISTIC_ATTEMPTS) {
            return await this.#appendOnce(this.#pool, spaceId, documentId, entries, now, false);
          }
          return await this.#transaction((client) => this.#appendOnce(client, spaceId, documentId, entries, now, true));
        } catch (error) {
          const raced = error instanceof LostRace || isUniqueViolation(error);
          if (!raced || attempt >= MAX_APPEND_ATTEMPTS) throw error;
          // Whoever won has committed (the conflicting write waited for it): the next attempt reads the new head.
          // A little jitter keeps two losers from meeting again.
          if (attempt > OPTIMISTIC_ATTEMPTS) await sleep(Math.random() * Math.min(50, attempt * 2));
        }
      }
    });
  }

  /** The document's row (created if new) with what an append must know, read in one statement. */
  async #readForAppend(
    db: pg.Pool | pg.PoolClient,
    spaceId: string,
    documentId: string,
    writers: string[],
    seqs: number[],
    lock: boolean,
  ): Promise<AppendState> {
    for (let created = false; ; created = true) {
      const { rows } = await db.query<AppendState>(
        `SELECT d.id, d.head, d.snapshot_position, d.snapshot_covers,
           (SELECT coalesce(array_agg(v.device_id), '{}') FROM devices v
            WHERE v.space_id = $1 AND v.device_id = ANY($3::text[]) AND v.removed_at IS NULL) AS active,
           (SELECT coalesce(json_agg(json_build_object('deviceId', e.device_id, 'seq', e.seq, 'position', e.position,
              'epoch', e.epoch, 'kind', e.kind, 'covers', e.covers, 'digest', encode(e.digest, 'hex'))), '[]')
            FROM entries e WHERE e.doc = d.id AND e.device_id = ANY($3::text[]) AND e.seq = ANY($4::bigint[])) AS found,
           (SELECT coalesce(json_agg(json_build_object('deviceId', m.device_id, 'seq', m.seq)), '[]')
            FROM compaction_marks m WHERE m.doc = d.id AND m.device_id = ANY($3::text[])) AS marks
         FROM documents d WHERE d.space_id = $1 AND d.document_id = $2 ${lock ? "FOR NO KEY UPDATE OF d" : ""}`,
        [spaceId, documentId, writers, seqs],
      );
      const row = rows[0];
      if (row || created) {
        if (!row) throw new StorageError("The relay could not create the document row.");
        return row;
      }
      // A new document: only an active writer may create it.
      await this.#requireActive(db, spaceId, writers, "the writer");
      await db.query(
        `INSERT INTO documents (space_id, document_id, head, dropped_through) VALUES ($1, $2, 0, 0)
         ON CONFLICT (space_id, document_id) DO NOTHING`,
        [spaceId, documentId],
      );
    }
  }

  async #appendOnce(
    db: pg.Pool | pg.PoolClient,
    spaceId: string,
    documentId: string,
    entries: LogEntry[],
    now: number,
    lock: boolean,
  ): Promise<AppendResult> {
    const writers = [...new Set(entries.map((entry) => entry.deviceId))];
    const doc = await this.#readForAppend(
      db,
      spaceId,
      documentId,
      writers,
      entries.map((e) => e.seq),
      lock,
    );
    const active = new Set(doc.active);
    const inactive = writers.find((id) => !active.has(id));
    if (inactive !== undefined) {
      throw new ForbiddenError(
        `Device ${inactive} (the writer) is not an active device of space ${spaceId}: enroll it with a grant from an active device.`,
      );
    }
    const known = new Map(doc.found.map((row) => [`${row.deviceId}/${row.seq}`, row]));
    const marks = new Map(doc.marks.map((row) => [row.deviceId, row.seq]));

    let head = doc.head;
    let snapshotPosition = doc.snapshot_position;
    let snapshotCovers = doc.snapshot_covers;
    const positions: number[] = [];
    const compacted: CompactedEntry[] = [];
    const appended: StoredEntry[] = [];
    const fresh: { entry: LogEntry; position: number; kind: number; covers: number | null; digest: Buffer }[] = [];
    let newSnapshot = false;
    for (const [index, entry] of entries.entries()) {
      const digest = digestOf(entry.envelope, entry.signature);
      const kind = KIND_CODES[entry.kind];
      const covers = entry.covers ?? null;
      const key = `${entry.deviceId}/${entry.seq}`;
      const existing = known.get(key);
      if (existing) {
        const same =
          existing.epoch === entry.epoch &&
          existing.kind === kind &&
          existing.covers === covers &&
          existing.digest === digest.toString("hex");
        if (!same) {
          throw new ConflictError(
            `Device ${entry.deviceId} already stored another entry with seq ${entry.seq} in document ${documentId}: ` +
              "sequence numbers must not be reused; fetch the log and continue after the highest seq.",
          );
        }
        positions.push(existing.position);
        continue;
      }
      // Compaction deleted this device's entries up to its mark and kept no digest: the entry may be a retry of a
      // dropped one or new changes under a reused seq. Either way it is not stored; the device re-sends it above.
      const mark = marks.get(entry.deviceId) ?? 0;
      if (entry.seq <= mark) {
        compacted.push({ index, mark });
        positions.push(COMPACTED_POSITION);
        continue;
      }
      if (covers !== null && covers > head) {
        throw new ProtocolError(
          `A snapshot cannot cover position ${covers}: document ${documentId} only has ${head} entries.`,
        );
      }
      head += 1;
      known.set(key, {
        deviceId: entry.deviceId,
        seq: entry.seq,
        position: head,
        epoch: entry.epoch,
        kind,
        covers,
        digest: digest.toString("hex"),
      });
      fresh.push({ entry, position: head, kind, covers, digest });
      if (entry.kind === "snapshot" && covers !== null && covers > (snapshotCovers ?? 0)) {
        snapshotCovers = covers;
        snapshotPosition = head;
        newSnapshot = true;
      }
      positions.push(head);
      appended.push({ ...entry, position: head });
    }
    if (fresh.length === 0) return { positions, compacted, appended, newSnapshot };

    const bytes = (b: Uint8Array) => Buffer.from(b.buffer, b.byteOffset, b.length);
    // One statement, so one transaction: the writers still active (and kept so until it commits), the head moved
    // from what was read (else another append won the race: start over), every entry and its body inserted, and
    // the announcement to the other relays (sent at commit). The unique constraints are the last word: a position
    // or a (device, seq) someone else committed fails the statement, and the append starts over.
    const { rows } = await db.query<{ moved: number; stored: number }>(
      `WITH writers AS (
         SELECT device_id FROM devices WHERE space_id = $13 AND device_id = ANY($14::text[]) AND removed_at IS NULL
         FOR SHARE
       ), moved AS (
         UPDATE documents SET head = $2, snapshot_position = $3, snapshot_covers = $4
         WHERE id = $1 AND head = $5 AND (SELECT count(*) FROM writers) = cardinality($14::text[])
         RETURNING id
       ), input AS (
         SELECT * FROM unnest($6::bigint[], $7::text[], $8::bigint[], $9::int[], $10::smallint[], $11::bigint[],
           $12::bytea[], $15::int[], $16::bytea[], $17::bytea[])
           AS t(position, device_id, seq, epoch, kind, covers, digest, size, envelope, signature)
       ), inserted AS (
         INSERT INTO entries (doc, position, device_id, seq, epoch, kind, covers, digest, size, received_at)
         SELECT $1, position, device_id, seq, epoch, kind, covers, digest, size, $18 FROM input
         WHERE EXISTS (SELECT 1 FROM moved)
         RETURNING id, position
       ), bodies AS (
         INSERT INTO entry_bodies (entry_id, envelope, signature)
         SELECT inserted.id, input.envelope, input.signature FROM inserted JOIN input USING (position)
         RETURNING entry_id
       )
       SELECT (SELECT count(*) FROM moved)::int AS moved, (SELECT count(*) FROM bodies)::int AS stored,
         (SELECT count(pg_notify($19, $20)) FROM moved)::int AS notified`,
      [
        doc.id,
        head,
        snapshotPosition,
        snapshotCovers,
        doc.head,
        fresh.map((f) => f.position),
        fresh.map((f) => f.entry.deviceId),
        fresh.map((f) => f.entry.seq),
        fresh.map((f) => f.entry.epoch),
        fresh.map((f) => f.kind),
        fresh.map((f) => f.covers),
        fresh.map((f) => f.digest),
        spaceId,
        writers,
        fresh.map((f) => f.entry.envelope.length + f.entry.signature.length),
        fresh.map((f) => bytes(f.entry.envelope)),
        fresh.map((f) => bytes(f.entry.signature)),
        now,
        APPEND_CHANNEL,
        encodeAppendPayload({
          origin: this.#origin,
          spaceId,
          documentId,
          first: fresh[0]?.position ?? head,
          last: head,
        }),
      ],
    );
    if (rows[0]?.moved !== 1) throw new LostRace();
    if (rows[0]?.stored !== fresh.length) throw new StorageError("The relay stored fewer entries than it should have.");
    return { positions, compacted, appended, newSnapshot };
  }

  fetchEntries(spaceId: string, documentId: string, query: FetchQuery): Promise<FetchResult> {
    return this.#run(async () => {
      // One statement, so one snapshot: the head, the newest snapshot and the page agree even while another relay
      // appends or compacts.
      const { rows } = await this.#pool.query<
        { head: number; snapshot_position: number | null; snapshot_covers: number | null } & Partial<EntryRow>
      >(
        `WITH d AS (
           SELECT id, head, snapshot_position, snapshot_covers,
             (snapshot_covers IS NOT NULL AND snapshot_covers > $3) AS from_snapshot
           FROM documents WHERE space_id = $1 AND document_id = $2
         )
         SELECT d.head, d.snapshot_position, d.snapshot_covers, page.* FROM d LEFT JOIN LATERAL (
           SELECT ${ENTRY_COLUMNS} FROM entries e JOIN entry_bodies b ON b.entry_id = e.id
           WHERE e.doc = d.id AND (
             (d.from_snapshot AND e.position = d.snapshot_position)
             OR e.position > CASE WHEN d.from_snapshot THEN d.snapshot_covers ELSE $3 END)
           ORDER BY (d.from_snapshot AND e.position = d.snapshot_position) DESC, e.position
           LIMIT $4
         ) page ON true`,
        [spaceId, documentId, query.after, query.limit],
      );
      const first = rows[0];
      if (!first) return { entries: [], head: 0 };
      const entries: StoredEntry[] = [];
      let bytes = 0;
      for (const row of rows) {
        if (row.position === undefined || row.position === null) break;
        const entryRow = row as EntryRow;
        if (entries.length > 0 && bytes + entryRow.size > query.maxBytes) break;
        entries.push(storedEntry(documentId, entryRow));
        bytes += entryRow.size;
      }
      return { entries, head: first.head };
    });
  }

  listDocuments(spaceId: string): Promise<DocumentHead[]> {
    return this.#run(async () => {
      const { rows } = await this.#pool.query<{ document_id: string; head: number }>(
        'SELECT document_id, head FROM documents WHERE space_id = $1 ORDER BY document_id COLLATE "C"',
        [spaceId],
      );
      return rows.map((row) => ({ documentId: row.document_id, head: row.head }));
    });
  }

  /** The entries a notice names that the store still holds, in position order. */
  #readRange(notice: AppendNotice): Promise<StoredEntry[]> {
    return this.#run(async () => {
      const { rows } = await this.#pool.query<EntryRow>(
        `SELECT ${ENTRY_COLUMNS} FROM documents d
         JOIN entries e ON e.doc = d.id JOIN entry_bodies b ON b.entry_id = e.id
         WHERE d.space_id = $1 AND d.document_id = $2 AND e.position BETWEEN $3 AND $4
         ORDER BY e.position`,
        [notice.spaceId, notice.documentId, notice.first, notice.last],
      );
      return rows.map((row) => storedEntry(notice.documentId, row));
    });
  }

  compact(query: CompactionQuery): Promise<CompactionResult> {
    return this.#run(async () => {
      const result: CompactionResult = { documents: 0, entries: 0, bytes: 0 };
      const { rows: docs } = await this.#pool.query<{ id: number }>(
        `SELECT id FROM documents
         WHERE snapshot_covers > dropped_through AND ($1::text IS NULL OR space_id = $1)
           AND ($2::text IS NULL OR document_id = $2)`,
        [query.spaceId ?? null, query.documentId ?? null],
      );
      // Each document in its own short transaction, under its advisory lock: relays compacting at the same time
      // take turns per document, and appends keep flowing in between.
      for (const { id } of docs) {
        if (this.#closed) break;
        const dropped = await this.#transaction(async (client) => {
          await client.query("SELECT pg_advisory_xact_lock($1, $2)", [LOCK_CLASS_COMPACTION, documentLockKey(id)]);
          const { rows } = await client.query<{ snapshot_covers: number | null; dropped_through: number }>(
            "SELECT snapshot_covers, dropped_through FROM documents WHERE id = $1",
            [id],
          );
          const covers = rows[0]?.snapshot_covers ?? 0;
          const from = rows[0]?.dropped_through ?? 0;
          if (covers <= from) return { n: 0, bytes: 0 };
          // Positions are given in arrival order, so what may go is a prefix: stop before the first entry that is
          // still younger than the cutoff.
          const young = await client.query<{ position: number | null }>(
            `SELECT min(position) AS position FROM entries
             WHERE doc = $1 AND position > $2 AND position <= $3 AND received_at > $4`,
            [id, from, covers, query.cutoff],
          );
          const firstYoung = young.rows[0]?.position ?? null;
          const through = firstYoung === null ? covers : firstYoung - 1;
          if (through <= from) return { n: 0, bytes: 0 };
          await client.query(
            `INSERT INTO compaction_marks (doc, device_id, seq)
               SELECT doc, device_id, max(seq) FROM entries WHERE doc = $1 AND position > $2 AND position <= $3
               GROUP BY doc, device_id
             ON CONFLICT (doc, device_id) DO UPDATE SET seq = greatest(compaction_marks.seq, excluded.seq)`,
            [id, from, through],
          );
          await client.query(
            `DELETE FROM entry_bodies WHERE entry_id IN
               (SELECT id FROM entries WHERE doc = $1 AND position > $2 AND position <= $3)`,
            [id, from, through],
          );
          const deleted = await client.query<{ n: number; bytes: number | null }>(
            `WITH gone AS (DELETE FROM entries WHERE doc = $1 AND position > $2 AND position <= $3 RETURNING size)
             SELECT count(*)::int AS n, sum(size)::bigint AS bytes FROM gone`,
            [id, from, through],
          );
          await client.query("UPDATE documents SET dropped_through = $1 WHERE id = $2", [through, id]);
          return { n: deleted.rows[0]?.n ?? 0, bytes: deleted.rows[0]?.bytes ?? 0 };
        });
        if (dropped.n > 0) {
          result.documents += 1;
          result.entries += dropped.n;
          result.bytes += dropped.bytes;
        }
      }
      return result;
    });
  }

  /** The on-disk size of the relay's tables with their indexes and TOAST (what PostgreSQL has allocated). */
  storedBytes(): Promise<number> {
    return this.#run(async () => {
      const { rows } = await this.#pool.query<{ bytes: number }>(
        `SELECT coalesce(sum(pg_total_relation_size(to_regclass(name))), 0)::bigint AS bytes
         FROM unnest($1::text[]) AS name`,
        [TABLES],
      );
      return rows[0]?.bytes ?? 0;
    });
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    // Refuse new work first; what is already running still commits before the connections close.
    this.#closed = true;
    if (this.#pending > 0) await new Promise<void>((resolve) => (this.#idle = resolve));
    await this.#listener.close();
    await this.#pool.end();
  }
}
