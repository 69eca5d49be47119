/** One entry of a document's append-only log, as a device creates it and the relay stores it. */
export interface LogEntry {
  documentId: string;
  /** The device that sealed and signed the entry. */
  deviceId: string;
  /** That device's sequence number in this document: 1, 2, 3, ... without gaps. */
  seq: number;
  /** The key epoch the envelope is sealed under. */
  epoch: number;
  kind: "change" | "snapshot";
  /** `@hearth/transport` envelope; associated data = `encodeEntryContext` of the fields above. */
  envelope: Uint8Array;
  /** Ed25519 signature by the device over envelope and context (`signEnvelope`). */
  signature: Uint8Array;
  /**
   * Snapshots only: the relay position up to which the snapshot holds every entry. The relay may drop covered
   * entries after its retention period; a new device loads the snapshot, then the entries after it.
   */
  covers?: number;
}

/** An entry with the place the relay gave it. Positions start at 1 and grow by one per document. */
export interface StoredEntry extends LogEntry {
  position: number;
}
