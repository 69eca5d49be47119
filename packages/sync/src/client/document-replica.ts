import * as Automerge from "@automerge/automerge";
import { type DeviceIdentity, type KeyRing, UnknownEpochError } from "@hearth/transport";
import {
  decodeChangePayload,
  decodeSnapshotPayload,
  encodeChangePayload,
  encodeSnapshotPayload,
} from "../entries/entry-payload";
import { openEntry, verifyEntry } from "../entries/open-entry";
import { sealEntry } from "../entries/seal-entry";
import { StorageError } from "../errors/storage-error";
import type { SyncError } from "../errors/sync-error";
import { TooLargeError } from "../errors/too-large-error";
import { VerifyError } from "../errors/verify-error";
import type { LogEntry } from "../protocol/log-entry";
import type { FetchedEntry } from "../relay/relay-api";
import type { StorageAdapter } from "../storage/storage-adapter";
import { EventEmitter } from "./event-emitter";
import { sameHeads } from "./heads";
import { decodeQueueRecord, encodeQueueRecord, type QueueRecord } from "./queue-record";
import { decodeReplicaState, encodeReplicaState, initialReplicaState, type ReplicaState } from "./replica-state";
import { SerialLock } from "./serial-lock";
import { storageKeys } from "./storage-keys";
import type { SyncStats } from "./sync-stats";

/** What a replica needs from its client. */
export interface ReplicaContext {
  storage: StorageAdapter;
  identity: DeviceIdentity;
  keyRing: KeyRing;
  /** The signing key of a device of the space, or undefined when the client does not know it. */
  signingKeyOf(deviceId: string): Uint8Array | undefined;
  /** Reports a problem that does not stop sync (a rejected entry, an oversized change). */
  report(error: SyncError): void;
  maxEntryBytes: number;
  stats: SyncStats;
}

/** A change event: the new document and where the change came from. */
export interface ReplicaChange {
  doc: Automerge.Doc<unknown>;
  source: "local" | "remote";
}

/** What one {@link DocumentReplica.ingest} did. */
export interface IngestResult {
  changed: boolean;
  /** Entries waiting for an earlier sequence number of their device. */
  pending: number;
  /** Epochs entries were sealed under that the key ring lacks. */
  missingEpochs: number[];
}

// "forged": the entry as served is not the one its device signed (bad signature, or another document's). The relay
// checks signatures on append, so it cannot hold such an entry: it was altered on the way, and the authentic one is
// still there to fetch. The cursor must not move past it, or that entry would never be fetched again.
type Outcome = "applied" | "duplicate" | "pending" | "rejected" | "forged" | "blocked";

// A snapshot of the whole document replaces the incremental chunks once they are this many, or larger than it.
const MAX_CHUNKS = 64;
const MIN_SNAPSHOT_BYTES = 1 << 20;
// Entries held back for a missing earlier sequence number; a hostile relay must not make this grow unbounded.
const MAX_PENDING = 10_000;

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/**
 * One document on this device: the Automerge document, its sync state (cursor, sequence numbers, applied set),
 * its offline queue and its local persistence. The client calls the mutating methods through {@link lock}, so
 * storage always sees them in order.
 */
export class DocumentReplica {
  readonly documentId: string;
  readonly lock = new SerialLock();
  readonly events = new EventEmitter<{ change: ReplicaChange }>();
  doc: Automerge.Doc<unknown>;
  state: ReplicaState;
  /** Queued entries, by sequence number. */
  queue: QueueRecord[];
  readonly #ctx: ReplicaContext;
  readonly #pending = new Map<string, Map<number, FetchedEntry>>();
  #persistedHeads: string[];
  #nextChunk: number;
  #chunkCount: number;
  #chunkBytes: number;
  #snapshotBytes: number;
  /** A snapshot entry's document this replica was loaded from while empty, not yet in storage. */
  #fetchedSnapshot: { bytes: Uint8Array; heads: string[] } | undefined;

  private constructor(
    ctx: ReplicaContext,
    documentId: string,
    doc: Automerge.Doc<unknown>,
    state: ReplicaState,
    queue: QueueRecord[],
    chunks: { next: number; count: number; bytes: number; snapshotBytes: number },
  ) {
    this.#ctx = ctx;
    this.documentId = documentId;
    this.doc = doc;
    this.state = state;
    this.queue = queue;
    this.#persistedHeads = Automerge.getHeads(doc);
    this.#nextChunk = chunks.next;
    this.#chunkCount = chunks.count;
    this.#chunkBytes = chunks.bytes;
    this.#snapshotBytes = chunks.snapshotBytes;
  }

  /** Loads a document and its sync state from storage (an empty document when there is none). */
  static async load(ctx: ReplicaContext, documentId: string): Promise<DocumentReplica> {
    const { storage } = ctx;
    const [snapshot, chunks, stateBytes, queued] = await Promise.all([
      storage.load(storageKeys.snapshot(documentId)),
      storage.loadRange(storageKeys.chunks(documentId)),
      storage.load(storageKeys.state(documentId)),
      storage.loadRange(storageKeys.queue(documentId)),
    ]);
    let doc: Automerge.Doc<unknown>;
    chunks.sort((a, b) => (a.key[3] ?? "").localeCompare(b.key[3] ?? ""));
    try {
      doc = snapshot ? Automerge.load(snapshot) : Automerge.init();
      for (const chunk of chunks) doc = Automerge.loadIncremental(doc, chunk.data);
    } catch (cause) {
      throw new StorageError(`The stored copy of document ${documentId} is damaged; restore it from a backup.`, {
        cause,
      });
    }
    const state = stateBytes ? decodeReplicaState(stateBytes) : initialReplicaState();
    const queue = queued.map((chunk) => decodeQueueRecord(chunk.data)).sort((a, b) => a.entry.seq - b.entry.seq);
    // The queue is written before the state: after a crash between the two, the queue says what was last sealed.
    const last = queue.at(-1);
    if (last && last.entry.seq >= state.nextSeq) {
      state.nextSeq = last.entry.seq + 1;
      state.sentHeads = last.heads;
    }
    const self = ctx.identity.deviceId;
    state.applied[self] = Math.max(state.applied[self] ?? 0, state.nextSeq - 1);
    const lastChunk = chunks.at(-1)?.key[3];
    return new DocumentReplica(ctx, documentId, doc, state, queue, {
      next: lastChunk ? Number(lastChunk) + 1 : 0,
      count: chunks.length,
      bytes: chunks.reduce((n, c) => n + c.data.length, 0),
      snapshotBytes: snapshot?.length ?? 0,
    });
  }

  /** Entries held back for a missing earlier sequence number. */
  get pendingCount(): number {
    let n = 0;
    for (const map of this.#pending.values()) n += map.size;
    return n;
  }

  /** Whether local changes have not yet been turned into entries. */
  get hasUnsentChanges(): boolean {
    return !sameHeads(Automerge.getHeads(this.doc), this.state.sentHeads);
  }

  /** Replaces the document after a local change and tells listeners. */
  setLocal(doc: Automerge.Doc<unknown>): void {
    this.doc = doc;
    this.events.emit("change", { doc, source: "local" });
  }

  /** Writes what changed since the last write: an incremental chunk, or now and then a whole snapshot. Lock held. */
  async persist(): Promise<void> {
    const heads = Automerge.getHeads(this.doc);
    if (sameHeads(heads, this.#persistedHeads)) return;
    const { storage } = this.#ctx;
    const fetched = this.#fetchedSnapshot;
    this.#fetchedSnapshot = undefined;
    if (fetched && this.#persistedHeads.length === 0) {
      // A new device caught up from a snapshot: its bytes already are an `Automerge.save` of what it holds, so
      // they are stored as they are instead of being saved again. Only what came after goes into a chunk.
      await storage.save(storageKeys.snapshot(this.documentId), fetched.bytes);
      if (this.#chunkCount > 0) await storage.removeRange(storageKeys.chunks(this.documentId));
      this.#snapshotBytes = fetched.bytes.length;
      this.#chunkCount = 0;
      this.#chunkBytes = 0;
      this.#persistedHeads = fetched.heads;
      if (sameHeads(heads, fetched.heads)) return;
    }
    const base = Automerge.hasHeads(this.doc, this.#persistedHeads) ? this.#persistedHeads : [];
    const chunk = Automerge.saveSince(this.doc, base);
    if (
      this.#chunkCount + 1 > MAX_CHUNKS ||
      this.#chunkBytes + chunk.length > Math.max(this.#snapshotBytes, MIN_SNAPSHOT_BYTES)
    ) {
      // The snapshot is written first: a crash before the chunks are gone leaves both, which load to the same doc.
      const full = Automerge.save(this.doc);
      await storage.save(storageKeys.snapshot(this.documentId), full);
      await storage.removeRange(storageKeys.chunks(this.documentId));
      this.#snapshotBytes = full.length;
      this.#chunkCount = 0;
      this.#chunkBytes = 0;
    } else {
      await storage.save(storageKeys.chunk(this.documentId, this.#nextChunk++), chunk);
      this.#chunkCount++;
      this.#chunkBytes += chunk.length;
    }
    this.#persistedHeads = heads;
  }

  async saveState(): Promise<void> {
    await this.#ctx.storage.save(storageKeys.state(this.documentId), encodeReplicaState(this.state));
  }

  // Largest plaintext that still fits the relay's entry limit once padded (PADME adds at most 12%) and sealed.
  #plaintextBudget(): number {
    return Math.floor((this.#ctx.maxEntryBytes - 64) / 1.125) - 16;
  }

  async #queueEntry(entry: LogEntry, heads: string[]): Promise<void> {
    const record: QueueRecord = { entry, heads };
    await this.#ctx.storage.save(storageKeys.queued(this.documentId, entry.seq), encodeQueueRecord(record));
    this.queue.push(record);
    this.state.nextSeq = entry.seq + 1;
    this.state.sentHeads = heads;
    this.state.applied[this.#ctx.identity.deviceId] = entry.seq;
  }

  /**
   * Turns local changes not yet sent into sealed, signed entries in the offline queue (persisted before anything
   * goes to the network). Usually one entry; several when the changes would not fit one. Lock held.
   * Returns how many entries were queued.
   */
  async enqueue(): Promise<number> {
    // The entries' content is fixed first and persisted after (persist writes at least these heads), so nothing
    // can be queued for other devices that this device would not find in its own storage after a crash.
    const heads = Automerge.getHeads(this.doc);
    if (sameHeads(heads, this.state.sentHeads)) return 0;
    const base = Automerge.hasHeads(this.doc, this.state.sentHeads) ? this.state.sentHeads : [];
    const budget = this.#plaintextBudget();
    const all = Automerge.saveSince(this.doc, base);
    let groups: Uint8Array[];
    if (all.length + 1 <= budget) {
      groups = [all];
    } else {
      groups = [];
      let current: Uint8Array[] = [];
      let size = 0;
      for (const change of Automerge.getChangesSince(this.doc, base)) {
        if (change.length + 1 > budget) {
          this.#ctx.report(
            new TooLargeError(
              `A single change to document ${this.documentId} is larger than the relay's entry limit; it stays on this device. Split large values into smaller changes.`,
            ),
          );
          return 0;
        }
        if (size + change.length + 1 > budget) {
          groups.push(concat(current));
          current = [];
          size = 0;
        }
        current.push(change);
        size += change.length;
      }
      if (current.length > 0) groups.push(concat(current));
    }
    await this.persist();
    for (const [i, changes] of groups.entries()) {
      const entry = sealEntry(
        this.#ctx.identity,
        this.#ctx.keyRing,
        { documentId: this.documentId, seq: this.state.nextSeq, kind: "change" },
        encodeChangePayload(changes),
      );
      // Only the last entry of a split reaches the current heads; earlier ones keep the old base, so a crash in
      // between re-sends (harmlessly) rather than loses.
      await this.#queueEntry(entry, i === groups.length - 1 ? heads : this.state.sentHeads);
    }
    await this.saveState();
    return groups.length;
  }

  /**
   * Queues a snapshot entry: the whole document, covering every relay position up to the cursor, with the
   * sequence numbers it contains per device. Lock held. Throws {@link TooLargeError} if it cannot fit one entry.
   */
  async enqueueSnapshot(): Promise<{ covers: number; seq: number }> {
    await this.enqueue();
    const self = this.#ctx.identity.deviceId;
    const covers = this.state.cursor;
    const seq = this.state.nextSeq;
    const plaintext = encodeSnapshotPayload({
      covers,
      seqs: { ...this.state.applied, [self]: seq - 1 },
      document: Automerge.save(this.doc),
    });
    await this.persist();
    if (plaintext.length > this.#plaintextBudget()) {
      throw new TooLargeError(
        `Document ${this.documentId} is too large for one snapshot entry; it keeps syncing by changes instead.`,
      );
    }
    const entry = sealEntry(
      this.#ctx.identity,
      this.#ctx.keyRing,
      { documentId: this.documentId, seq, kind: "snapshot", covers },
      plaintext,
    );
    await this.#queueEntry(entry, this.state.sentHeads);
    await this.saveState();
    return { covers, seq };
  }

  /** Drops acknowledged entries from the queue; moves the cursor over them when they follow it directly. Lock held. */
  async acknowledge(records: QueueRecord[], positions: number[]): Promise<void> {
    const done = new Set(records.map((r) => r.entry.seq));
    for (const seq of done) await this.#ctx.storage.remove(storageKeys.queued(this.documentId, seq));
    this.queue = this.queue.filter((r) => !done.has(r.entry.seq));
    // Our own entries right after the cursor are already in the document: no need to fetch them back.
    for (const position of positions) {
      if (position === this.state.cursor + 1 && this.pendingCount === 0) this.state.cursor = position;
    }
    await this.saveState();
  }

  /**
   * The relay did not store the entries of `batch` from index `from` on because their seqs are at or below its
   * compaction mark `mark` for this device (this device reused seqs, say restored from an older copy of its storage,
   * or it retried entries the relay has since compacted: the relay cannot tell which). The entries before `from` are
   * acknowledged; the changes of the others and of the rest of the queue are re-sealed under seqs above the mark.
   * A retry thus stores its changes twice, which Automerge applies once; new changes are never dropped. Entries after
   * `from` that the relay did store are re-sent too, so no device has to apply them before the changes they follow.
   * Lock held.
   */
  async requeueAboveMark(batch: QueueRecord[], positions: number[], from: number, mark: number): Promise<void> {
    await this.acknowledge(batch.slice(0, from), positions.slice(0, from));
    // A snapshot is not re-sent: a compacted one covers positions that are gone, and the changes it holds travel in
    // change entries anyway.
    const rest = new Set(batch.slice(from));
    const snapshots = this.queue.filter((r) => rest.has(r) && r.entry.kind === "snapshot");
    for (const record of snapshots)
      await this.#ctx.storage.remove(storageKeys.queued(this.documentId, record.entry.seq));
    this.queue = this.queue.filter((r) => !snapshots.includes(r));
    await this.renumberQueue(Math.max(this.state.nextSeq, mark + 1));
  }

  /**
   * Re-seals a queued entry under the current epoch and a new sequence number (after a key rotation, or when the
   * relay already holds the number from an earlier life of this device). Lock held.
   */
  async reseal(record: QueueRecord, seq: number): Promise<QueueRecord> {
    return this.#rewrite(record, seq, openEntry(record.entry, this.#ctx.keyRing));
  }

  /**
   * Replaces a queued entry by a change entry holding `plaintext`, keeping its sequence number (used for one the
   * relay refuses). Lock held.
   */
  async replaceEntry(record: QueueRecord, plaintext: Uint8Array): Promise<QueueRecord> {
    const { covers: _covers, ...change } = record.entry;
    return this.#rewrite({ entry: { ...change, kind: "change" }, heads: record.heads }, record.entry.seq, plaintext);
  }

  async #rewrite(record: QueueRecord, seq: number, plaintext: Uint8Array): Promise<QueueRecord> {
    const { kind, covers } = record.entry;
    const place = { documentId: this.documentId, seq, kind, ...(covers !== undefined ? { covers } : {}) };
    const entry = sealEntry(this.#ctx.identity, this.#ctx.keyRing, place, plaintext);
    const updated: QueueRecord = { entry, heads: record.heads };
    await this.#ctx.storage.save(storageKeys.queued(this.documentId, seq), encodeQueueRecord(updated));
    if (seq !== record.entry.seq) await this.#ctx.storage.remove(storageKeys.queued(this.documentId, record.entry.seq));
    return updated;
  }

  /** Re-seals every queued entry that uses an older epoch than the key ring's current one. Lock held. */
  async resealOldEpochs(): Promise<void> {
    const current = this.#ctx.keyRing.currentEpoch;
    for (const [i, record] of this.queue.entries()) {
      if (record.entry.epoch < current) this.queue[i] = await this.reseal(record, record.entry.seq);
    }
  }

  /** Gives the queued entries new sequence numbers from `start` on (the relay holds the old ones). Lock held. */
  async renumberQueue(start: number): Promise<void> {
    const records = [...this.queue];
    // Highest first, so a new number never overwrites a record not yet moved.
    const moved: QueueRecord[] = [];
    for (let i = records.length - 1; i >= 0; i--) {
      const record = records[i];
      if (record) moved.unshift(await this.reseal(record, start + i));
    }
    this.queue = moved;
    this.state.nextSeq = start + records.length;
    this.state.applied[this.#ctx.identity.deviceId] = this.state.nextSeq - 1;
    await this.saveState();
  }

  /**
   * Verifies, opens and applies entries in order. `authoritative`: the list is the relay's complete answer
   * after the cursor, so the cursor may move over every entry that is dealt with; otherwise (live pushes that do
   * not follow the cursor) only entries' content is applied. Lock held.
   */
  async ingest(entries: FetchedEntry[], authoritative: boolean): Promise<IngestResult> {
    const headsBefore = Automerge.getHeads(this.doc);
    const nothingUnsent = sameHeads(headsBefore, this.state.sentHeads);
    const missing = new Set<number>();
    let advance = authoritative;
    let jumpedBy: number | undefined;
    for (const entry of entries) {
      this.#ctx.stats.entriesFetched++;
      const startedAhead = entry.kind === "snapshot" && (entry.covers ?? 0) > this.state.cursor;
      const outcome = this.#process(entry, missing);
      if (!advance) continue;
      if (outcome === "pending" || outcome === "blocked" || outcome === "forged") {
        advance = false;
      } else if (startedAhead && outcome === "applied") {
        // A snapshot that jumped the cursor to what it covers is followed by the entries after `covers`.
        jumpedBy = entry.position;
      } else if (entry.position !== undefined) {
        this.state.cursor = Math.max(this.state.cursor, entry.position);
      }
    }
    // Once the cursor has reached the snapshot's own position, that position is dealt with: without this a new
    // device would fetch the (large) snapshot a second time, as the entry right after the cursor.
    if (advance && jumpedBy !== undefined && this.state.cursor === jumpedBy - 1) this.state.cursor = jumpedBy;
    this.#drainPending(missing);
    const self = this.#ctx.identity.deviceId;
    this.state.nextSeq = Math.max(this.state.nextSeq, (this.state.applied[self] ?? 0) + 1);
    const headsAfter = Automerge.getHeads(this.doc);
    const changed = !sameHeads(headsBefore, headsAfter);
    if (changed && nothingUnsent) this.state.sentHeads = headsAfter;
    await this.persist();
    await this.saveState();
    if (changed) this.events.emit("change", { doc: this.doc, source: "remote" });
    return { changed, pending: this.pendingCount, missingEpochs: [...missing] };
  }

  #hold(entry: FetchedEntry): Outcome {
    if (this.pendingCount >= MAX_PENDING) return "pending";
    let map = this.#pending.get(entry.deviceId);
    if (!map) {
      map = new Map();
      this.#pending.set(entry.deviceId, map);
    }
    map.set(entry.seq, entry);
    return "pending";
  }

  #reject(error: SyncError, outcome: "rejected" | "forged" = "rejected"): Outcome {
    this.#ctx.stats.entriesRejected++;
    this.#ctx.report(error);
    return outcome;
  }

  #process(entry: FetchedEntry, missing: Set<number>): Outcome {
    if (entry.documentId !== this.documentId) {
      return this.#reject(
        new VerifyError(`The relay sent an entry of another document for ${this.documentId}.`),
        "forged",
      );
    }
    const device = entry.deviceId;
    const applied = this.state.applied[device] ?? 0;
    const covering = entry.kind === "snapshot" && (entry.covers ?? 0) > this.state.cursor;
    if (!covering) {
      if (entry.seq <= applied) return "duplicate";
      if (entry.seq > applied + 1) return this.#hold(entry);
    }
    const signingKey = this.#ctx.signingKeyOf(device);
    if (!signingKey) {
      return this.#reject(
        new VerifyError(`Entry ${entry.seq} is signed by ${device}, which is not a device of this space.`),
      );
    }
    try {
      verifyEntry(entry, signingKey);
    } catch (error) {
      if (error instanceof VerifyError) return this.#reject(error, "forged");
      throw error;
    }
    let plaintext: Uint8Array;
    try {
      plaintext = openEntry(entry, this.#ctx.keyRing);
    } catch (error) {
      if (error instanceof UnknownEpochError) {
        missing.add(entry.epoch);
        this.#hold(entry);
        return "blocked";
      }
      if (error instanceof VerifyError) return this.#reject(error);
      throw error;
    }
    try {
      if (entry.kind === "change") {
        this.doc = Automerge.loadIncremental(this.doc, decodeChangePayload(plaintext));
        this.state.applied[device] = entry.seq;
      } else {
        const snapshot = decodeSnapshotPayload(plaintext);
        if (snapshot.covers !== entry.covers) {
          return this.#reject(
            new VerifyError(
              `Snapshot ${entry.seq} of device ${device} says it covers ${entry.covers} outside but ${snapshot.covers} inside.`,
            ),
          );
        }
        if (covering) {
          if (Automerge.getHeads(this.doc).length === 0) {
            // An empty replica (a new device): loading the snapshot as a document is about twice as fast as
            // merging it in, which computes a patch for every value.
            this.doc = Automerge.load(snapshot.document);
            this.#fetchedSnapshot = { bytes: snapshot.document, heads: Automerge.getHeads(this.doc) };
          } else {
            this.doc = Automerge.loadIncremental(this.doc, snapshot.document);
          }
          for (const [id, seq] of Object.entries(snapshot.seqs)) {
            this.state.applied[id] = Math.max(this.state.applied[id] ?? 0, seq);
          }
          this.state.cursor = Math.max(this.state.cursor, snapshot.covers);
          this.#ctx.stats.snapshotsApplied++;
        }
        this.state.applied[device] = Math.max(this.state.applied[device] ?? 0, entry.seq);
      }
    } catch (error) {
      if (error instanceof VerifyError) return this.#reject(error);
      return this.#reject(
        new VerifyError(`Entry ${entry.seq} of device ${device} opened but its content does not apply.`, {
          cause: error,
        }),
      );
    }
    this.#ctx.stats.entriesApplied++;
    return "applied";
  }

  #drainPending(missing: Set<number>): void {
    let progress = true;
    while (progress) {
      progress = false;
      for (const [device, map] of this.#pending) {
        const applied = this.state.applied[device] ?? 0;
        for (const seq of map.keys()) if (seq <= applied) map.delete(seq);
        const next = map.get(applied + 1);
        if (next) {
          map.delete(applied + 1);
          const outcome = this.#process(next, missing);
          if (outcome === "applied" || outcome === "rejected" || outcome === "forged" || outcome === "duplicate") {
            progress = true;
          }
        }
        if (map.size === 0) this.#pending.delete(device);
      }
    }
  }
}
