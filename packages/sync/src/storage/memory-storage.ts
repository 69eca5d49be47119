import { checkStorageKey, keyStartsWith } from "./check-storage-key";
import type { StorageAdapter, StorageChunk, StorageKey } from "./storage-adapter";

/**
 * A {@link StorageAdapter} in memory: for tests, and for a client that keeps nothing between runs. Values are
 * copied in and out, so a caller changing its buffer later cannot change what is stored.
 */
export class MemoryStorage implements StorageAdapter {
  readonly #values = new Map<string, { key: StorageKey; data: Uint8Array }>();

  async load(key: StorageKey): Promise<Uint8Array | undefined> {
    return this.#values.get(JSON.stringify(checkStorageKey(key)))?.data.slice();
  }

  async save(key: StorageKey, data: Uint8Array): Promise<void> {
    checkStorageKey(key);
    this.#values.set(JSON.stringify(key), { key: [...key], data: data.slice() });
  }

  async remove(key: StorageKey): Promise<void> {
    this.#values.delete(JSON.stringify(checkStorageKey(key)));
  }

  async loadRange(prefix: StorageKey): Promise<StorageChunk[]> {
    checkStorageKey(prefix, true);
    const out: StorageChunk[] = [];
    for (const { key, data } of this.#values.values()) {
      if (keyStartsWith(key, prefix)) out.push({ key: [...key], data: data.slice() });
    }
    return out;
  }

  async removeRange(prefix: StorageKey): Promise<void> {
    checkStorageKey(prefix, true);
    for (const [id, { key }] of this.#values) if (keyStartsWith(key, prefix)) this.#values.delete(id);
  }
}
