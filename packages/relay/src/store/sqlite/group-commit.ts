import type Database from "better-sqlite3";
import { StorageError } from "../../errors/storage-error";

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

interface Pending {
  write: () => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit over one better-sqlite3 connection. Writes queued while the event loop is busy (parsing and
 * verifying other requests, or blocked in the previous commit's fsync) run together in one transaction, each under
 * its own savepoint so one failing write rolls back alone. Every caller is answered only after that transaction has
 * committed, so one fsync acknowledges many writes: "acknowledged = durable" without one fsync per request.
 */
export class GroupCommit {
  #queue: Pending[] = [];
  #scheduled = false;
  #idle: Array<() => void> = [];
  readonly #outer: Database.Transaction<(batch: Pending[]) => Outcome[]>;

  constructor(db: Database.Database) {
    // better-sqlite3 turns a transaction function called inside another into a savepoint.
    const inner = db.transaction((write: () => unknown) => write());
    this.#outer = db.transaction((batch: Pending[]) =>
      batch.map((pending): Outcome => {
        try {
          return { ok: true, value: inner(pending.write) };
        } catch (error) {
          return { ok: false, error };
        }
      }),
    );
  }

  /** Runs `write` inside the next group transaction; resolves with its result once that transaction is durable. */
  run<T>(write: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.#queue.push({ write, resolve: resolve as (value: unknown) => void, reject });
      if (!this.#scheduled) {
        this.#scheduled = true;
        setImmediate(() => this.#flush());
      }
    });
  }

  /** Resolves once every write queued so far has been committed (or has failed). */
  drain(): Promise<void> {
    if (!this.#scheduled) return Promise.resolve();
    return new Promise((resolve) => this.#idle.push(resolve));
  }

  #flush(): void {
    const batch = this.#queue;
    this.#queue = [];
    let results: Outcome[] | undefined;
    let failure: unknown;
    try {
      // IMMEDIATE: take the write lock at BEGIN, so a commit never fails half-way for want of it.
      results = this.#outer.immediate(batch);
    } catch (error) {
      failure = error;
    }
    this.#scheduled = false;
    batch.forEach((pending, i) => {
      const result = results?.[i];
      if (!result) {
        pending.reject(
          new StorageError("The relay could not commit to its database; retry later.", { cause: failure }),
        );
      } else if (result.ok) {
        pending.resolve(result.value);
      } else {
        pending.reject(result.error);
      }
    });
    const idle = this.#idle;
    this.#idle = [];
    for (const resolve of idle) resolve();
  }
}
