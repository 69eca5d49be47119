/**
 * A storage key: a path of segments, like `["docs", "inbox", "snapshot"]`. Segments are non-empty strings; an
 * adapter maps them to its own names (escaping what it must), so any segment is safe to use.
 */
export type StorageKey = string[];

/** One stored value with its key, as {@link StorageAdapter.loadRange} returns it. */
export interface StorageChunk {
  key: StorageKey;
  data: Uint8Array;
}

/**
 * Where a sync client keeps its state: documents, cursors, the offline queue and the sealed key ring. One adapter
 * instance holds one space of one device. The same shape as automerge-repo's storage adapters, so it is easy to
 * write one for another platform.
 *
 * Every method resolves only once the data is durable (or gone) as far as the platform allows; a `save` is
 * atomic: after a crash a key holds its old value or its new one, never a mix.
 */
export interface StorageAdapter {
  /** The value under `key`, or undefined when there is none. */
  load(key: StorageKey): Promise<Uint8Array | undefined>;
  /** Stores `data` under `key`, replacing what was there. */
  save(key: StorageKey, data: Uint8Array): Promise<void>;
  /** Deletes `key`; nothing happens when it does not exist. */
  remove(key: StorageKey): Promise<void>;
  /** Every value whose key starts with `prefix` (the key equal to `prefix` included), in no particular order. */
  loadRange(prefix: StorageKey): Promise<StorageChunk[]>;
  /** Deletes every value whose key starts with `prefix`. */
  removeRange(prefix: StorageKey): Promise<void>;
}
