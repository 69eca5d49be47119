import { ProtocolError } from "../errors/protocol-error";
import type { LogEntry, StoredEntry } from "./log-entry";

/** Largest envelope a relay accepts by default (4 MiB); larger appends get HTTP 413. */
export const MAX_ENTRY_BYTES = 4 * 1024 * 1024;
/** Ids (space, document, device) are 1..128 characters of `[A-Za-z0-9._:-]`: safe in a URL path and a file name. */
export const ID_PATTERN = /^[A-Za-z0-9._:-]{1,128}$/;

/** An entry as JSON on the wire: bytes in base64. */
export interface WireEntry {
  documentId: string;
  deviceId: string;
  seq: number;
  epoch: number;
  kind: "change" | "snapshot";
  envelope: string;
  signature: string;
  covers?: number;
  position?: number;
}

const toBase64 = (bytes: Uint8Array): string => {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
};

const fromBase64 = (text: string, field: string): Uint8Array => {
  // Whole 4-character groups only: atob would throw a DOMException (not a ProtocolError) on a stray tail.
  if (text.length % 4 !== 0) throw new ProtocolError(`Field ${field} is not base64.`);
  let binary: string;
  try {
    binary = atob(text);
  } catch (cause) {
    throw new ProtocolError(`Field ${field} is not base64.`, { cause });
  }
  // atob skips ASCII whitespace, so a string it read in full decodes to exactly this many bytes. Checking the
  // length after the fact keeps the decoding strict without a regular expression over a snapshot's megabytes.
  const padding = text.endsWith("==") ? 2 : text.endsWith("=") ? 1 : 0;
  if (binary.length !== (text.length / 4) * 3 - padding) throw new ProtocolError(`Field ${field} is not base64.`);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
};

/** Throws {@link ProtocolError} unless `value` is a valid id. */
export function checkId(value: unknown, field: string): string {
  if (typeof value !== "string" || !ID_PATTERN.test(value)) {
    throw new ProtocolError(`Field ${field} must be 1..128 characters of letters, digits, '.', '_', ':' or '-'.`);
  }
  return value;
}

function checkCount(value: unknown, field: string, min: number): number {
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < min) {
    throw new ProtocolError(`Field ${field} must be an integer >= ${min}.`);
  }
  return value;
}

/** JSON form of an entry. */
export function encodeWireEntry(entry: LogEntry | StoredEntry): WireEntry {
  const wire: WireEntry = {
    documentId: entry.documentId,
    deviceId: entry.deviceId,
    seq: entry.seq,
    epoch: entry.epoch,
    kind: entry.kind,
    envelope: toBase64(entry.envelope),
    signature: toBase64(entry.signature),
  };
  if (entry.covers !== undefined) wire.covers = entry.covers;
  if ("position" in entry) wire.position = entry.position;
  return wire;
}

/**
 * Parses and validates one entry from untrusted JSON; throws {@link ProtocolError} naming the first bad field.
 * Checks shape and sizes only: signatures and envelopes are verified by the receiver with the keys.
 */
export function decodeWireEntry(value: unknown, maxEntryBytes = MAX_ENTRY_BYTES): LogEntry & { position?: number } {
  if (typeof value !== "object" || value === null || Array.isArray(value))
    throw new ProtocolError("An entry must be a JSON object.");
  const v = value as Record<string, unknown>;
  if (v.kind !== "change" && v.kind !== "snapshot")
    throw new ProtocolError('Field kind must be "change" or "snapshot".');
  if (typeof v.envelope !== "string" || typeof v.signature !== "string") {
    throw new ProtocolError("Fields envelope and signature must be base64 strings.");
  }
  // Checked before decoding so a hostile size costs nothing.
  if (v.envelope.length > Math.ceil(maxEntryBytes / 3) * 4) {
    throw new ProtocolError(`The envelope is larger than ${maxEntryBytes} bytes.`);
  }
  const entry: LogEntry & { position?: number } = {
    documentId: checkId(v.documentId, "documentId"),
    deviceId: checkId(v.deviceId, "deviceId"),
    seq: checkCount(v.seq, "seq", 1),
    epoch: checkCount(v.epoch, "epoch", 0),
    kind: v.kind,
    envelope: fromBase64(v.envelope, "envelope"),
    signature: fromBase64(v.signature, "signature"),
  };
  if (entry.signature.length !== 64) throw new ProtocolError("Field signature must be 64 bytes.");
  if (entry.epoch > 0xffff_ffff) throw new ProtocolError("Field epoch must fit in 32 bits.");
  if (v.covers !== undefined) entry.covers = checkCount(v.covers, "covers", 0);
  if (entry.kind === "snapshot" && entry.covers === undefined)
    throw new ProtocolError("A snapshot entry must say what it covers.");
  if (v.position !== undefined) entry.position = checkCount(v.position, "position", 1);
  return entry;
}

export { fromBase64, toBase64 };
