import { closeSync, fsyncSync, mkdirSync, openSync, statSync } from "node:fs";
import { join } from "node:path";
import { setImmediate as yieldToEventLoop } from "node:timers/promises";
import { type LogEntry, ProtocolError, type StoredEntry } from "@hearth/sync/protocol";
import Database from "better-sqlite3";
import { ConflictError } from "../errors/conflict-error";
import { ForbiddenError } from "../errors/forbidden-error";
import { NotFoundError } from "../errors/not-found-error";
import { StorageError } from "../errors/storage-error";
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
import { FileSyncer } from "./sqlite/file-syncer";
import { GroupCommit } from "./sqlite/group-commit";
import { migrate } from "./sqlite/migrations";
import { prepareStatements, type Statements } from "./sqlite/statements";
import { deviceRecord, digestOf, KIND_CODES, storedEntry } from "./store-rows";

/** The database file a {@link SqliteStore} keeps in its data directory. */
export const SQLITE_FILE_NAME = "relay.sqlite";

/**
 * The relay's storage in one SQLite file, `<dataDir>/relay.sqlite`, through better-sqlite3.
 *
 * Durability: every write is fsynced to the WAL before the store answers, as `synchronous = FULL` does, but the
 * fsync runs off the event loop. The connection runs WAL with `synchronous = NORMAL`, which commits into the WAL
 * without syncing it (SQLite still syncs the WAL header when it starts a new WAL, and the WAL and the database at
 * every checkpoint); the store's group commit then fsyncs the WAL file on the thread pool and answers the writes of
 * the batch only once that fsync is done. On the disk this is what FULL does (an fsync of the WAL after the commit
 * frame, before the commit counts), while the event loop goes on verifying the next requests instead of waiting.
 * NORMAL alone would survive a killed process (the WAL is in the OS cache) but not a power loss or kernel crash.
 * One fsync acknowledges every write that queued meanwhile, and reads that return log content wait for the fsync in
 * flight, so no client ever reads an entry that a power cut could take back.
 *
 * The connection holds an exclusive lock on the file: a second relay on the same directory fails to open it
 * (`StorageError`) instead of corrupting positions.
 */
export class SqliteStore implements RelayStore {
  /** Absolute path of the database file. */
  readonly file: string;
  readonly #db: Database.Database;
  readonly #sql: Statements;
  readonly #commits: GroupCommit;
  readonly #wal: FileSyncer;
  #compaction: Promise<unknown> = Promise.resolve();
  #closed = false;

  private constructor(file: string, db: Database.Database) {
    this.file = file;
    this.#db = db;
    this.#sql = prepareStatements(db);
    this.#wal = new FileSyncer(`${file}-wal`);
    this.#commits = new GroupCommit(db, () => this.#wal.sync());
  }

  /** Opens (creating and migrating as needed) the store in `dataDir`. Throws `StorageError` if it cannot. */
  static open(dataDir: string): SqliteStore {
    mkdirSync(dataDir, { recursive: true });
    const file = join(dataDir, SQLITE_FILE_NAME);
    let db: Database.Database | undefined;
    try {
      db = new Database(file, { timeout: 1000 });
      // Before anything reads the file: one process owns it, and no shared-memory index is needed.
      db.pragma("locking_mode = EXCLUSIVE");
      // These two only take effect on a new file (before the first table). Small pages: a compacted document is
      // little more than its snapshot, and every table and index holds at least one page; with 4 KiB pages that
      // floor alone was half the size of a typical snapshot. Entries are mostly small, so little is lost on them.
      db.pragma("page_size = 1024");
      // Lets compaction give pages back to the disk.
      db.pragma("auto_vacuum = INCREMENTAL");
      db.pragma("journal_mode = WAL");
      // FULL while the migrations run, so that they are on the disk once the store is open.
      db.pragma("synchronous = FULL");
      // macOS only: fsync there does not flush the drive's cache; F_FULLFSYNC does (for SQLite's own syncs).
      db.pragma("fullfsync = ON");
      db.pragma("cache_size = -16000");
      // Checkpoint after about 4 MiB of WAL, as with SQLite's default of 1000 pages of 4 KiB: small pages must not
      // make the checkpoints (two more fsyncs each) four times as frequent.
      db.pragma("wal_autocheckpoint = 4000");
      migrate(db);
      // From here on commits do not sync by themselves: the group commit fsyncs the WAL before it answers (see above).
      db.pragma("synchronous = NORMAL");
      // SQLite syncs the directory when it creates a journal or WAL, not when it creates the database file itself.
      const dir = openSync(dataDir, "r");
      try {
        fsyncSync(dir);
      } finally {
        closeSync(dir);
      }
      return new SqliteStore(file, db);
    } catch (error) {
      db?.close();
      if (error instanceof StorageError) throw error;
      const busy = error instanceof Error && "code" in error && String(error.code).startsWith("SQLITE_BUSY");
      throw new StorageError(
        busy
          ? `The relay database ${file} is in use by another process: stop the other relay or use another data directory.`
          : `Cannot open the relay database ${file}: check that the data directory is writable and not corrupted.`,
        { cause: error },
      );
    }
  }

  #write<T>(write: () => T): Promise<T> {
    if (this.#closed) return Promise.reject(new StorageError("The relay store is closed."));
    return this.#commits.run(write);
  }

  /** A read that answers a client with what the log holds: it waits for the fsync in flight, if any. */
  #read<T>(read: () => T): Promise<T> {
    if (this.#closed) return Promise.reject(new StorageError("The relay store is closed."));
    return this.#commits.read(read);
  }

  /**
   * A lookup that only authorizes a request (is this device in the space, still active?): it does not wait for the
   * fsync in flight. Seeing an enrollment or a removal a moment before it is durable is harmless: a write it lets
   * through commits after it, so a crash loses both together, and neither was answered yet.
   */
  #peek<T>(read: () => T): Promise<T> {
    if (this.#closed) return Promise.reject(new StorageError("The relay store is closed."));
    try {
      return Promise.resolve(read());
    } catch (error) {
      return Promise.reject(error);
    }
  }

  #requireActive(spaceId: string, deviceId: string, role: string): void {
    const row = this.#sql.getDevice.get(spaceId, deviceId);
    if (!row || row.removed_at !== null) {
      throw new ForbiddenError(
        `Device ${deviceId} (${role}) is not an active device of space ${spaceId}: enroll it with a grant from an active device.`,
      );
    }
  }

  createSpace(space: NewSpace, now: number): Promise<"created" | "exists"> {
    return this.#write(() => {
      const existing = this.#sql.getSpace.get(space.spaceId);
      if (existing) {
        if (Buffer.compare(existing.genesis, space.genesis) === 0) return "exists" as const;
        throw new ConflictError(`Space ${space.spaceId} already exists with another genesis.`);
      }
      const { founder } = space;
      this.#sql.insertSpace.run(space.spaceId, space.genesis, founder.deviceId, now);
      this.#sql.insertDevice.run(
        space.spaceId,
        founder.deviceId,
        founder.signingPublicKey,
        founder.agreementPublicKey,
        null,
        null,
        now,
        space.spaceId,
      );
      return "created" as const;
    });
  }

  getSpace(spaceId: string): Promise<SpaceRecord | undefined> {
    return this.#peek(() => {
      const row = this.#sql.getSpace.get(spaceId);
      return (
        row && { spaceId: row.space_id, genesis: row.genesis, founderId: row.founder_id, createdAt: row.created_at }
      );
    });
  }

  addDevice(input: NewDevice, now: number): Promise<"added" | "exists"> {
    return this.#write(() => {
      const { spaceId, device } = input;
      this.#requireActive(spaceId, input.enrolledBy, "the enroller");
      const existing = this.#sql.getDevice.get(spaceId, device.deviceId);
      if (existing?.removed_at != null) {
        throw new ConflictError(
          `Device ${device.deviceId} was removed from space ${spaceId} and cannot come back: enroll a new device identity.`,
        );
      }
      if (!existing) {
        this.#sql.insertDevice.run(
          spaceId,
          device.deviceId,
          device.signingPublicKey,
          device.agreementPublicKey,
          input.enrolledBy,
          input.grant,
          now,
          spaceId,
        );
      }
      this.#sql.insertGrant.run(device.deviceId, spaceId, input.enrolledBy, input.grant, digestOf(input.grant), now);
      return existing ? ("exists" as const) : ("added" as const);
    });
  }

  getDevice(spaceId: string, deviceId: string): Promise<DeviceRecord | undefined> {
    return this.#peek(() => {
      const row = this.#sql.getDevice.get(spaceId, deviceId);
      return row && deviceRecord(row);
    });
  }

  listDevices(spaceId: string): Promise<DeviceRecord[]> {
    return this.#read(() => this.#sql.listDevices.all(spaceId).map(deviceRecord));
  }

  removeDevice(
    spaceId: string,
    deviceId: string,
    removedBy: string,
    now: number,
  ): Promise<"removed" | "already-removed"> {
    return this.#write(() => {
      this.#requireActive(spaceId, removedBy, "the remover");
      const row = this.#sql.getDevice.get(spaceId, deviceId);
      if (!row) throw new NotFoundError(`Space ${spaceId} has no device ${deviceId}.`);
      if (row.removed_at !== null) return "already-removed" as const;
      if ((this.#sql.countActive.get(spaceId)?.n ?? 0) <= 1) {
        throw new ConflictError(
          `Device ${deviceId} is the last active device of space ${spaceId}; removing it would lock everyone out.`,
        );
      }
      this.#sql.markRemoved.run(now, removedBy, spaceId, deviceId);
      return "removed" as const;
    });
  }

  storeGrants(grants: NewGrant[], now: number): Promise<void> {
    return this.#write(() => {
      for (const grant of grants) {
        this.#requireActive(grant.spaceId, grant.enrollerId, "the grant's signer");
        this.#requireActive(grant.spaceId, grant.deviceId, "the grant's recipient");
        this.#sql.insertGrant.run(
          grant.deviceId,
          grant.spaceId,
          grant.enrollerId,
          grant.grant,
          digestOf(grant.grant),
          now,
        );
      }
    });
  }

  listGrants(deviceId: string): Promise<GrantRecord[]> {
    return this.#read(() =>
      this.#sql.listGrants.all(deviceId).map((row) => ({
        spaceId: row.space_id,
        deviceId: row.device_id,
        enrollerId: row.enroller_id,
        grant: row.grant_bytes,
        createdAt: row.created_at,
      })),
    );
  }

  appendEntries(spaceId: string, documentId: string, entries: LogEntry[], now: number): Promise<AppendResult> {
    return this.#write(() => {
      for (const deviceId of new Set(entries.map((entry) => entry.deviceId))) {
        this.#requireActive(spaceId, deviceId, "the writer");
      }
      let doc = this.#sql.getDocument.get(spaceId, documentId);
      if (!doc) {
        this.#sql.insertDocument.run(spaceId, documentId);
        doc = this.#sql.getDocument.get(spaceId, documentId);
        if (!doc) throw new StorageError("The relay could not create the document row.");
      }
      let { head, snapshot_position: snapshotPosition, snapshot_covers: snapshotCovers } = doc;
      const positions: number[] = [];
      const compacted: CompactedEntry[] = [];
      const appended: StoredEntry[] = [];
      let newSnapshot = false;
      for (const [index, entry] of entries.entries()) {
        if (entry.documentId !== documentId)
          throw new ProtocolError("Every entry of a batch must be for its document.");
        const digest = digestOf(entry.envelope, entry.signature);
        const kind = KIND_CODES[entry.kind];
        const covers = entry.covers ?? null;
        const existing = this.#sql.findEntry.get(doc.id, entry.deviceId, entry.seq);
        if (existing) {
          const same =
            existing.epoch === entry.epoch &&
            existing.kind === kind &&
            existing.covers === covers &&
            Buffer.compare(existing.digest, digest) === 0;
          if (!same) {
            throw new ConflictError(
              `Device ${entry.deviceId} already stored another entry with seq ${entry.seq} in document ${documentId}: ` +
                "sequence numbers must not be reused; fetch the log and continue after the highest seq.",
            );
          }
          positions.push(existing.position);
          continue;
        }
        // Compaction deleted this device's entries up to its mark and kept no digest: the entry may be a retry of
        // a dropped one or new changes under a reused seq. Either way it is not stored; the device re-sends it above.
        const mark = this.#sql.compactionMark.get(doc.id, entry.deviceId)?.seq ?? 0;
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
        const size = entry.envelope.length + entry.signature.length;
        const { lastInsertRowid } = this.#sql.insertEntry.run(
          doc.id,
          head,
          entry.deviceId,
          entry.seq,
          entry.epoch,
          kind,
          covers,
          digest,
          size,
          now,
        );
        this.#sql.insertBody.run(lastInsertRowid, entry.envelope, entry.signature);
        if (entry.kind === "snapshot" && covers !== null && covers > (snapshotCovers ?? 0)) {
          snapshotCovers = covers;
          snapshotPosition = head;
          newSnapshot = true;
        }
        positions.push(head);
        appended.push({ ...entry, position: head });
      }
      if (appended.length > 0) this.#sql.updateDocument.run(head, snapshotPosition, snapshotCovers, doc.id);
      return { positions, compacted, appended, newSnapshot };
    });
  }

  fetchEntries(spaceId: string, documentId: string, query: FetchQuery): Promise<FetchResult> {
    return this.#read(() => {
      const doc = this.#sql.getDocument.get(spaceId, documentId);
      if (!doc) return { entries: [], head: 0 };
      const entries: StoredEntry[] = [];
      let bytes = 0;
      let from = query.after;
      let skip = 0;
      if (doc.snapshot_covers !== null && doc.snapshot_position !== null && doc.snapshot_covers > query.after) {
        const snapshot = this.#sql.entryAt.get(doc.id, doc.snapshot_position);
        if (snapshot) {
          entries.push(storedEntry(documentId, snapshot));
          bytes += snapshot.size;
          from = doc.snapshot_covers;
          skip = snapshot.position;
        }
      }
      if (entries.length < query.limit) {
        for (const row of this.#sql.entriesAfter.iterate(doc.id, from, query.limit + 1)) {
          if (row.position === skip) continue;
          if (entries.length >= query.limit || (entries.length > 0 && bytes + row.size > query.maxBytes)) break;
          entries.push(storedEntry(documentId, row));
          bytes += row.size;
        }
      }
      return { entries, head: doc.head };
    });
  }

  listDocuments(spaceId: string): Promise<DocumentHead[]> {
    return this.#read(() =>
      this.#sql.listDocuments.all(spaceId).map((row) => ({ documentId: row.document_id, head: row.head })),
    );
  }

  compact(query: CompactionQuery): Promise<CompactionResult> {
    if (this.#closed) return Promise.reject(new StorageError("The relay store is closed."));
    // One compaction at a time; each document is its own short transaction so appends keep flowing in between.
    const run = this.#compaction.then(() => this.#compactNow(query));
    this.#compaction = run.catch(() => undefined);
    return run;
  }

  async #compactNow(query: CompactionQuery): Promise<CompactionResult> {
    const result: CompactionResult = { documents: 0, entries: 0, bytes: 0 };
    const docs = this.#sql.compactable.all({ space: query.spaceId ?? null, doc: query.documentId ?? null });
    for (const doc of docs) {
      if (this.#closed) break;
      // Through the group commit, as any write: durable before it counts, and never seen by a read before that.
      const dropped = await this.#commits.run(() => {
        const current = this.#sql.getDocumentById.get(doc.id);
        const covers = current?.snapshot_covers ?? 0;
        const from = current?.dropped_through ?? 0;
        if (covers <= from) return { n: 0, bytes: 0 };
        // Positions are given in arrival order, so what may go is a prefix: stop before the first entry that
        // is still younger than the cutoff.
        const young = this.#sql.firstTooYoung.get(doc.id, from, covers, query.cutoff)?.position ?? null;
        const through = young === null ? covers : young - 1;
        if (through <= from) return { n: 0, bytes: 0 };
        const measured = this.#sql.measureRange.get(doc.id, from, through);
        this.#sql.raiseMarks.run(doc.id, from, through);
        this.#sql.dropBodies.run(doc.id, from, through);
        this.#sql.dropEntries.run(doc.id, from, through);
        this.#sql.setDroppedThrough.run(through, doc.id);
        return { n: measured?.n ?? 0, bytes: measured?.bytes ?? 0 };
      });
      if (dropped.n > 0) {
        result.documents += 1;
        result.entries += dropped.n;
        result.bytes += dropped.bytes;
      }
      await yieldToEventLoop();
    }
    if (result.entries > 0 && !this.#closed) {
      // Give the freed pages back to the file system, then fold the WAL into the (now shorter) database file.
      this.#db.pragma("incremental_vacuum");
      this.#db.pragma("wal_checkpoint(TRUNCATE)");
    }
    return result;
  }

  storedBytes(): Promise<number> {
    return this.#peek(() => {
      let bytes = 0;
      for (const file of [this.file, `${this.file}-wal`]) {
        try {
          bytes += statSync(file).size;
        } catch {
          // No WAL file right after a checkpoint that removed it.
        }
      }
      return bytes;
    });
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    // Refuse new work first; what is already queued still commits before the connection closes.
    this.#closed = true;
    await this.#commits.drain();
    await this.#compaction;
    await this.#commits.drain();
    this.#db.close();
    await this.#wal.close();
  }
}
