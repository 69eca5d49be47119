import { StorageError } from "../errors/storage-error";
import type { LogEntry } from "../protocol/log-entry";
import { decodeWireEntry, encodeWireEntry } from "../protocol/wire";

/** One sealed, signed entry waiting in the offline queue for the relay's acknowledgement. */
export interface QueueRecord {
  entry: LogEntry;
  /** The document's heads once this entry's changes are included (where the next entry starts). */
  heads: string[];
}

const VERSION = 1;

export function encodeQueueRecord(record: QueueRecord): Uint8Array {
  return new TextEncoder().encode(
    JSON.stringify({ v: VERSION, entry: encodeWireEntry(record.entry), heads: record.heads }),
  );
}

/** Parses {@link encodeQueueRecord}; throws {@link StorageError} for anything else. */
export function decodeQueueRecord(bytes: Uint8Array): QueueRecord {
  try {
    const value = JSON.parse(new TextDecoder().decode(bytes)) as { v?: unknown; entry?: unknown; heads?: unknown };
    if (value.v !== VERSION) throw new StorageError("A queued entry has an unknown version.");
    if (!Array.isArray(value.heads) || !value.heads.every((h) => typeof h === "string")) {
      throw new StorageError("A queued entry is malformed.");
    }
    const { position: _position, ...entry } = decodeWireEntry(value.entry);
    return { entry, heads: value.heads };
  } catch (cause) {
    if (cause instanceof StorageError) throw cause;
    throw new StorageError("A queued entry is damaged.", { cause });
  }
}
