import type Database from "better-sqlite3";
import { StorageError } from "../../errors/storage-error";

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

interface Pending {
  write: () => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit over one better-sqlite3 connection whose commits do not sync by themselves (WAL with
 * `synchronous = NORMAL`). Writes queued while the event loop is busy run together in one transaction, each under its
 * own savepoint so one failing write rolls back alone. The transaction commits into the WAL on the event loop (the
 * page cache only: tens of microseconds); then `sync` makes the WAL durable off the event loop, and only once a sync
 * that started after a batch's commit is done are the writes of that batch answered. So one fsync acknowledges many
 * writes ("acknowledged = durable"), and while the disk works the event loop goes on reading, verifying and committing
 * the next requests instead of sitting blocked in the fsync.
 *
 * {@link read} runs reads only when every commit is durable: a read never sees a write that a power cut could still
 * take back. While reads wait, no new batch commits, so they run as soon as the sync in flight is done.
 *
 * One sync at a time: the writes that queue during a sync form the next batch. (Letting the next batch commit and
 * start its own fsync of the same file meanwhile measured no faster: the second fsync mostly waits for the first.)
 */
export class GroupCommit {
  #queue: Pending[] = [];
  #reads: Array<() => void> = [];
  /** A batch is committed into the WAL and its sync is in flight. */
  #syncing = false;
  #scheduled = false;
  #broken: StorageError | undefined;
  #idle: Array<() => void> = [];
  readonly #sync: () => Promise<void>;
  readonly #outer: Database.Transaction<(batch: Pending[]) => Outcome[]>;

  /** `sync` makes every commit so far durable (an fsync of the WAL file); it is called right after each commit. */
  constructor(db: Database.Database, sync: () => Promise<void>) {
    this.#sync = sync;
    // better-sqlite3 turns a transaction function called inside another into a savepoint.
    const inner = db.transaction((write: () => unknown) => write());
    this.#outer = db.transaction((batch: Pending[]) =>
      batch.map((pending): Outcome => {
        try {
          return { ok: true, value: inner(pending.write) };
        } catch (error) {
          // Some failures (SQLITE_FULL, SQLITE_IOERR) make SQLite roll back the whole transaction, not only the
          // savepoint. The batch is lost then: went on with, each next write would commit on its own, outside the
          // group (unsynced, and answered as failed when the group's COMMIT finds no transaction).
          if (!db.inTransaction) throw error;
          return { ok: false, error };
        }
      }),
    );
  }

  /** Runs `write` inside the next group transaction; resolves with its result once that transaction is durable. */
  run<T>(write: () => T): Promise<T> {
    if (this.#broken) return Promise.reject(this.#broken);
    return new Promise<T>((resolve, reject) => {
      this.#queue.push({ write, resolve: resolve as (value: unknown) => void, reject });
      this.#schedule();
    });
  }

  /**
   * Runs `read` at once when every commit is durable, else right after the sync in flight: it sees durable writes
   * only. Once a sync has failed, reads are refused too: what the database holds may not be what the disk holds.
   */
  read<T>(read: () => T): Promise<T> {
    if (!this.#syncing) return this.#settle(read);
    return new Promise<T>((resolve, reject) => {
      this.#reads.push(() => this.#settle(read).then(resolve, reject));
    });
  }

  #settle<T>(read: () => T): Promise<T> {
    if (this.#broken) return Promise.reject(this.#broken);
    try {
      return Promise.resolve(read());
    } catch (error) {
      return Promise.reject(error);
    }
  }

  /** Resolves once every write queued so far has been committed and synced (or has failed). */
  drain(): Promise<void> {
    if (this.#isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.#idle.push(resolve));
  }

  #isIdle(): boolean {
    return !this.#scheduled && this.#queue.length === 0 && !this.#syncing;
  }

  #schedule(): void {
    if (this.#scheduled || this.#queue.length === 0) return;
    // The next batch commits once the sync in flight is done and the reads held for it have run.
    if (this.#syncing) return;
    this.#scheduled = true;
    setImmediate(() => this.#flush());
  }

  #flush(): void {
    this.#scheduled = false;
    const batch = this.#queue;
    this.#queue = [];
    if (this.#broken) {
      for (const pending of batch) pending.reject(this.#broken);
      this.#afterwards();
      return;
    }
    let results: Outcome[];
    try {
      // IMMEDIATE: take the write lock at BEGIN, so a commit never fails half-way for want of it.
      results = this.#outer.immediate(batch);
    } catch (failure) {
      const error = new StorageError("The relay could not commit to its database; retry later.", { cause: failure });
      for (const pending of batch) pending.reject(error);
      this.#afterwards();
      return;
    }
    this.#syncing = true;
    this.#sync().then(
      () => {
        // This sync started after the batch's commit: the batch is durable now.
        this.#syncing = false;
        answer(batch, results);
        this.#afterwards();
      },
      (failure: unknown) => {
        // The commits are in the WAL but perhaps not on the disk, and a failed fsync may have dropped the pages it
        // was to write: nothing can be promised any more, so every write from now on is refused.
        this.#broken = new StorageError(
          "The relay could not make its database durable (fsync failed); restart it after checking the disk.",
          { cause: failure },
        );
        this.#syncing = false;
        for (const pending of batch) pending.reject(this.#broken);
        this.#afterwards();
      },
    );
  }

  /** After a batch settled: the reads held for its sync run, then the next batch may commit. */
  #afterwards(): void {
    const reads = this.#reads;
    this.#reads = [];
    for (const read of reads) read();
    this.#schedule();
    if (this.#isIdle()) {
      const idle = this.#idle;
      this.#idle = [];
      for (const resolve of idle) resolve();
    }
  }
}

function answer(batch: Pending[], results: Outcome[]): void {
  batch.forEach((pending, i) => {
    const result = results[i] as Outcome;
    if (result.ok) pending.resolve(result.value);
    else pending.reject(result.error);
  });
}
