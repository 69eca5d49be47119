import { StorageError } from "../errors/storage-error";

/** What a device remembers about one document's log, beside the document itself. */
export interface ReplicaState {
  /** Every relay position up to this one has been applied (or rejected for good). */
  cursor: number;
  /** The sequence number this device's next entry in the document gets. */
  nextSeq: number;
  /** Automerge heads already turned into entries: the next entry holds the changes since. */
  sentHeads: string[];
  /** Per device, the highest sequence number applied, with every lower one applied too. */
  applied: Record<string, number>;
}

const VERSION = 1;

/** A fresh state: nothing applied, nothing sent. */
export function initialReplicaState(): ReplicaState {
  return { cursor: 0, nextSeq: 1, sentHeads: [], applied: {} };
}

export function encodeReplicaState(state: ReplicaState): Uint8Array {
  return new TextEncoder().encode(JSON.stringify({ v: VERSION, ...state }));
}

const isCount = (v: unknown): v is number => typeof v === "number" && Number.isSafeInteger(v) && v >= 0;

/** Parses {@link encodeReplicaState}; throws {@link StorageError} for anything else. */
export function decodeReplicaState(bytes: Uint8Array): ReplicaState {
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder().decode(bytes));
  } catch (cause) {
    throw new StorageError("A document's stored sync state is damaged.", { cause });
  }
  const v = value as Partial<ReplicaState> & { v?: unknown };
  if (v?.v !== VERSION) throw new StorageError("A document's stored sync state has an unknown version.");
  const applied = v.applied;
  if (
    !isCount(v.cursor) ||
    !isCount(v.nextSeq) ||
    v.nextSeq < 1 ||
    !Array.isArray(v.sentHeads) ||
    !v.sentHeads.every((h) => typeof h === "string") ||
    typeof applied !== "object" ||
    applied === null ||
    !Object.values(applied).every(isCount)
  ) {
    throw new StorageError("A document's stored sync state is malformed.");
  }
  return { cursor: v.cursor, nextSeq: v.nextSeq, sentHeads: v.sentHeads, applied: { ...applied } };
}
