import { createPublicKey, type KeyObject, verify } from "node:crypto";

// DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410): what node:crypto takes a raw 32-byte key in.
const SPKI_PREFIX = Buffer.from("302a300506032b6570032100", "hex");
const MAX_CACHED_KEYS = 10_000;

/**
 * Ed25519 verification through node:crypto (OpenSSL): about fifteen times faster than the pure-JavaScript
 * primitive, which matters because the relay checks at least two signatures per append (the request and each
 * entry). Every check runs on libuv's thread pool, never on the event loop: an append waits for a durable commit
 * anyway, so what bounds appends per second is how fast a burst of requests gets through to the group commit, and on
 * the pool the checks of concurrent requests (and of the entries of one request) run side by side on every core
 * while the event loop parses the next requests. Only keys the relay already verified with `@hearth/transport` (from
 * a genesis or a grant) reach it; they are parsed once and cached.
 */
export class Ed25519Verifier {
  readonly #keys = new Map<string, KeyObject>();

  /** Resolves true when `signature` is a valid signature of `message` by the 32-byte `publicKey`. Never rejects. */
  verifies(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): Promise<boolean> {
    if (publicKey.length !== 32 || signature.length !== 64) return Promise.resolve(false);
    return new Promise((resolve) => {
      try {
        verify(null, message, this.#key(publicKey), signature, (error, ok) => resolve(!error && ok));
      } catch {
        resolve(false);
      }
    });
  }

  #key(publicKey: Uint8Array): KeyObject {
    const id = Buffer.from(publicKey.buffer, publicKey.byteOffset, publicKey.byteLength).toString("hex");
    let key = this.#keys.get(id);
    if (!key) {
      key = createPublicKey({ key: Buffer.concat([SPKI_PREFIX, publicKey]), format: "der", type: "spki" });
      if (this.#keys.size >= MAX_CACHED_KEYS) this.#keys.clear();
      this.#keys.set(id, key);
    }
    return key;
  }
}
