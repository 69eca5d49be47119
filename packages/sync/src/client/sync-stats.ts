/** Counters of what a client did since it opened; handy in tests, benchmarks and a debug screen. */
export interface SyncStats {
  /** Entries received from the relay, by fetch or live push, duplicates included. */
  entriesFetched: number;
  /** Entries whose content was applied to a document (snapshots included). */
  entriesApplied: number;
  /** Snapshot entries loaded into a document. */
  snapshotsApplied: number;
  /** Entries refused: bad signature, unknown signer, does not open. */
  entriesRejected: number;
  /** Entries this device appended and the relay acknowledged. */
  entriesSent: number;
}

export function emptyStats(): SyncStats {
  return { entriesFetched: 0, entriesApplied: 0, snapshotsApplied: 0, entriesRejected: 0, entriesSent: 0 };
}
