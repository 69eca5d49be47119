/**
 * The relay's answer to `POST entries`. `positions[i]` is where entry `i` sits in the document's log: its first
 * position for a retry, 0 for an entry listed in `compacted`.
 */
export interface AppendAnswer {
  positions: number[];
  /**
   * Entries (by index in the batch) that were not stored because their seq is at or below their device's
   * compaction mark, with the mark. Compaction keeps no digest, so the relay cannot tell a retry of a dropped entry
   * from new changes under a reused seq: the device re-sends their changes under seqs above the mark. Relays before
   * this field answered only the 0 position. Absent when there are none.
   */
  compacted?: { index: number; mark: number }[];
}
