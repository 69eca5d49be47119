import { StorageError } from "../errors/storage-error";
import { checkStorageKey } from "./check-storage-key";
import type { StorageAdapter, StorageChunk, StorageKey } from "./storage-adapter";

const STORE = "entries";

interface Row {
  key: StorageKey;
  data: Uint8Array;
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(new StorageError("IndexedDB refused a request.", { cause: req.error }));
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(new StorageError("An IndexedDB transaction was aborted.", { cause: tx.error }));
    tx.onerror = () => reject(new StorageError("An IndexedDB transaction failed.", { cause: tx.error }));
  });
}

// IndexedDB orders array keys element by element, and any array sorts after any string, so
// [...prefix] <= key < [...prefix, []] holds exactly for the keys that start with prefix.
function rangeOf(prefix: StorageKey): IDBKeyRange | undefined {
  return prefix.length === 0 ? undefined : IDBKeyRange.bound(prefix, [...prefix, []]);
}

/**
 * A {@link StorageAdapter} over the browser's IndexedDB (the global `indexedDB`; no library). One database per
 * space and device: pass a name that says both. Keys are stored as IndexedDB array keys, so a range is one cursor
 * over a key range; writes use `durability: "strict"` transactions, so a resolved `save` survives a crash.
 */
export class IndexedDBStorage implements StorageAdapter {
  readonly databaseName: string;
  #db: Promise<IDBDatabase> | undefined;

  constructor(databaseName: string) {
    if (typeof databaseName !== "string" || databaseName.length === 0) {
      throw new StorageError("IndexedDBStorage needs a database name.");
    }
    this.databaseName = databaseName;
  }

  #open(): Promise<IDBDatabase> {
    if (!this.#db) {
      if (typeof indexedDB === "undefined") {
        throw new StorageError("IndexedDB is not available here; use MemoryStorage or FileStorage (Node).");
      }
      const req = indexedDB.open(this.databaseName, 1);
      req.onupgradeneeded = () => {
        if (!req.result.objectStoreNames.contains(STORE)) req.result.createObjectStore(STORE);
      };
      this.#db = request(req);
    }
    return this.#db;
  }

  async #tx(mode: IDBTransactionMode): Promise<IDBTransaction> {
    const db = await this.#open();
    return db.transaction(STORE, mode, { durability: "strict" });
  }

  async load(key: StorageKey): Promise<Uint8Array | undefined> {
    checkStorageKey(key);
    const tx = await this.#tx("readonly");
    const row = (await request(tx.objectStore(STORE).get(key))) as Row | undefined;
    return row ? new Uint8Array(row.data) : undefined;
  }

  async save(key: StorageKey, data: Uint8Array): Promise<void> {
    checkStorageKey(key);
    const tx = await this.#tx("readwrite");
    const row: Row = { key: [...key], data: data.slice() };
    tx.objectStore(STORE).put(row, key);
    await done(tx);
  }

  async remove(key: StorageKey): Promise<void> {
    checkStorageKey(key);
    const tx = await this.#tx("readwrite");
    tx.objectStore(STORE).delete(key);
    await done(tx);
  }

  async loadRange(prefix: StorageKey): Promise<StorageChunk[]> {
    checkStorageKey(prefix, true);
    const tx = await this.#tx("readonly");
    const rows = (await request(tx.objectStore(STORE).getAll(rangeOf(prefix)))) as Row[];
    return rows.map((row) => ({ key: [...row.key], data: new Uint8Array(row.data) }));
  }

  async removeRange(prefix: StorageKey): Promise<void> {
    checkStorageKey(prefix, true);
    const tx = await this.#tx("readwrite");
    const range = rangeOf(prefix);
    if (range) tx.objectStore(STORE).delete(range);
    else tx.objectStore(STORE).clear();
    await done(tx);
  }

  /** Closes the database connection; the adapter reopens it on the next call. */
  async close(): Promise<void> {
    const db = this.#db;
    this.#db = undefined;
    if (db) (await db).close();
  }
}
