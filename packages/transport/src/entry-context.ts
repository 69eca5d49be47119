import { InvalidFormatError } from "./errors/invalid-format-error";
import { Labels } from "./labels";
import { concatBytes, u32be, u64be, utf8ToBytes } from "./primitives/bytes";

/** Where a sync log entry belongs. Sealed into the envelope's associated data and covered by its signature. */
export interface EntryContext {
  documentId: string;
  deviceId: string;
  /** The device's sequence number for this document, from 1. */
  seq: number;
  /** The key epoch the entry is sealed under. */
  epoch: number;
  kind: "change" | "snapshot";
}

const KINDS = { change: 1, snapshot: 2 } as const;

function field(value: string): Uint8Array {
  const bytes = utf8ToBytes(value);
  return concatBytes(u32be(bytes.length), bytes);
}

/**
 * The canonical bytes of an entry's context: a label, then every field length-prefixed or fixed-width, so two
 * different contexts never encode the same. An envelope sealed with one context opens with no other.
 */
export function encodeEntryContext(context: EntryContext): Uint8Array {
  const { documentId, deviceId, seq, epoch, kind } = context;
  if (!Number.isSafeInteger(seq) || seq < 0)
    throw new InvalidFormatError(`Sequence number ${seq} is not a non-negative integer.`);
  if (!Number.isInteger(epoch) || epoch < 0 || epoch > 0xffff_ffff)
    throw new InvalidFormatError(`Epoch ${epoch} is not a 32-bit unsigned integer.`);
  const kindByte = KINDS[kind];
  if (kindByte === undefined) throw new InvalidFormatError(`Entry kind ${String(kind)} is not change or snapshot.`);
  return concatBytes(
    field(Labels.entryContext),
    field(documentId),
    field(deviceId),
    u64be(seq),
    u32be(epoch),
    new Uint8Array([kindByte]),
  );
}
