import { ByteReader } from "./byte-reader";
import { InvalidFormatError } from "./errors/invalid-format-error";
import { padme, unpadme } from "./padme";
import { concatBytes, randomBytes } from "./primitives/bytes";
import {
  XCHACHA_NONCE_BYTES,
  XCHACHA_TAG_BYTES,
  xchachaDecrypt,
  xchachaEncrypt,
} from "./primitives/xchacha20-poly1305";

/** The envelope format version this release writes and reads. */
export const ENVELOPE_VERSION = 1;
const FLAG_PADDED = 0x01;
const KNOWN_FLAGS = FLAG_PADDED;
/** version(1) | flags(1) | epoch(4) | nonce(24) */
export const ENVELOPE_HEADER_BYTES = 2 + 4 + XCHACHA_NONCE_BYTES;
/** Bytes an envelope adds to its (padded) plaintext. */
export const ENVELOPE_OVERHEAD = ENVELOPE_HEADER_BYTES + XCHACHA_TAG_BYTES;
const ALIGN_SLACK = 2;

/** Options of {@link sealEnvelope}. */
export interface SealOptions {
  /** The key epoch `key` belongs to; written in the clear so the reader can pick the key. Default 0. */
  epoch?: number;
  /**
   * Bytes the envelope is bound to but does not carry (for sync, {@link encodeEntryContext}): opening with any
   * other context fails, so an envelope cannot be moved to another document, sequence number, epoch or kind.
   */
  context?: Uint8Array;
  /** Pad the plaintext to its PADME length so the ciphertext hides the exact size. */
  pad?: boolean;
}

/** The clear-text header of an envelope. */
export interface EnvelopeHeader {
  version: number;
  epoch: number;
  padded: boolean;
}

/**
 * Seals `plaintext` with XChaCha20-Poly1305 under a 32-byte key and a fresh random 24-byte nonce.
 * Layout: version(1) | flags(1) | epoch(4, big-endian) | nonce(24) | ciphertext + tag(16).
 * The associated data is the header followed by `context`, so neither can be changed unseen.
 * The result is a view that may start a few bytes into its `ArrayBuffer`: pass the Uint8Array itself on, not
 * its `.buffer`.
 */
export function sealEnvelope(key: Uint8Array, plaintext: Uint8Array, options: SealOptions = {}): Uint8Array {
  const epoch = options.epoch ?? 0;
  if (!Number.isInteger(epoch) || epoch < 0 || epoch > 0xffff_ffff)
    throw new InvalidFormatError(`Epoch ${epoch} is not a 32-bit unsigned integer.`);
  const body = options.pad ? padme(plaintext) : plaintext;
  // One allocation for the whole envelope: the header is written in place and the ciphertext encrypted behind it.
  // Two bytes of slack in front put the ciphertext on a 4-byte boundary, which noble needs to write in place.
  const buffer = new Uint8Array(ALIGN_SLACK + ENVELOPE_HEADER_BYTES + body.length + XCHACHA_TAG_BYTES);
  const envelope = buffer.subarray(ALIGN_SLACK);
  const header = envelope.subarray(0, ENVELOPE_HEADER_BYTES);
  header[0] = ENVELOPE_VERSION;
  header[1] = options.pad ? FLAG_PADDED : 0;
  new DataView(buffer.buffer).setUint32(ALIGN_SLACK + 2, epoch, false);
  const nonce = header.subarray(6);
  nonce.set(randomBytes(XCHACHA_NONCE_BYTES));
  const aad = options.context ? concatBytes(header, options.context) : header;
  const output = envelope.subarray(ENVELOPE_HEADER_BYTES);
  const sealed = xchachaEncrypt(key, nonce, body, aad, output);
  if (sealed !== output) output.set(sealed);
  return envelope;
}

/** Reads the header without a key (to choose the epoch's key); throws {@link InvalidFormatError} if malformed. */
export function readEnvelopeHeader(envelope: Uint8Array): EnvelopeHeader {
  const reader = new ByteReader(envelope, "Envelope");
  const version = reader.u8();
  if (version !== ENVELOPE_VERSION) {
    throw new InvalidFormatError(
      `Envelope version ${version} is not supported (this release reads version ${ENVELOPE_VERSION}).`,
    );
  }
  const flags = reader.u8();
  if ((flags & ~KNOWN_FLAGS) !== 0) throw new InvalidFormatError(`Envelope has unknown flags 0x${flags.toString(16)}.`);
  const epoch = reader.u32();
  if (envelope.length < ENVELOPE_OVERHEAD) {
    throw new InvalidFormatError(
      `An envelope is at least ${ENVELOPE_OVERHEAD} bytes; got ${envelope.length}: it is truncated.`,
    );
  }
  return { version, epoch, padded: (flags & FLAG_PADDED) !== 0 };
}

/**
 * Opens an envelope made by {@link sealEnvelope} with the same key and context. Throws `E_FORMAT` for a malformed
 * envelope and `E_DECRYPT` for a wrong key, a wrong context or any changed byte.
 */
export function openEnvelope(key: Uint8Array, envelope: Uint8Array, context?: Uint8Array): Uint8Array {
  const { padded } = readEnvelopeHeader(envelope);
  const header = envelope.subarray(0, ENVELOPE_HEADER_BYTES);
  const nonce = header.subarray(6);
  const aad = context ? concatBytes(header, context) : header;
  const body = xchachaDecrypt(key, nonce, envelope.subarray(ENVELOPE_HEADER_BYTES), aad);
  return padded ? unpadme(body) : body;
}
