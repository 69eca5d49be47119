// Advisory lock keys, in the two-key form (class, object). The classes are arbitrary constants; what matters is
// that every relay uses the same ones, so they are never renumbered.

/** Held (per transaction) while migrations run: relays starting together apply each one once. */
export const LOCK_CLASS_MIGRATIONS = 0x48_52_01;
/** Held (per transaction) while one document is compacted; the object key is the document row's id. */
export const LOCK_CLASS_COMPACTION = 0x48_52_02;

/** The object key of a document's compaction lock: its row id folded into 31 bits (a collision only serializes). */
export function documentLockKey(rowId: number): number {
  return rowId % 0x7fff_ffff;
}
