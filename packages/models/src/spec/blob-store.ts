import type { PartialFile } from "../download/partial-file";

/**
 * Where a browser cache keeps its bytes: content-addressed blobs (named by SHA-256), partial downloads kept for a
 * resume, and small JSON records (one per model revision). The Cache API and OPFS each implement it; the cache logic
 * over it (quota, LRU, pins, verify, gc, locks) is shared, see `blobStoreCache`.
 */
export interface BlobStore {
  /** A short label for messages, e.g. `Cache API "hearth-models"` or `OPFS hearth-models/`. */
  readonly name: string;
  /** Whether the blob `sha256` is stored (complete and installed). */
  hasBlob(sha256: string): Promise<boolean>;
  /** Every stored blob with its size in bytes. */
  blobSizes(): Promise<Map<string, number>>;
  /** One blob's bytes; undefined when absent. */
  readBlob(sha256: string): Promise<Uint8Array | undefined>;
  /** One blob as a stream of chunks (for re-hashing without holding it whole); undefined when absent. */
  blobChunks(sha256: string): Promise<AsyncIterable<Uint8Array> | undefined>;
  removeBlob(sha256: string): Promise<void>;
  /** The partial download of blob `sha256`: kept across page loads, installed as the blob by `commit`. */
  partial(sha256: string): PartialFile;
  /** Hashes of the partial downloads present. */
  partials(): Promise<string[]>;
  removePartial(sha256: string): Promise<void>;
  /** Every record as stored (JSON values; the cache validates them). */
  readRecords(): Promise<unknown[]>;
  /** Writes a record atomically under `key` (replacing it). */
  writeRecord(key: string, record: unknown): Promise<void>;
  removeRecord(key: string): Promise<void>;
}
