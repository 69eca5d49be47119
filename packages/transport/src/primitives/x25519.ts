import { x25519 } from "@noble/curves/ed25519.js";
import { InvalidKeyError } from "../errors/invalid-key-error";

/** An X25519 key pair for key agreement. */
export interface X25519KeyPair {
  secretKey: Uint8Array;
  publicKey: Uint8Array;
}

/** A fresh random X25519 key pair. */
export function generateX25519KeyPair(): X25519KeyPair {
  const { secretKey, publicKey } = x25519.keygen();
  return { secretKey, publicKey };
}

/** The public key that belongs to a 32-byte X25519 secret key. */
export function x25519PublicKey(secretKey: Uint8Array): Uint8Array {
  if (secretKey.length !== 32) throw new InvalidKeyError(`An X25519 secret key is 32 bytes, got ${secretKey.length}.`);
  return x25519.getPublicKey(secretKey);
}

/**
 * Diffie-Hellman over Curve25519. Rejects public keys of the wrong length and low-order points, whose shared
 * secret is all zeros and would let an attacker force a known key.
 */
export function x25519SharedSecret(secretKey: Uint8Array, publicKey: Uint8Array): Uint8Array {
  if (secretKey.length !== 32) throw new InvalidKeyError(`An X25519 secret key is 32 bytes, got ${secretKey.length}.`);
  if (publicKey.length !== 32) throw new InvalidKeyError(`An X25519 public key is 32 bytes, got ${publicKey.length}.`);
  let shared: Uint8Array;
  try {
    shared = x25519.getSharedSecret(secretKey, publicKey);
  } catch (cause) {
    throw new InvalidKeyError("X25519 public key is invalid (a low-order point gives no shared secret).", { cause });
  }
  if (shared.every((b) => b === 0))
    throw new InvalidKeyError("X25519 public key is a low-order point: no shared secret.");
  return shared;
}
