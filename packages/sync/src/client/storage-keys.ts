import type { StorageKey } from "../storage/storage-adapter";

// Zero-padded so that keys sort in numeric order when an adapter lists them as text.
const pad = (n: number) => n.toString().padStart(15, "0");

/** Where a sync client keeps each part of its state in its storage adapter (one adapter per space and device). */
export const storageKeys = {
  /** JSON {v, spaceId, deviceId}: which space and device this storage belongs to. */
  meta: (): StorageKey => ["meta"],
  /** Marker per document the device holds, so the list of documents loads without loading them. */
  index: (documentId?: string): StorageKey => (documentId === undefined ? ["index"] : ["index", documentId]),
  /** `Automerge.save` of a document, rewritten now and then. */
  snapshot: (documentId: string): StorageKey => ["docs", documentId, "snapshot"],
  /** Incremental Automerge chunks written since the snapshot. */
  chunks: (documentId: string): StorageKey => ["docs", documentId, "chunks"],
  chunk: (documentId: string, n: number): StorageKey => ["docs", documentId, "chunks", pad(n)],
  /** The document's cursor, sequence numbers and applied set. */
  state: (documentId: string): StorageKey => ["docs", documentId, "state"],
  /** The offline queue of a document, one record per sequence number. */
  queue: (documentId: string): StorageKey => ["queue", documentId],
  queued: (documentId: string, seq: number): StorageKey => ["queue", documentId, pad(seq)],
} as const;
