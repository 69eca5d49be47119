import * as Automerge from "@automerge/automerge";
import {
  acceptEnrollmentGrant,
  type DeviceIdentity,
  type DevicePublicKeys,
  type KeyFileOptions,
  KeyRing,
} from "@hearth/transport";
import { type BackupContents, decodeBackup, encodeBackup } from "../backup/backup-format";
import { exportJson } from "../backup/export-json";
import { encodeChangePayload } from "../entries/entry-payload";
import { BackupError } from "../errors/backup-error";
import { ConflictError } from "../errors/conflict-error";
import { ForbiddenError } from "../errors/forbidden-error";
import { GapError } from "../errors/gap-error";
import { OfflineError } from "../errors/offline-error";
import { RateLimitedError } from "../errors/rate-limited-error";
import { RelayError } from "../errors/relay-error";
import { StorageError } from "../errors/storage-error";
import { SyncError } from "../errors/sync-error";
import { TooLargeError } from "../errors/too-large-error";
import { VerifyError } from "../errors/verify-error";
import type { AppendAnswer } from "../protocol/append-answer";
import { checkId, encodeWireEntry, MAX_ENTRY_BYTES } from "../protocol/wire";
import { type LiveConnection, type LivePush, openLiveSocket, type WebSocketConstructor } from "../relay/live-socket";
import { type FetchedEntry, RelayApi } from "../relay/relay-api";
import type { RelayUrls } from "../relay/relay-endpoints";
import type { FetchLike } from "../relay/relay-http";
import { enrollDevice } from "../space/enroll-device";
import { removeDevice } from "../space/remove-device";
import type { StorageAdapter } from "../storage/storage-adapter";
import { type BackoffOptions, backoffDelay } from "./backoff";
import { DeviceDirectory } from "./device-directory";
import { DocHandle } from "./doc-handle";
import { DocumentReplica, type ReplicaContext } from "./document-replica";
import { EventEmitter } from "./event-emitter";
import { loadKeyRing, localKeyRingKey, mergeKeyRing, saveKeyRing } from "./key-ring-store";
import { PrefetchedPage } from "./prefetched-page";
import type { QueueRecord } from "./queue-record";
import { storageKeys } from "./storage-keys";
import { emptyStats, type SyncStats } from "./sync-stats";

/** Where the client stands, as `on("status")` reports it. */
export type SyncStatus =
  | { state: "offline"; error?: SyncError }
  | { state: "connecting" }
  | { state: "syncing"; loaded: number; total: number }
  | { state: "synced" }
  | { state: "error"; error: SyncError };

/** The events of a {@link SyncClient}. */
export interface SyncClientEvents {
  /** The connection state changed (or sync progressed). */
  status: SyncStatus;
  /** A problem that did not stop sync: a rejected entry (`E_VERIFY`), a gap (`E_GAP`), an oversized change. */
  error: SyncError;
  /** A document this device did not hold before appeared (created here or found on the relay). */
  document: { documentId: string };
}

/** Options of {@link SyncClient.open}. */
export interface SyncClientOptions {
  /**
   * The relay's URL (`http(s)://host:port`), or the URLs of several relay processes over one shared database. The
   * client talks to one at a time and moves to the next when it stops answering (connection refused or cut, a
   * 502/503/504, the live socket lost); nothing is lost in the move, since every relay serves the same logs and a
   * re-sent entry gets the position it already had.
   */
  relayUrl: RelayUrls;
  /** This device's identity (keep it in the platform keychain; `deviceIdentityToBytes`). */
  identity: DeviceIdentity;
  /** The space, from `createSpace` or `joinSpace`. */
  spaceId: string;
  /** Where documents, cursors, the offline queue and the sealed key ring live: one adapter per space and device. */
  storage: StorageAdapter;
  /**
   * The key ring from `createSpace` / `joinSpace`. Needed the first time; afterwards the client loads it from
   * storage (a ring passed again is merged in).
   */
  keyRing?: KeyRing;
  /**
   * 32 bytes that seal the key ring in storage (via `derivePurposeKey(localKey, "local-key-ring")`), e.g. from the
   * platform keychain. Default: derived from the identity's agreement secret key (see `localKeyRingKey`).
   */
  localKey?: Uint8Array;
  /**
   * The WebSocket class for live pushes: the browser's global by default; in Node 20 pass `WebSocket` from the
   * `ws` package. `null` turns live pushes off (the client polls every `pollIntervalMs`).
   */
  webSocket?: WebSocketConstructor | null;
  /** A `fetch` to use instead of the platform's. */
  fetch?: FetchLike;
  /** Start paused: nothing goes to the network until `resume()`. */
  paused?: boolean;
  /** How long local changes are gathered into one entry, in milliseconds (default 10). */
  batchDelayMs?: number;
  /** Full sync this often even without pushes, in ms (default 30 s with a live socket, 5 s without). */
  pollIntervalMs?: number;
  /** Reconnect delay bounds (default 250 ms .. 30 s, exponential with full jitter). */
  backoff?: BackoffOptions;
  /** Largest envelope the relay accepts (default 4 MiB, as the relay's default). */
  maxEntryBytes?: number;
  /** Entries per fetch (default 500). */
  fetchLimit?: number;
}

interface Waiter {
  resolve(): void;
  reject(error: SyncError): void;
  /** The number of sessions started before this syncNow() call: a session numbered above it began after the call. */
  after: number;
}

interface Progress {
  loaded: number;
  total: number;
}

const META_VERSION = 1;
const INDEX_MARKER = new Uint8Array([1]);
// Batches posted to the relay: at most this many entries and about this many envelope bytes.
const MAX_BATCH_ENTRIES = 200;
const MAX_BATCH_BYTES = 2 * 1024 * 1024;
const MAX_CONFLICT_RETRIES = 3;

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}

/** Whether the relay holds entries of the document after the replica's cursor, or entries wait for earlier ones. */
function isBehind(replica: DocumentReplica, heads: Map<string, number>): boolean {
  return (heads.get(replica.documentId) ?? 0) > replica.state.cursor || replica.pendingCount > 0;
}

/** Whether the replica has changes this device has not had acknowledged yet (queued, or stored but not queued). */
function hasToSend(replica: DocumentReplica): boolean {
  return replica.queue.length > 0 || replica.hasUnsentChanges;
}

function toSyncError(error: unknown): SyncError {
  if (error instanceof SyncError) return error;
  return new RelayError("Sync failed unexpectedly; it will retry.", { cause: error });
}

/**
 * A device's sync client for one space: Automerge documents kept in local storage, sealed into entries, queued
 * offline, appended to the relay, and merged from the entries of the other devices (fetched by cursor and pushed
 * live). Open with {@link SyncClient.open}; get documents with {@link document}.
 *
 * It runs a connection loop in the background: connect (live socket, then a full sync), serve pushes and local
 * changes, reconnect with exponential backoff and full jitter on failure. Follow it with `on("status")`.
 */
export class SyncClient {
  readonly spaceId: string;
  readonly identity: DeviceIdentity;
  readonly storage: StorageAdapter;
  readonly #events = new EventEmitter<SyncClientEvents>();
  readonly #api: RelayApi;
  readonly #directory: DeviceDirectory;
  readonly #keyRing: KeyRing;
  readonly #sealingKey: Uint8Array;
  readonly #options: SyncClientOptions;
  readonly #webSocket: WebSocketConstructor | undefined;
  readonly #stats = emptyStats();
  readonly #ctx: ReplicaContext;
  readonly #replicas = new Map<string, Promise<DocumentReplica>>();
  readonly #handles = new Map<string, DocHandle<unknown>>();
  readonly #indexed: Set<string>;
  readonly #dirty = new Set<string>();
  #enqueueTimer: ReturnType<typeof setTimeout> | undefined;
  #enqueueing: Promise<void> = Promise.resolve();
  readonly #work = { full: false, push: new Set<string>(), pull: new Set<string>(), live: [] as LivePush[] };
  #waiters: Waiter[] = [];
  /** Sessions (connect, then serve) started so far. */
  #sessions = 0;
  #wake: { resolve: () => void; urgentOnly: boolean } | undefined;
  #status: SyncStatus = { state: "offline" };
  #paused: boolean;
  #closed = false;
  #halted = false;
  #session: AbortController | undefined;
  #live: LiveConnection | undefined;
  #liveLost = false;
  #loop: Promise<void> = Promise.resolve();

  private constructor(options: SyncClientOptions, keyRing: KeyRing, sealingKey: Uint8Array, indexed: string[]) {
    this.#options = options;
    this.spaceId = options.spaceId;
    this.identity = options.identity;
    this.storage = options.storage;
    this.#keyRing = keyRing;
    this.#sealingKey = sealingKey;
    this.#indexed = new Set(indexed);
    this.#api = new RelayApi(options.relayUrl, options.identity, {
      ...(options.fetch ? { fetch: options.fetch } : {}),
      maxEntryBytes: options.maxEntryBytes ?? MAX_ENTRY_BYTES,
    });
    this.#directory = new DeviceDirectory(this.#api, this.spaceId);
    const platform = (globalThis as { WebSocket?: WebSocketConstructor }).WebSocket;
    this.#webSocket = options.webSocket === null ? undefined : (options.webSocket ?? platform);
    this.#paused = options.paused ?? false;
    const directory = this.#directory;
    this.#ctx = {
      storage: options.storage,
      identity: options.identity,
      keyRing,
      signingKeyOf: (id) => directory.get(id)?.signingPublicKey,
      report: (error) => this.#report(error),
      maxEntryBytes: options.maxEntryBytes ?? MAX_ENTRY_BYTES,
      stats: this.#stats,
    };
  }

  /**
   * Opens the client: checks the storage belongs to this space and device, loads (or stores) the sealed key ring,
   * and starts syncing in the background unless `paused`. Throws {@link StorageError} when the storage belongs to
   * another space or device, or no key ring is stored and none was given.
   */
  static async open(options: SyncClientOptions): Promise<SyncClient> {
    checkId(options.spaceId, "spaceId");
    const { storage, identity, spaceId } = options;
    const meta = await storage.load(storageKeys.meta());
    if (meta) {
      let parsed: { v?: unknown; spaceId?: unknown; deviceId?: unknown };
      try {
        parsed = JSON.parse(new TextDecoder().decode(meta));
      } catch (cause) {
        throw new StorageError("This storage's description is damaged.", { cause });
      }
      if (parsed.v !== META_VERSION || parsed.spaceId !== spaceId || parsed.deviceId !== identity.deviceId) {
        throw new StorageError("This storage belongs to another space or device; give each space its own storage.");
      }
    }
    const sealingKey = localKeyRingKey(identity, options.localKey);
    let keyRing = await loadKeyRing(storage, sealingKey, spaceId);
    if (!keyRing) {
      if (!options.keyRing) {
        throw new StorageError(
          "No key ring is stored for this space: pass the one createSpace or joinSpace returned the first time.",
        );
      }
      keyRing = KeyRing.fromBytes(options.keyRing.toBytes());
      await saveKeyRing(storage, sealingKey, spaceId, keyRing);
    } else if (options.keyRing && mergeKeyRing(keyRing, options.keyRing).length > 0) {
      await saveKeyRing(storage, sealingKey, spaceId, keyRing);
    }
    if (!meta) {
      const text = JSON.stringify({ v: META_VERSION, spaceId, deviceId: identity.deviceId });
      await storage.save(storageKeys.meta(), new TextEncoder().encode(text));
    }
    const indexed = (await storage.loadRange(storageKeys.index()))
      .map((c) => c.key[1])
      .filter((id) => id !== undefined);
    const client = new SyncClient(options, keyRing, sealingKey, indexed);
    // Started on a later turn, so listeners attached right after `await open()` see the first status.
    client.#loop = new Promise((resolve) => setTimeout(resolve, 0)).then(() => client.#run());
    return client;
  }

  /** This device's id. */
  get deviceId(): string {
    return this.identity.deviceId;
  }

  /** The space's key ring as this device holds it. Read it; change it only through the client's methods. */
  get keyRing(): KeyRing {
    return this.#keyRing;
  }

  /** The current connection state. */
  get status(): SyncStatus {
    return this.#status;
  }

  /** Counters since the client opened. */
  get stats(): SyncStats {
    return { ...this.#stats };
  }

  /** Whether `pause()` is in effect. */
  get paused(): boolean {
    return this.#paused;
  }

  /** Every document this device holds. */
  documentIds(): string[] {
    return [...new Set([...this.#indexed, ...this.#replicas.keys()])].sort();
  }

  on<K extends keyof SyncClientEvents>(event: K, listener: (value: SyncClientEvents[K]) => void): () => void {
    return this.#events.on(event, listener);
  }

  /**
   * The handle of a document, loaded from storage (a new, empty document when this device has none yet; it
   * fills in as entries arrive). Ids are 1..128 characters of `[A-Za-z0-9._:-]`.
   */
  async document<T>(documentId: string): Promise<DocHandle<T>> {
    checkId(documentId, "documentId");
    this.#assertOpen();
    const replica = await this.#replica(documentId);
    let handle = this.#handles.get(documentId);
    if (!handle) {
      handle = new DocHandle<unknown>(replica, () => this.#onLocalChange(documentId));
      this.#handles.set(documentId, handle);
    }
    return handle as DocHandle<T>;
  }

  /** Stops all network traffic (closes the live socket, cancels requests); local changes keep being queued. */
  pause(): void {
    this.#paused = true;
    this.#session?.abort();
    this.#nudge(true);
  }

  /** Undoes {@link pause}: reconnects at once. Also retries after a fatal error (say, once re-enrolled). */
  resume(): void {
    this.#paused = false;
    this.#halted = false;
    this.#nudge(true);
  }

  /**
   * Syncs now and resolves when everything queued is acknowledged by the relay and everything on the relay is
   * applied. Rejects with a typed error: `E_OFFLINE` (paused, closed, or the relay unreachable), `E_FORBIDDEN`
   * (this device was removed), `E_GAP`, `E_VERIFY` (entries that cannot be read yet), or a relay error.
   */
  async syncNow(): Promise<void> {
    this.#assertOpen();
    if (this.#paused) throw new OfflineError("The client is paused; resume() it before syncing.");
    await this.#flushEnqueue();
    return new Promise<void>((resolve, reject) => {
      this.#waiters.push({ resolve, reject, after: this.#sessions });
      this.#work.full = true;
      this.#halted = false;
      this.#nudge(true);
    });
  }

  /**
   * Turns local changes gathered for batching into sealed entries in the offline queue now, without waiting for
   * the batch delay and without the network (say, before the app goes to the background). Each call makes at
   * most one entry per document with changes (more only for changes too large for one).
   */
  async flush(): Promise<void> {
    await this.#flushEnqueue();
  }

  /**
   * Compacts a document's log: syncs, appends a snapshot entry (the whole document, sealed like any entry,
   * covering every relay position applied so far), and syncs again. The relay may then drop the covered entries
   * after its retention period, and a new device loads the snapshot and only the entries after it.
   */
  async compact(documentId: string): Promise<{ covers: number; seq: number }> {
    await this.syncNow();
    const replica = await this.#replica(documentId);
    const result = await replica.lock.run(() => replica.enqueueSnapshot());
    await this.syncNow();
    return result;
  }

  /** Enrolls a new device (its public keys from its pairing code) into this space; see `enrollDevice`. */
  async enrollDevice(device: DevicePublicKeys, signal?: AbortSignal): Promise<{ shortAuthenticationString: string }> {
    this.#assertOpen();
    return enrollDevice({
      relayUrl: this.#options.relayUrl,
      identity: this.identity,
      spaceId: this.spaceId,
      keyRing: this.#keyRing,
      device,
      ...(this.#options.fetch ? { fetch: this.#options.fetch } : {}),
      ...(signal ? { signal } : {}),
    });
  }

  /**
   * Removes a device from the space, rotates the key ring to a new epoch, shares it with every remaining device
   * and stores it; new entries are sealed under the new epoch from then on. See `removeDevice`.
   */
  async removeDevice(deviceId: string, signal?: AbortSignal): Promise<{ epoch: number; sharedWith: string[] }> {
    this.#assertOpen();
    const result = await removeDevice({
      relayUrl: this.#options.relayUrl,
      identity: this.identity,
      spaceId: this.spaceId,
      keyRing: this.#keyRing,
      deviceId,
      ...(this.#options.fetch ? { fetch: this.#options.fetch } : {}),
      ...(signal ? { signal } : {}),
    });
    await saveKeyRing(this.storage, this.#sealingKey, this.spaceId, this.#keyRing);
    return result;
  }

  /**
   * An encrypted backup of the whole space as this device holds it: every document (`Automerge.save`), the key ring
   * and the space id, under a passphrase (see `encodeBackup` for the format). `options.scrypt` tunes the cost.
   */
  async exportBackup(passphrase: string, options: KeyFileOptions = {}): Promise<Uint8Array> {
    this.#assertOpen();
    await this.#flushEnqueue();
    const documents = new Map<string, Uint8Array>();
    for (const id of this.documentIds()) {
      const replica = await this.#replica(id);
      documents.set(id, Automerge.save(replica.doc));
    }
    const contents: BackupContents = { spaceId: this.spaceId, keyRing: this.#keyRing, documents };
    return encodeBackup(contents, passphrase, options);
  }

  /**
   * Restores a backup of this space into the client: key ring epochs are added, documents merged (nothing here is
   * overwritten; Automerge merges) and what the relay may lack is queued to be sent. A wrong passphrase throws
   * `E_PASSPHRASE`; a damaged backup or one of another space `E_BACKUP`.
   */
  async importBackup(
    bytes: Uint8Array,
    passphrase: string,
    options: KeyFileOptions = {},
  ): Promise<{ documents: number }> {
    this.#assertOpen();
    const contents = await decodeBackup(bytes, passphrase, options);
    if (contents.spaceId !== this.spaceId) {
      throw new BackupError("This backup belongs to another space; open a client of that space to import it.");
    }
    const loaded = new Map<string, Automerge.Doc<unknown>>();
    for (const [id, data] of contents.documents) {
      try {
        checkId(id, "documentId");
        loaded.set(id, Automerge.load(data));
      } catch (cause) {
        throw new BackupError(`Document ${JSON.stringify(id.slice(0, 130))} in the backup is damaged.`, { cause });
      }
    }
    if (mergeKeyRing(this.#keyRing, contents.keyRing).length > 0) {
      await saveKeyRing(this.storage, this.#sealingKey, this.spaceId, this.#keyRing);
    }
    for (const [id, doc] of loaded) {
      const replica = await this.#replica(id);
      await replica.lock.run(async () => {
        const merged = Automerge.merge(replica.doc, doc);
        replica.doc = merged;
        await replica.persist();
      });
      replica.events.emit("change", { doc: replica.doc, source: "remote" });
      this.#onLocalChange(id);
    }
    await this.#flushEnqueue();
    return { documents: loaded.size };
  }

  /** One document as plain JSON, for the user (see `exportJson`). */
  async exportJson(documentId: string): Promise<string> {
    const replica = await this.#replica(checkId(documentId, "documentId"));
    return exportJson(replica.doc);
  }

  /**
   * Stops syncing for good: local changes still pending are queued and stored, the connection and every request
   * end, and the client's operations reject with `E_OFFLINE` afterwards.
   */
  async close(): Promise<void> {
    if (this.#closed) return;
    await this.#flushEnqueue();
    this.#closed = true;
    this.#session?.abort();
    this.#nudge(true);
    await this.#loop;
    for (const replica of this.#replicas.values()) await (await replica).lock.idle();
    this.#failWaiters(new OfflineError("The client was closed."));
    this.#setStatus({ state: "offline" });
  }

  // ---- documents and the offline queue ----

  #assertOpen(): void {
    if (this.#closed) throw new OfflineError("The client was closed; open a new one.");
  }

  #replica(documentId: string): Promise<DocumentReplica> {
    let replica = this.#replicas.get(documentId);
    if (!replica) {
      replica = (async () => {
        const loaded = await DocumentReplica.load(this.#ctx, documentId);
        if (!this.#indexed.has(documentId)) {
          await this.storage.save(storageKeys.index(documentId), INDEX_MARKER);
          this.#indexed.add(documentId);
          this.#events.emit("document", { documentId });
        }
        // Changes stored but never sealed into the queue: the app went away in between (a tab reloaded right after
        // an edit, a crash). Nothing else would ever send them, so they are queued like any new local change.
        if (loaded.hasUnsentChanges) this.#onLocalChange(documentId);
        return loaded;
      })();
      this.#replicas.set(documentId, replica);
      replica.catch(() => this.#replicas.delete(documentId));
    }
    return replica;
  }

  #onLocalChange(documentId: string): void {
    this.#dirty.add(documentId);
    this.#enqueueTimer ??= setTimeout(() => void this.#flushEnqueue(), this.#options.batchDelayMs ?? 10);
  }

  // Turns gathered local changes into queued entries (storage only, no network), then asks the loop to send them.
  #flushEnqueue(): Promise<void> {
    clearTimeout(this.#enqueueTimer);
    this.#enqueueTimer = undefined;
    const ids = [...this.#dirty];
    this.#dirty.clear();
    if (ids.length === 0) return this.#enqueueing;
    this.#enqueueing = this.#enqueueing.then(async () => {
      for (const id of ids) {
        try {
          const replica = await this.#replica(id);
          const queued = await replica.lock.run(() => replica.enqueue());
          if (queued > 0) this.#work.push.add(id);
        } catch (error) {
          this.#report(toSyncError(error));
        }
      }
      this.#nudge(false);
    });
    return this.#enqueueing;
  }

  #report(error: SyncError): void {
    this.#events.emit("error", error);
  }

  #setStatus(status: SyncStatus): void {
    const previous = this.#status;
    // Repeats of a plain state say nothing new; progress and errors always do.
    const plain = (s: SyncStatus) =>
      s.state === "connecting" || s.state === "synced" || (s.state === "offline" && !s.error);
    if (previous.state === status.state && plain(previous) && plain(status)) return;
    this.#status = status;
    this.#events.emit("status", status);
  }

  // ---- the connection loop ----

  #nudge(urgent: boolean): void {
    const wake = this.#wake;
    if (wake && (urgent || !wake.urgentOnly)) {
      this.#wake = undefined;
      wake.resolve();
    }
  }

  #hasWork(): boolean {
    return this.#work.full || this.#work.push.size > 0 || this.#work.pull.size > 0 || this.#work.live.length > 0;
  }

  /** Waits for a nudge, `ms`, or the signal; resolves "timeout" when the time ran out. */
  #waitForWork(ms: number, signal: AbortSignal | undefined, urgentOnly: boolean): Promise<"timeout" | "woken"> {
    // A nudge that came while the loop was busy is not lost: pending work (or a lost live socket) is seen here.
    if (this.#closed || this.#liveLost || (!urgentOnly && this.#hasWork()) || (urgentOnly && this.#work.full)) {
      return Promise.resolve("woken");
    }
    return new Promise((resolve) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const finish = (how: "timeout" | "woken") => {
        clearTimeout(timer);
        signal?.removeEventListener("abort", onAbort);
        if (this.#wake?.resolve === wake) this.#wake = undefined;
        resolve(how);
      };
      const wake = () => finish("woken");
      const onAbort = () => finish("woken");
      if (Number.isFinite(ms)) timer = setTimeout(() => finish("timeout"), ms);
      signal?.addEventListener("abort", onAbort, { once: true });
      this.#wake = { resolve: wake, urgentOnly };
    });
  }

  /**
   * Rejects the syncNow() calls waiting, or with `session`, only those made before that session began. A call made
   * while a session was already failing (say, connecting to a relay that was still restarting) is owed an attempt
   * that starts after it; the kept waiters are returned.
   */
  #failWaiters(error: SyncError, session?: number): Waiter[] {
    const waiters = this.#waiters;
    const owed = session === undefined ? [] : waiters.filter((waiter) => waiter.after >= session);
    this.#waiters = owed;
    for (const waiter of waiters) if (!owed.includes(waiter)) waiter.reject(error);
    return owed;
  }

  async #run(): Promise<void> {
    let attempt = 0;
    while (!this.#closed) {
      if (this.#paused) {
        this.#failWaiters(new OfflineError("The client is paused; resume() it before syncing."));
        // The full pass asked for (say by a syncNow() just before pause()) is owed to no one now, and resume() starts
        // with one anyway; left set, it would end the wait below at once, over and over, starving the event loop.
        this.#work.full = false;
        this.#setStatus({ state: "offline" });
        await this.#waitForWork(Number.POSITIVE_INFINITY, undefined, true);
        continue;
      }
      if (this.#halted) {
        await this.#waitForWork(Number.POSITIVE_INFINITY, undefined, true);
        if (!this.#work.full && this.#halted) continue;
        this.#halted = false;
      }
      const session = new AbortController();
      this.#session = session;
      const number = ++this.#sessions;
      try {
        this.#setStatus({ state: "connecting" });
        await this.#connectLive(session.signal);
        await this.#fullPass(session.signal);
        attempt = 0;
        const poll = this.#options.pollIntervalMs ?? (this.#live ? 30_000 : 5_000);
        while (!this.#closed && !this.#paused) {
          const how = await this.#waitForWork(poll, session.signal, false);
          if (this.#closed || this.#paused) break;
          if (this.#liveLost) throw new OfflineError("The live connection to the relay was lost; reconnecting.");
          if (how === "timeout") this.#work.full = true;
          await this.#serve(session.signal);
        }
      } catch (caught) {
        const error = toSyncError(caught);
        // Drop the session before waiting: no socket stays open through the backoff, and a lost socket no longer
        // counts as a reason to wake.
        this.#endSession(session);
        // Callers this session began too early for, failing to reach the relay, get one more attempt at once (once
        // each: the next session begins after them). Any other error is an answer, whenever the call came.
        const unreachable = error.code === "E_OFFLINE" || error.code === "E_RELAY";
        const owed = this.#failWaiters(error, unreachable ? number : undefined);
        // Those who asked for a full pass have their answer and the next session starts with one; left set, it
        // would cut every backoff short and retry an unreachable relay in a tight loop.
        this.#work.full = owed.length > 0;
        if (this.#closed || this.#paused) continue;
        if (error instanceof ForbiddenError) {
          // Removed from the space: retrying cannot help until someone re-enrolls this device.
          this.#halted = true;
          this.#setStatus({ state: "error", error });
          continue;
        }
        const offline = error.code === "E_OFFLINE" || error.code === "E_RELAY" || error.code === "E_RATE_LIMITED";
        this.#setStatus(offline ? { state: "offline", error } : { state: "error", error });
        const wait = backoffDelay(attempt++, this.#options.backoff);
        const delay = error instanceof RateLimitedError ? Math.max(wait, error.retryAfterMs) : wait;
        await this.#waitForWork(delay, undefined, true);
      } finally {
        this.#endSession(session);
      }
    }
  }

  #endSession(session: AbortController): void {
    session.abort();
    this.#live?.close();
    this.#live = undefined;
    this.#liveLost = false;
    if (this.#session === session) this.#session = undefined;
  }

  async #connectLive(signal: AbortSignal): Promise<void> {
    const webSocket = this.#webSocket;
    if (!webSocket) return;
    this.#liveLost = false;
    try {
      this.#live = await this.#openLive(webSocket, signal);
    } catch (error) {
      // A refused WebSocket upgrade does not say why (browsers hide the status): ask over HTTP, which does, so a
      // removed device sees E_FORBIDDEN rather than an endless "offline".
      if (!signal.aborted) await this.#directory.refresh(signal);
      throw error;
    }
  }

  #openLive(webSocket: WebSocketConstructor, signal: AbortSignal): Promise<LiveConnection> {
    const origin = this.#api.http.origin;
    return openLiveSocket({
      origin,
      spaceId: this.spaceId,
      identity: this.identity,
      WebSocket: webSocket,
      signal,
      maxEntryBytes: this.#ctx.maxEntryBytes,
      handlers: {
        onPush: (push) => {
          this.#work.live.push(push);
          this.#nudge(false);
        },
        onInvalid: (error) => {
          this.#report(error);
          this.#work.full = true;
          this.#nudge(false);
        },
        onClose: () => {
          // The relay went away (or is restarting): with several relays, the next session starts on another.
          this.#api.http.endpoints.failed(origin);
          this.#liveLost = true;
          this.#nudge(true);
        },
      },
    });
  }

  async #serve(signal: AbortSignal): Promise<void> {
    if (this.#work.full) {
      await this.#fullPass(signal);
      return;
    }
    const live = this.#work.live.splice(0);
    for (const push of live) await this.#handlePush(push, signal);
    const pushes = [...this.#work.push];
    this.#work.push.clear();
    for (const id of pushes) await this.#pushDocument(await this.#replica(id), signal);
    const pulls = [...this.#work.pull];
    this.#work.pull.clear();
    const problems: SyncError[] = [];
    for (const id of pulls) await this.#pullDocument(await this.#replica(id), signal, undefined, problems);
    if (problems[0]) throw problems[0];
    this.#setStatus({ state: "synced" });
  }

  async #fullPass(signal: AbortSignal): Promise<void> {
    const waiters = this.#waiters;
    this.#waiters = [];
    this.#work.full = false;
    this.#work.push.clear();
    this.#work.pull.clear();
    this.#work.live.length = 0;
    try {
      await this.#flushEnqueue();
      this.#setStatus({ state: "syncing", loaded: 0, total: 0 });
      // The list of documents, the directory and the key grants do not depend on one another: one round trip for
      // all three. The first document behind the relay has its first page requested as soon as the list arrives,
      // while the directory and the grants still load: on a new device that page (a snapshot, usually) is most of
      // the wait. Its entries are applied only once the directory and the keys are in.
      // Documents with changes to send are left out: their entries land after this early answer's head, so their
      // pull must ask again once they are pushed, or the cursor would stay short of this device's own entries.
      const prefetched = new Map<string, PrefetchedPage>();
      const listed = this.#api.docs(this.spaceId, signal).then(async (remote) => {
        const heads = new Map(remote.map((d) => [d.documentId, d.head]));
        for (const id of new Set([...this.documentIds(), ...heads.keys()])) {
          const replica = await this.#replica(id);
          if (isBehind(replica, heads) && !hasToSend(replica)) {
            prefetched.set(id, this.#prefetch(replica, signal));
            break;
          }
        }
        return heads;
      });
      const [heads, , grants] = await Promise.all([
        listed,
        this.#directory.refresh(signal),
        this.#api.grantsFor(this.deviceId, signal),
      ]);
      await this.#acceptGrants(grants, signal);
      const ids = new Set([...this.documentIds(), ...heads.keys()]);
      const replicas: DocumentReplica[] = [];
      for (const id of ids) replicas.push(await this.#replica(id));
      // A document first loaded just above may hold changes stored but never queued: queue them before sending.
      for (const replica of replicas) if (replica.hasUnsentChanges) await replica.lock.run(() => replica.enqueue());
      const progress: Progress = { loaded: 0, total: 0 };
      for (const replica of replicas) {
        progress.total +=
          replica.queue.length + Math.max(0, (heads.get(replica.documentId) ?? 0) - replica.state.cursor);
      }
      this.#setStatus({ state: "syncing", ...progress });
      for (const replica of replicas) {
        if (replica.queue.length === 0) continue;
        // Changed since the list came (or while it was read): an answer from before the push stops short of it.
        prefetched.delete(replica.documentId);
        await this.#pushDocument(replica, signal, progress);
      }
      const problems: SyncError[] = [];
      const behind = replicas.filter((replica) => isBehind(replica, heads));
      for (const [i, replica] of behind.entries()) {
        // The next document's first page travels while this one is applied: at most two pages in memory.
        const following = behind[i + 1];
        if (following && !prefetched.has(following.documentId)) {
          prefetched.set(following.documentId, this.#prefetch(following, signal));
        }
        const page = prefetched.get(replica.documentId);
        prefetched.delete(replica.documentId);
        await this.#pullDocument(replica, signal, progress, problems, page);
      }
      if (problems[0]) throw problems[0];
      this.#setStatus({ state: "synced" });
      for (const waiter of waiters) waiter.resolve();
    } catch (caught) {
      const error = toSyncError(caught);
      for (const waiter of waiters) waiter.reject(error);
      throw error;
    }
  }

  #progress(progress: Progress | undefined, n: number): void {
    if (!progress) return;
    progress.loaded += n;
    progress.total = Math.max(progress.total, progress.loaded);
    this.#setStatus({ state: "syncing", ...progress });
  }

  async #handlePush(push: LivePush, signal: AbortSignal): Promise<void> {
    let documentId: string;
    try {
      documentId = checkId(push.documentId, "documentId");
    } catch (error) {
      this.#report(toSyncError(error));
      return;
    }
    const replica = await this.#replica(documentId);
    const entries = [...push.entries].sort((a, b) => (a.position ?? 0) - (b.position ?? 0));
    const follows = entries.every((e, i) => e.position === replica.state.cursor + 1 + i);
    if (entries.length > 0 && follows) {
      const problems: SyncError[] = [];
      await this.#receive(replica, entries, true, signal, problems);
      if (replica.pendingCount > 0 || problems.length > 0) this.#work.pull.add(documentId);
    } else if (entries.some((e) => (e.position ?? 0) > replica.state.cursor)) {
      // A push that does not follow the cursor is only a hint: fetch from the cursor instead.
      this.#work.pull.add(documentId);
    }
  }

  // ---- sending ----

  #batch(queue: QueueRecord[], single: boolean): QueueRecord[] {
    const batch: QueueRecord[] = [];
    let bytes = 0;
    for (const record of queue) {
      if (
        batch.length > 0 &&
        (single || batch.length >= MAX_BATCH_ENTRIES || bytes + record.entry.envelope.length > MAX_BATCH_BYTES)
      ) {
        break;
      }
      batch.push(record);
      bytes += record.entry.envelope.length;
    }
    return batch;
  }

  async #pushDocument(replica: DocumentReplica, signal: AbortSignal, progress?: Progress): Promise<void> {
    await replica.lock.run(() => replica.resealOldEpochs());
    let conflicts = 0;
    let single = false;
    while (replica.queue.length > 0) {
      if (signal.aborted) throw new OfflineError("Sending was cancelled: the client paused or closed.");
      const batch = this.#batch(replica.queue, single);
      let answer: Required<AppendAnswer>;
      try {
        answer = await this.#api.appendEntries(
          this.spaceId,
          replica.documentId,
          batch.map((r) => encodeWireEntry(r.entry)),
          signal,
        );
      } catch (error) {
        if (error instanceof ConflictError && conflicts < MAX_CONFLICT_RETRIES) {
          conflicts++;
          await this.#resolveConflict(replica, batch, signal);
          continue;
        }
        if (error instanceof TooLargeError) {
          if (batch.length > 1) {
            single = true;
            continue;
          }
          const record = batch[0];
          if (record) await this.#blankOversized(replica, record, error);
          continue;
        }
        throw error;
      }
      const { positions, compacted } = answer;
      const first = compacted[0];
      if (first) {
        // Not stored: at or below the relay's compaction mark for this device. Re-sent above it, never dropped.
        if (conflicts >= MAX_CONFLICT_RETRIES) {
          throw new ConflictError(
            `The relay keeps answering entries of document ${replica.documentId} as compacted; they stay queued.`,
          );
        }
        conflicts++;
        const mark = Math.max(...compacted.map((c) => c.mark));
        await replica.lock.run(() => replica.requeueAboveMark(batch, positions, first.index, mark));
        this.#stats.entriesSent += first.index;
        this.#progress(progress, first.index);
        continue;
      }
      await replica.lock.run(() => replica.acknowledge(batch, positions));
      this.#stats.entriesSent += batch.length;
      this.#progress(progress, batch.length);
    }
  }

  // The relay holds other entries under these sequence numbers (this identity wrote them from another copy of its
  // storage, say restored from an older backup): apply what it holds, then move the queue past it.
  async #resolveConflict(replica: DocumentReplica, batch: QueueRecord[], signal: AbortSignal): Promise<void> {
    // Our own entries on the relay from the queue's first number on come from that other copy: let the pull
    // apply them instead of taking them for the queued ones.
    await replica.lock.run(() => {
      const first = replica.queue[0]?.entry.seq;
      const self = this.deviceId;
      if (first !== undefined) replica.state.applied[self] = Math.min(replica.state.applied[self] ?? 0, first - 1);
    });
    await this.#pullDocument(replica, signal, undefined, []);
    await replica.lock.run(async () => {
      const applied = replica.state.applied[this.deviceId] ?? 0;
      const first = batch[0]?.entry.seq ?? 0;
      const start = Math.max(applied + 1, first + 1, replica.queue[0]?.entry.seq ?? 0);
      await replica.renumberQueue(start);
    });
  }

  // An entry the relay refuses as too large blocks the queue; it is replaced by an empty entry of the same sequence
  // number, so other devices see no gap. The changes stay in the document here and travel in the next snapshot.
  async #blankOversized(replica: DocumentReplica, record: QueueRecord, error: TooLargeError): Promise<void> {
    this.#report(
      new TooLargeError(
        `The relay refused entry ${record.entry.seq} of document ${replica.documentId} as too large; its changes stay on this device and go out with the next compaction.`,
        { cause: error },
      ),
    );
    await replica.lock.run(async () => {
      const blank = await replica.replaceEntry(record, encodeChangePayload(new Uint8Array()));
      replica.queue = replica.queue.map((r) => (r === record ? blank : r));
    });
  }

  // ---- receiving ----

  get #fetchLimit(): number {
    return this.#options.fetchLimit ?? 500;
  }

  #prefetch(replica: DocumentReplica, signal: AbortSignal): PrefetchedPage {
    const after = replica.state.cursor;
    const request = this.#api.fetchEntries(this.spaceId, replica.documentId, after, this.#fetchLimit, signal);
    return new PrefetchedPage(replica.documentId, after, request);
  }

  /** Fetches and applies a document's entries after its cursor; `prefetched` stands for the first request. */
  async #pullDocument(
    replica: DocumentReplica,
    signal: AbortSignal,
    progress: Progress | undefined,
    problems: SyncError[],
    prefetched?: PrefetchedPage,
  ): Promise<void> {
    let after = replica.state.cursor;
    let refetched = false;
    for (;;) {
      const { entries, head } = prefetched?.answers(replica.documentId, after)
        ? await prefetched.take()
        : await this.#api.fetchEntries(this.spaceId, replica.documentId, after, this.#fetchLimit, signal);
      prefetched = undefined;
      if (entries.length > 0) {
        await this.#receive(replica, entries, after === replica.state.cursor, signal, problems);
        this.#progress(progress, entries.length);
      }
      const last = entries.at(-1)?.position ?? after;
      const next = replica.state.cursor > after ? replica.state.cursor : last;
      if (entries.length === 0 || next <= after || next >= head) {
        // Entries wait for an earlier sequence number: fetch once more from the cursor before calling it a gap.
        if (replica.pendingCount > 0 && !refetched) {
          refetched = true;
          after = replica.state.cursor;
          continue;
        }
        break;
      }
      after = next;
    }
    if (replica.pendingCount > 0) {
      const gap = new GapError(
        `Document ${replica.documentId} has ${replica.pendingCount} entries waiting for earlier ones the relay did not return; they stay pending.`,
      );
      this.#report(gap);
      problems.push(gap);
    }
  }

  async #receive(
    replica: DocumentReplica,
    entries: FetchedEntry[],
    authoritative: boolean,
    signal: AbortSignal,
    problems: SyncError[],
  ): Promise<void> {
    if (entries.some((e) => !this.#directory.get(e.deviceId))) await this.#directory.refresh(signal);
    const epochs = new Set(this.#keyRing.epochs);
    if (entries.some((e) => !epochs.has(e.epoch))) await this.#refreshKeys(signal);
    const result = await replica.lock.run(() => replica.ingest(entries, authoritative));
    if (result.missingEpochs.length > 0) {
      const error = new VerifyError(
        `Document ${replica.documentId} has entries sealed under key epoch ${result.missingEpochs.join(", ")}, which this device does not hold; a device of the space must share it (it does so when removing a device). They stay pending.`,
      );
      this.#report(error);
      problems.push(error);
    }
  }

  // Key grants addressed to this device (enrollment, and new epochs after a removal): merged into the ring.
  async #refreshKeys(signal: AbortSignal): Promise<void> {
    await this.#acceptGrants(await this.#api.grantsFor(this.deviceId, signal), signal);
  }

  // A grant's enroller must be a device of the space: one directory refresh when it is not (yet) known, since the
  // grants may have been listed after the directory was.
  async #acceptGrants(grants: { spaceId: string; grant: Uint8Array }[], signal: AbortSignal): Promise<void> {
    let added = 0;
    let refreshed = false;
    for (const { spaceId, grant } of grants) {
      if (spaceId !== this.spaceId) continue;
      let accepted: ReturnType<typeof acceptEnrollmentGrant>;
      try {
        accepted = acceptEnrollmentGrant(this.identity, grant);
      } catch {
        continue; // not addressed to us, or damaged: nothing to learn
      }
      if (accepted.spaceId !== this.spaceId) continue;
      let enroller = this.#directory.get(accepted.enroller.deviceId);
      if (!enroller && !refreshed) {
        refreshed = true;
        await this.#directory.refresh(signal);
        enroller = this.#directory.get(accepted.enroller.deviceId);
      }
      if (!enroller || !sameBytes(enroller.signingPublicKey, accepted.enroller.signingPublicKey)) {
        this.#report(new VerifyError("A key grant is signed by a device that is not in this space; it was ignored."));
        continue;
      }
      added += mergeKeyRing(this.#keyRing, accepted.keyRing).length;
    }
    if (added > 0) await saveKeyRing(this.storage, this.#sealingKey, this.spaceId, this.#keyRing);
  }
}
