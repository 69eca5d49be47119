import { hmac } from "@noble/hashes/hmac.js";
import { sha256 } from "@noble/hashes/sha2.js";
import { concatBytes, wipe } from "../primitives/bytes";

const ONE = Uint8Array.of(0x01);
const TWO = Uint8Array.of(0x02);
const THREE = Uint8Array.of(0x03);

/**
 * HKDF as Noise §4.3 defines it with HMAC-SHA256: the chaining key is the HMAC key, the input key material the
 * message, and 2 or 3 outputs of 32 bytes each.
 */
export function noiseHkdf(chainingKey: Uint8Array, inputKeyMaterial: Uint8Array, outputs: 2): [Uint8Array, Uint8Array];
export function noiseHkdf(
  chainingKey: Uint8Array,
  inputKeyMaterial: Uint8Array,
  outputs: 3,
): [Uint8Array, Uint8Array, Uint8Array];
export function noiseHkdf(chainingKey: Uint8Array, inputKeyMaterial: Uint8Array, outputs: 2 | 3): Uint8Array[] {
  const tempKey = hmac(sha256, chainingKey, inputKeyMaterial);
  const output1 = hmac(sha256, tempKey, ONE);
  const output2 = hmac(sha256, tempKey, concatBytes(output1, TWO));
  if (outputs === 2) {
    wipe(tempKey);
    return [output1, output2];
  }
  const output3 = hmac(sha256, tempKey, concatBytes(output2, THREE));
  wipe(tempKey);
  return [output1, output2, output3];
}
