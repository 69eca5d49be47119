import type { LogEntry, StoredEntry } from "@hearth/sync/protocol";
import type { DevicePublicKeys } from "@hearth/transport";
import type { AppendFeed } from "./append-feed";

/** A space as the relay stores it. */
export interface SpaceRecord {
  spaceId: string;
  /** The signed genesis the space was founded with (`createSpaceGenesis`). */
  genesis: Uint8Array;
  founderId: string;
  /** Milliseconds since 1970, relay clock. */
  createdAt: number;
}

/** A device of a space: its public keys, who enrolled it and whether it was removed. */
export interface DeviceRecord extends DevicePublicKeys {
  spaceId: string;
  /** The enrolling device; null for the founder. */
  enrolledBy: string | null;
  /** The enrollment grant that admitted it (ciphertext to the device); null for the founder. */
  grant: Uint8Array | null;
  enrolledAt: number;
  /** When it was removed; null while active. */
  removedAt: number | null;
  removedBy: string | null;
}

/** A grant the relay holds for a device: an enrollment, or a rotated key ring after a removal. */
export interface GrantRecord {
  spaceId: string;
  /** The device the grant is sealed to. */
  deviceId: string;
  /** The device that signed it. */
  enrollerId: string;
  grant: Uint8Array;
  createdAt: number;
}

/** What {@link RelayStore.createSpace} needs: the verified genesis and the founder it names. */
export interface NewSpace {
  spaceId: string;
  genesis: Uint8Array;
  founder: DevicePublicKeys;
}

/** A device to enroll, with the verified grant and the active device that signed it. */
export interface NewDevice {
  spaceId: string;
  device: DevicePublicKeys;
  enrolledBy: string;
  grant: Uint8Array;
}

/** A verified grant to keep for `deviceId` (an active device of `spaceId`), signed by active `enrollerId`. */
export interface NewGrant {
  spaceId: string;
  deviceId: string;
  enrollerId: string;
  grant: Uint8Array;
}

/** The answer to an append: one position per entry given, and the entries that were new. */
export interface AppendResult {
  /**
   * Position of each entry, in the order given. A retried entry gets the position it already had;
   * {@link COMPACTED_POSITION} marks an entry at or below its device's compaction mark (see `compacted`).
   */
  positions: number[];
  /**
   * The entries (by index in the batch) whose seq is at or below their device's compaction mark, with that mark.
   * They were not stored: compaction keeps no digest, so the relay cannot tell a retry of a dropped entry from a
   * new entry reusing its seq (a device restored from an older copy of its storage). The device re-sends their
   * changes under seqs above the mark; applying an Automerge change twice is harmless.
   */
  compacted: CompactedEntry[];
  /** The entries stored by this call (not the retries), with their positions: what the relay pushes live. */
  appended: StoredEntry[];
  /** True when a snapshot in this batch now covers more than any before it (compaction may follow). */
  newSnapshot: boolean;
}

/** An entry of a batch that was not stored because its seq is at or below its device's compaction mark. */
export interface CompactedEntry {
  /** Its index in the batch. */
  index: number;
  /** The device's compaction mark in the document: the highest seq compaction dropped. */
  mark: number;
}

/**
 * The position answered for an entry at or below its device's compaction mark (listed in
 * {@link AppendResult.compacted}): not stored. Real positions start at 1.
 */
export const COMPACTED_POSITION = 0;

/** How to read a document's log. */
export interface FetchQuery {
  /** Return what comes after this position (0 = from the start). */
  after: number;
  /** At most this many entries. */
  limit: number;
  /** Stop adding entries once their envelopes add up to this many bytes (at least one entry is returned). */
  maxBytes: number;
}

/** A page of a document's log. */
export interface FetchResult {
  entries: StoredEntry[];
  /** Highest position the document has (0 when empty), whether or not it was dropped by compaction. */
  head: number;
}

/** A document of a space and its head position. */
export interface DocumentHead {
  documentId: string;
  head: number;
}

/** What to compact: entries covered by each document's newest snapshot and received at or before `cutoff`. */
export interface CompactionQuery {
  /** Milliseconds since 1970: entries received later than this stay. */
  cutoff: number;
  /** Only this space (and, with `documentId`, only that document). */
  spaceId?: string;
  documentId?: string;
}

/** What a compaction dropped. */
export interface CompactionResult {
  documents: number;
  entries: number;
  /** Envelope and signature bytes released. */
  bytes: number;
}

/**
 * The relay's storage, as a small asynchronous adapter so that another database can replace SQLite without
 * touching the server. Every write is acknowledged only once it is durable. The store enforces the invariants
 * that must hold atomically with a write (membership of the writer, positions, idempotency); the server checks
 * signatures and shapes before calling it.
 *
 * Errors: `ConflictError` (E_CONFLICT), `ForbiddenError` (E_FORBIDDEN), `NotFoundError` (E_NOT_FOUND),
 * `ProtocolError` (E_PROTOCOL) for input that contradicts the log, `StorageError` (E_STORAGE) for the rest.
 */
export interface RelayStore {
  /**
   * Founds a space with its founder as the first active device. "exists" when the same genesis was stored
   * before; `ConflictError` when the id is taken by another genesis.
   */
  createSpace(space: NewSpace, now: number): Promise<"created" | "exists">;
  getSpace(spaceId: string): Promise<SpaceRecord | undefined>;

  /**
   * Enrolls a device. `ForbiddenError` unless `enrolledBy` is active in the space; `ConflictError` when the
   * device was removed from it. "exists" when it is already active (the grant is then stored again).
   */
  addDevice(device: NewDevice, now: number): Promise<"added" | "exists">;
  getDevice(spaceId: string, deviceId: string): Promise<DeviceRecord | undefined>;
  /** Every device of the space, removed ones included, in enrollment order. */
  listDevices(spaceId: string): Promise<DeviceRecord[]>;
  /**
   * Marks a device removed. `ForbiddenError` unless `removedBy` is active; `NotFoundError` for a device the
   * space never had; `ConflictError` when it is the last active device.
   */
  removeDevice(
    spaceId: string,
    deviceId: string,
    removedBy: string,
    now: number,
  ): Promise<"removed" | "already-removed">;

  /**
   * Stores grants, all or none: `ForbiddenError` unless every enroller and every target is active in its space.
   * Storing the same grant for the same device again is a no-op.
   */
  storeGrants(grants: NewGrant[], now: number): Promise<void>;
  /** Every grant held for a device, in every space, oldest first. */
  listGrants(deviceId: string): Promise<GrantRecord[]>;

  /**
   * Appends entries of one document in one transaction, positions following the document's head. Per
   * (document, device, seq) of a stored entry: the same envelope, signature and metadata again returns the stored
   * position; anything else is a `ConflictError` and nothing of the batch is stored. An entry whose seq is at or
   * below the device's compaction mark in the document (see {@link RelayStore.compact}) and that is not stored is
   * neither stored nor pushed: it gets {@link COMPACTED_POSITION} and is listed in `compacted` with the mark,
   * whatever its envelope (no digest of a dropped entry remains to compare it with).
   * `ForbiddenError` when a writer is not active. A snapshot must not cover beyond the head it is appended after
   * (`ProtocolError`).
   */
  appendEntries(spaceId: string, documentId: string, entries: LogEntry[], now: number): Promise<AppendResult>;
  /**
   * Entries after `query.after`; when the document's newest snapshot covers more than that, the page starts with
   * the snapshot and continues after what it covers.
   */
  fetchEntries(spaceId: string, documentId: string, query: FetchQuery): Promise<FetchResult>;
  listDocuments(spaceId: string): Promise<DocumentHead[]>;

  /**
   * Deletes the entries covered by each document's newest snapshot and old enough (metadata and body: nothing per
   * dropped entry remains), raising per (document, device) a compaction mark to the highest seq dropped so that
   * an append at or below it is answered as compacted instead of being stored again; then gives the space back to the file system.
   */
  compact(query: CompactionQuery): Promise<CompactionResult>;
  /** Bytes the store occupies on disk (or the nearest equivalent), for monitoring and tests. */
  storedBytes(): Promise<number>;

  /**
   * Present when several relay processes share the store: what the others append, so each pushes it to its own
   * live connections.
   */
  readonly feed?: AppendFeed;

  /** Waits for pending writes, then releases the storage. Calls after it fail with `StorageError`. */
  close(): Promise<void>;
}
