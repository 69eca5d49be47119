import { ed25519 } from "@noble/curves/ed25519.js";
import { InvalidKeyError } from "../errors/invalid-key-error";
import { SignatureError } from "../errors/signature-error";

/** An Ed25519 key pair for signatures. */
export interface Ed25519KeyPair {
  secretKey: Uint8Array;
  publicKey: Uint8Array;
}

/** A fresh random Ed25519 key pair. */
export function generateEd25519KeyPair(): Ed25519KeyPair {
  const { secretKey, publicKey } = ed25519.keygen();
  return { secretKey, publicKey };
}

/** The public key that belongs to a 32-byte Ed25519 secret key (seed). */
export function ed25519PublicKey(secretKey: Uint8Array): Uint8Array {
  if (secretKey.length !== 32) throw new InvalidKeyError(`An Ed25519 secret key is 32 bytes, got ${secretKey.length}.`);
  return ed25519.getPublicKey(secretKey);
}

/** An Ed25519 signature (RFC 8032) of `message`. */
export function ed25519Sign(secretKey: Uint8Array, message: Uint8Array): Uint8Array {
  if (secretKey.length !== 32) throw new InvalidKeyError(`An Ed25519 secret key is 32 bytes, got ${secretKey.length}.`);
  return ed25519.sign(message, secretKey);
}

/**
 * Strict RFC 8032 verification (no ZIP-215 leniency: non-canonical encodings are refused, so one message has
 * one valid signature encoding per key). Throws {@link SignatureError}; never returns false.
 */
export function ed25519Verify(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): void {
  let ok = false;
  if (publicKey.length === 32 && signature.length === 64) {
    try {
      ok = ed25519.verify(signature, message, publicKey, { zip215: false });
    } catch {
      ok = false;
    }
  }
  if (!ok) throw new SignatureError("Signature does not verify for this public key and message.");
}
