import { xchacha20poly1305 } from "@noble/ciphers/chacha.js";
import { DecryptError } from "../errors/decrypt-error";
import { InvalidKeyError } from "../errors/invalid-key-error";

/** Key length of XChaCha20-Poly1305 in bytes. */
export const XCHACHA_KEY_BYTES = 32;
/** Nonce length of XChaCha20-Poly1305 in bytes: long enough to pick at random for every message. */
export const XCHACHA_NONCE_BYTES = 24;
/** Poly1305 tag length in bytes. */
export const XCHACHA_TAG_BYTES = 16;

function checkKeyAndNonce(key: Uint8Array, nonce: Uint8Array): void {
  if (key.length !== XCHACHA_KEY_BYTES)
    throw new InvalidKeyError(`XChaCha20-Poly1305 needs a 32-byte key, got ${key.length} bytes.`);
  if (nonce.length !== XCHACHA_NONCE_BYTES)
    throw new InvalidKeyError(`XChaCha20-Poly1305 needs a 24-byte nonce, got ${nonce.length} bytes.`);
}

/**
 * Encrypts and authenticates `plaintext` and `aad`; returns ciphertext followed by the 16-byte tag. With `output`
 * (exactly `plaintext.length + 16` bytes, 4-byte aligned) it writes there instead of allocating, so a caller that
 * frames the ciphertext behind a header saves a copy.
 */
export function xchachaEncrypt(
  key: Uint8Array,
  nonce: Uint8Array,
  plaintext: Uint8Array,
  aad?: Uint8Array,
  output?: Uint8Array,
): Uint8Array {
  checkKeyAndNonce(key, nonce);
  return xchacha20poly1305(key, nonce, aad).encrypt(plaintext, output);
}

/** Verifies the tag over ciphertext and `aad`, then decrypts; throws {@link DecryptError} on any mismatch. */
export function xchachaDecrypt(key: Uint8Array, nonce: Uint8Array, sealed: Uint8Array, aad?: Uint8Array): Uint8Array {
  checkKeyAndNonce(key, nonce);
  if (sealed.length < XCHACHA_TAG_BYTES)
    throw new DecryptError("Ciphertext is shorter than its 16-byte authentication tag.");
  try {
    return xchacha20poly1305(key, nonce, aad).decrypt(sealed);
  } catch (cause) {
    throw new DecryptError("Ciphertext did not authenticate: wrong key, or the data or its context was modified.", {
      cause,
    });
  }
}
