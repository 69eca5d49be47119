// Real entries for relay tests: sealed with @hearth/transport under a content key and signed by the device.
import { encodeWireEntry, type LogEntry, type WireEntry } from "@hearth/sync/protocol";
import { type DeviceIdentity, encodeEntryContext, sealEnvelope, signEnvelope } from "@hearth/transport";

/** What {@link makeEntry} needs; everything but the device, document and seq has a default. */
export interface EntrySpec {
  device: DeviceIdentity;
  documentId: string;
  seq: number;
  /** 32-byte content key; default a random one (the relay never opens envelopes). */
  key?: Uint8Array;
  epoch?: number;
  kind?: "change" | "snapshot";
  covers?: number;
  /** Plaintext; default `entry <seq>`. */
  plaintext?: Uint8Array;
}

const defaultKey = crypto.getRandomValues(new Uint8Array(32));

/** A sealed and signed log entry. */
export function makeEntry(spec: EntrySpec): LogEntry {
  const epoch = spec.epoch ?? 0;
  const kind = spec.kind ?? "change";
  const context = encodeEntryContext({
    documentId: spec.documentId,
    deviceId: spec.device.deviceId,
    seq: spec.seq,
    epoch,
    kind,
  });
  const plaintext = spec.plaintext ?? new TextEncoder().encode(`entry ${spec.seq}`);
  const envelope = sealEnvelope(spec.key ?? defaultKey, plaintext, { epoch, context });
  const entry: LogEntry = {
    documentId: spec.documentId,
    deviceId: spec.device.deviceId,
    seq: spec.seq,
    epoch,
    kind,
    envelope,
    signature: signEnvelope(spec.device.signing.secretKey, envelope, context),
  };
  if (spec.covers !== undefined) entry.covers = spec.covers;
  return entry;
}

/** {@link makeEntry} in its JSON form. */
export function makeWireEntry(spec: EntrySpec): WireEntry {
  return encodeWireEntry(makeEntry(spec));
}
