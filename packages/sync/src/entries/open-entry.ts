import {
  encodeEntryContext,
  type KeyRing,
  openEnvelope,
  readEnvelopeHeader,
  UnknownEpochError,
  verifyEnvelope,
} from "@hearth/transport";
import { VerifyError } from "../errors/verify-error";
import type { LogEntry } from "../protocol/log-entry";

/** Checks an entry's signature with its signer's key, without opening it (no content key needed). */
export function verifyEntry(entry: LogEntry, signingPublicKey: Uint8Array): void {
  const context = encodeEntryContext(entry);
  try {
    verifyEnvelope(signingPublicKey, entry.envelope, context, entry.signature);
  } catch (cause) {
    throw new VerifyError(
      `Entry ${entry.seq} of device ${entry.deviceId} in document ${entry.documentId} has a bad signature; it was rejected.`,
      { cause },
    );
  }
  let epoch: number;
  try {
    epoch = readEnvelopeHeader(entry.envelope).epoch;
  } catch (cause) {
    throw new VerifyError(`Entry ${entry.seq} of device ${entry.deviceId} has a malformed envelope; it was rejected.`, {
      cause,
    });
  }
  if (epoch !== entry.epoch) {
    throw new VerifyError(
      `Entry ${entry.seq} of device ${entry.deviceId} says epoch ${entry.epoch} but is sealed under ${epoch}; it was rejected.`,
    );
  }
}

/**
 * Opens a verified entry with the document key of its epoch. Throws the transport's {@link UnknownEpochError}
 * (`E_EPOCH`) when the ring lacks that epoch (the caller fetches key grants and tries again), and
 * {@link VerifyError} when the envelope does not open.
 */
export function openEntry(entry: LogEntry, keyRing: KeyRing): Uint8Array {
  const key = keyRing.documentKey(entry.documentId, entry.epoch); // throws UnknownEpochError
  try {
    return openEnvelope(key, entry.envelope, encodeEntryContext(entry));
  } catch (cause) {
    if (cause instanceof UnknownEpochError) throw cause;
    throw new VerifyError(
      `Entry ${entry.seq} of device ${entry.deviceId} in document ${entry.documentId} does not open with the space key; it was rejected.`,
      { cause },
    );
  }
}
