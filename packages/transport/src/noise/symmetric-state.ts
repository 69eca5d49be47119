import { sha256 } from "@noble/hashes/sha2.js";
import { concatBytes, utf8ToBytes, wipe } from "../primitives/bytes";
import { CipherState } from "./cipher-state";
import { noiseHkdf } from "./noise-hkdf";

/** SHA-256 output length, HASHLEN in the Noise spec. */
const HASH_LENGTH = 32;
const EMPTY = new Uint8Array(0);

/**
 * Noise SymmetricState (§5.2) for SHA-256: the chaining key `ck`, the handshake hash `h`, and the CipherState
 * that encrypts handshake payloads.
 */
export class SymmetricState {
  #chainingKey: Uint8Array;
  #hash: Uint8Array;
  readonly #cipher = new CipherState();

  /** InitializeSymmetric(protocol_name). */
  constructor(protocolName: string) {
    const name = utf8ToBytes(protocolName);
    if (name.length <= HASH_LENGTH) {
      this.#hash = new Uint8Array(HASH_LENGTH);
      this.#hash.set(name);
    } else {
      this.#hash = sha256(name);
    }
    this.#chainingKey = this.#hash.slice();
  }

  /** Whether handshake payloads are encrypted yet. */
  hasKey(): boolean {
    return this.#cipher.hasKey();
  }

  /** MixKey: feeds a DH output into the chaining key and sets a new cipher key. */
  mixKey(inputKeyMaterial: Uint8Array): void {
    const [chainingKey, tempKey] = noiseHkdf(this.#chainingKey, inputKeyMaterial, 2);
    wipe(this.#chainingKey);
    this.#chainingKey = chainingKey;
    this.#cipher.initializeKey(tempKey);
    wipe(tempKey);
  }

  /** MixHash: h = SHA256(h || data). */
  mixHash(data: Uint8Array): void {
    this.#hash = sha256(concatBytes(this.#hash, data));
  }

  /** MixKeyAndHash: feeds a pre-shared key into both the chaining key and the handshake hash. */
  mixKeyAndHash(inputKeyMaterial: Uint8Array): void {
    const [chainingKey, tempHash, tempKey] = noiseHkdf(this.#chainingKey, inputKeyMaterial, 3);
    wipe(this.#chainingKey);
    this.#chainingKey = chainingKey;
    this.mixHash(tempHash);
    this.#cipher.initializeKey(tempKey);
    wipe(tempKey);
  }

  /** A copy of the handshake hash `h`. */
  getHandshakeHash(): Uint8Array {
    return this.#hash.slice();
  }

  /** EncryptAndHash: encrypts with `h` as associated data (if a key is set), then mixes the ciphertext into `h`. */
  encryptAndHash(plaintext: Uint8Array): Uint8Array {
    const ciphertext = this.#cipher.encryptWithAd(this.#hash, plaintext);
    this.mixHash(ciphertext);
    return ciphertext;
  }

  /** DecryptAndHash: the inverse of {@link encryptAndHash}; throws DecryptError if the ciphertext is not authentic. */
  decryptAndHash(ciphertext: Uint8Array): Uint8Array {
    const plaintext = this.#cipher.decryptWithAd(this.#hash, ciphertext);
    this.mixHash(ciphertext);
    return plaintext;
  }

  /**
   * Split: derives the two transport ciphers, initiator-to-responder first. Wipes the chaining key, so it can be
   * called once.
   */
  split(): [CipherState, CipherState] {
    const [key1, key2] = noiseHkdf(this.#chainingKey, EMPTY, 2);
    wipe(this.#chainingKey);
    this.#cipher.destroy();
    const pair: [CipherState, CipherState] = [new CipherState(key1), new CipherState(key2)];
    wipe(key1, key2);
    return pair;
  }
}
