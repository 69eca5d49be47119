import { chacha20poly1305 } from "@noble/ciphers/chacha.js";
import { DecryptError } from "../errors/decrypt-error";
import { InvalidKeyError } from "../errors/invalid-key-error";

function check(key: Uint8Array, nonce: Uint8Array): void {
  if (key.length !== 32) throw new InvalidKeyError(`ChaCha20-Poly1305 needs a 32-byte key, got ${key.length} bytes.`);
  if (nonce.length !== 12)
    throw new InvalidKeyError(`ChaCha20-Poly1305 needs a 12-byte nonce, got ${nonce.length} bytes.`);
}

/**
 * ChaCha20-Poly1305 (RFC 8439) with a 12-byte nonce: what Noise's ChaChaPoly cipher uses, with a counter as the
 * nonce. Everything else in Hearth uses XChaCha20-Poly1305, whose nonces may be random.
 */
export function chachaEncrypt(key: Uint8Array, nonce: Uint8Array, plaintext: Uint8Array, aad?: Uint8Array): Uint8Array {
  check(key, nonce);
  return chacha20poly1305(key, nonce, aad).encrypt(plaintext);
}

/** Verifies and decrypts ChaCha20-Poly1305; throws {@link DecryptError} on any mismatch. */
export function chachaDecrypt(key: Uint8Array, nonce: Uint8Array, sealed: Uint8Array, aad?: Uint8Array): Uint8Array {
  check(key, nonce);
  if (sealed.length < 16) throw new DecryptError("Ciphertext is shorter than its 16-byte authentication tag.");
  try {
    return chacha20poly1305(key, nonce, aad).decrypt(sealed);
  } catch (cause) {
    throw new DecryptError("Ciphertext did not authenticate: wrong key, or the data or its context was modified.", {
      cause,
    });
  }
}
