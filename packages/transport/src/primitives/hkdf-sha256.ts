import { hkdf } from "@noble/hashes/hkdf.js";
import { sha256 } from "@noble/hashes/sha2.js";
import { InvalidKeyError } from "../errors/invalid-key-error";

/** HKDF-SHA256 (RFC 5869) can produce at most 255 blocks of 32 bytes. */
export const HKDF_SHA256_MAX_BYTES = 255 * 32;

/** HKDF-SHA256 extract-and-expand of `length` bytes. */
export function hkdfSha256(
  ikm: Uint8Array,
  salt: Uint8Array | undefined,
  info: Uint8Array,
  length: number,
): Uint8Array {
  if (!Number.isInteger(length) || length < 1 || length > HKDF_SHA256_MAX_BYTES) {
    throw new InvalidKeyError(`HKDF-SHA256 output length must be 1..${HKDF_SHA256_MAX_BYTES} bytes, got ${length}.`);
  }
  return hkdf(sha256, ikm, salt, info, length);
}
