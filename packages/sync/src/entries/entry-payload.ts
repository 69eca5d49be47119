import { VerifyError } from "../errors/verify-error";

const CHANGE_VERSION = 1;
const SNAPSHOT_VERSION = 1;

/** What a snapshot entry holds once opened. */
export interface SnapshotPayload {
  /** The highest relay position whose effect the snapshot includes; equals the entry's clear `covers`. */
  covers: number;
  /** Per device, the highest sequence number whose entry the snapshot includes (entries up to it are contained). */
  seqs: Record<string, number>;
  /** `Automerge.save` of the document. */
  document: Uint8Array;
}

/** Plaintext of a change entry: version byte 1, then Automerge changes (`saveSince` format). */
export function encodeChangePayload(changes: Uint8Array): Uint8Array {
  const out = new Uint8Array(1 + changes.length);
  out[0] = CHANGE_VERSION;
  out.set(changes, 1);
  return out;
}

/** The Automerge changes in a change entry's plaintext; throws {@link VerifyError} for an unknown version. */
export function decodeChangePayload(plaintext: Uint8Array): Uint8Array {
  if (plaintext[0] !== CHANGE_VERSION) {
    throw new VerifyError(`A change entry has payload version ${plaintext[0]}; update this client to read it.`);
  }
  return plaintext.subarray(1);
}

/** Plaintext of a snapshot: version byte 1 | header length (u32 BE) | header JSON {covers, seqs} | Automerge save. */
export function encodeSnapshotPayload(snapshot: SnapshotPayload): Uint8Array {
  const header = new TextEncoder().encode(JSON.stringify({ covers: snapshot.covers, seqs: snapshot.seqs }));
  const out = new Uint8Array(5 + header.length + snapshot.document.length);
  out[0] = SNAPSHOT_VERSION;
  new DataView(out.buffer).setUint32(1, header.length, false);
  out.set(header, 5);
  out.set(snapshot.document, 5 + header.length);
  return out;
}

const isCount = (v: unknown): v is number => typeof v === "number" && Number.isSafeInteger(v) && v >= 0;

/** Parses {@link encodeSnapshotPayload}; throws {@link VerifyError} on anything else. */
export function decodeSnapshotPayload(plaintext: Uint8Array): SnapshotPayload {
  if (plaintext[0] !== SNAPSHOT_VERSION) {
    throw new VerifyError(`A snapshot entry has payload version ${plaintext[0]}; update this client to read it.`);
  }
  if (plaintext.length < 5) throw new VerifyError("A snapshot entry's payload is truncated.");
  const length = new DataView(plaintext.buffer, plaintext.byteOffset, plaintext.byteLength).getUint32(1, false);
  if (5 + length > plaintext.length) throw new VerifyError("A snapshot entry's payload is truncated.");
  let header: unknown;
  try {
    header = JSON.parse(new TextDecoder().decode(plaintext.subarray(5, 5 + length)));
  } catch (cause) {
    throw new VerifyError("A snapshot entry's header is not JSON.", { cause });
  }
  const h = header as { covers?: unknown; seqs?: unknown } | null;
  if (!h || !isCount(h.covers) || typeof h.seqs !== "object" || h.seqs === null || Array.isArray(h.seqs)) {
    throw new VerifyError("A snapshot entry's header is malformed.");
  }
  const seqs: Record<string, number> = {};
  for (const [device, seq] of Object.entries(h.seqs as Record<string, unknown>)) {
    if (!isCount(seq)) throw new VerifyError("A snapshot entry's header is malformed.");
    seqs[device] = seq;
  }
  return { covers: h.covers, seqs, document: plaintext.subarray(5 + length) };
}
