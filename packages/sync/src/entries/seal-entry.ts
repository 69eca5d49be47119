import { type DeviceIdentity, encodeEntryContext, type KeyRing, sealEnvelope, signEnvelope } from "@hearth/transport";
import type { LogEntry } from "../protocol/log-entry";

/** Where a new entry goes; the epoch defaults to the key ring's current one. */
export interface EntryPlace {
  documentId: string;
  seq: number;
  kind: "change" | "snapshot";
  epoch?: number;
  /** Snapshots only. */
  covers?: number;
}

/**
 * Seals `plaintext` under the document key of the epoch (PADME padded, so the relay sees only a rough size),
 * bound to the entry's context (document, device, seq, epoch, kind), and signs envelope and context with the
 * device key: what the relay checks and every other device verifies.
 */
export function sealEntry(
  identity: DeviceIdentity,
  keyRing: KeyRing,
  place: EntryPlace,
  plaintext: Uint8Array,
): LogEntry {
  const epoch = place.epoch ?? keyRing.currentEpoch;
  const context = encodeEntryContext({
    documentId: place.documentId,
    deviceId: identity.deviceId,
    seq: place.seq,
    epoch,
    kind: place.kind,
  });
  const envelope = sealEnvelope(keyRing.documentKey(place.documentId, epoch), plaintext, { epoch, context, pad: true });
  const entry: LogEntry = {
    documentId: place.documentId,
    deviceId: identity.deviceId,
    seq: place.seq,
    epoch,
    kind: place.kind,
    envelope,
    signature: signEnvelope(identity.signing.secretKey, envelope, context),
  };
  if (place.covers !== undefined) entry.covers = place.covers;
  return entry;
}
