// The rows both stores read, and how each becomes a record: SQLite and PostgreSQL keep the same columns.
import { createHash } from "node:crypto";
import type { StoredEntry } from "@hearth/sync/protocol";
import type { DeviceRecord } from "./relay-store";

/** A `devices` row. */
export interface DeviceRow {
  space_id: string;
  device_id: string;
  signing_public_key: Buffer;
  agreement_public_key: Buffer;
  enrolled_by: string | null;
  grant_bytes: Buffer | null;
  enrolled_at: number;
  removed_at: number | null;
  removed_by: string | null;
}

/** An entry with its body, as a fetch reads it. */
export interface EntryRow {
  position: number;
  device_id: string;
  seq: number;
  epoch: number;
  kind: number;
  covers: number | null;
  size: number;
  envelope: Buffer;
  signature: Buffer;
}

export const KIND_CODES = { change: 1, snapshot: 2 } as const;

export function digestOf(...parts: Uint8Array[]): Buffer {
  const hash = createHash("sha256");
  for (const part of parts) hash.update(part);
  return hash.digest();
}

export function deviceRecord(row: DeviceRow): DeviceRecord {
  return {
    spaceId: row.space_id,
    deviceId: row.device_id,
    signingPublicKey: row.signing_public_key,
    agreementPublicKey: row.agreement_public_key,
    enrolledBy: row.enrolled_by,
    grant: row.grant_bytes,
    enrolledAt: row.enrolled_at,
    removedAt: row.removed_at,
    removedBy: row.removed_by,
  };
}

export function storedEntry(documentId: string, row: EntryRow): StoredEntry {
  const entry: StoredEntry = {
    documentId,
    deviceId: row.device_id,
    seq: row.seq,
    epoch: row.epoch,
    kind: row.kind === KIND_CODES.snapshot ? "snapshot" : "change",
    envelope: row.envelope,
    signature: row.signature,
    position: row.position,
  };
  if (row.covers !== null) entry.covers = row.covers;
  return entry;
}
