import { ChannelError } from "../errors/channel-error";
import { DecryptError } from "../errors/decrypt-error";
import { InvalidKeyError } from "../errors/invalid-key-error";
import { wipe } from "../primitives/bytes";
import { chachaDecrypt, chachaEncrypt } from "../primitives/chacha20-poly1305";
import { NOISE_TAG_LENGTH } from "./max-message-length";

/** 2^64 - 1: reserved by Noise §5.1 for {@link CipherState.rekey}, never used for a message. */
const MAX_NONCE = 0xffff_ffff_ffff_ffffn;
const EMPTY = new Uint8Array(0);
const ZEROS_32 = new Uint8Array(32);

/** ChaChaPoly nonce of Noise §12.3: 32 bits of zeros, then the 64-bit counter little-endian. */
function chachaPolyNonce(n: bigint): Uint8Array {
  const nonce = new Uint8Array(12);
  new DataView(nonce.buffer).setBigUint64(4, n, true);
  return nonce;
}

/**
 * Noise CipherState (§5.1) for ChaChaPoly: a key and a 64-bit message counter used as the nonce.
 * Without a key it passes bytes through unchanged, as the handshake requires before the first DH.
 */
export class CipherState {
  #key: Uint8Array | undefined;
  #nonce = 0n;
  #destroyed = false;

  /** A cipher with `key`, or an empty one that passes bytes through. */
  constructor(key?: Uint8Array) {
    if (key !== undefined) this.initializeKey(key);
  }

  /** Sets a new 32-byte key (or clears it) and resets the counter to 0. */
  initializeKey(key: Uint8Array | undefined): void {
    this.#checkUsable();
    if (key !== undefined && key.length !== 32) {
      throw new InvalidKeyError(`A Noise cipher key is 32 bytes, got ${key.length}.`);
    }
    if (this.#key !== undefined) wipe(this.#key);
    this.#key = key === undefined ? undefined : key.slice();
    this.#nonce = 0n;
  }

  /** Whether a key is set, i.e. whether payloads are encrypted. */
  hasKey(): boolean {
    return this.#key !== undefined;
  }

  /** The counter the next message will use. */
  get nonce(): bigint {
    return this.#nonce;
  }

  /** Moves the counter, e.g. for out-of-band nonces; never reuse a nonce with the same key. */
  setNonce(nonce: bigint): void {
    if (nonce < 0n || nonce > MAX_NONCE) throw new ChannelError("A Noise nonce is a 64-bit unsigned integer.");
    this.#nonce = nonce;
  }

  /** Encrypts `plaintext` bound to `ad` and advances the counter; returns ciphertext followed by the 16-byte tag. */
  encryptWithAd(ad: Uint8Array, plaintext: Uint8Array): Uint8Array {
    this.#checkUsable();
    if (this.#key === undefined) return plaintext.slice();
    this.#checkNonce();
    const ciphertext = chachaEncrypt(this.#key, chachaPolyNonce(this.#nonce), plaintext, ad);
    this.#nonce += 1n;
    return ciphertext;
  }

  /**
   * Authenticates and decrypts `ciphertext` bound to `ad`. On failure throws {@link DecryptError} and leaves the
   * counter where it was, so a forged message cannot desynchronise the two sides.
   */
  decryptWithAd(ad: Uint8Array, ciphertext: Uint8Array): Uint8Array {
    this.#checkUsable();
    if (this.#key === undefined) return ciphertext.slice();
    this.#checkNonce();
    if (ciphertext.length < NOISE_TAG_LENGTH) {
      throw new DecryptError("Noise ciphertext is shorter than its 16-byte authentication tag.");
    }
    let plaintext: Uint8Array;
    try {
      plaintext = chachaDecrypt(this.#key, chachaPolyNonce(this.#nonce), ciphertext, ad);
    } catch (cause) {
      const message = "Noise ciphertext did not authenticate: wrong key, or it was modified, replayed or reordered.";
      throw new DecryptError(message, { cause });
    }
    this.#nonce += 1n;
    return plaintext;
  }

  /**
   * REKEY of Noise §4.2 and §11.3: the new key is the first 32 bytes of encrypting 32 zero bytes under nonce
   * 2^64 - 1, so both sides derive it without talking. The counter is not reset.
   */
  rekey(): void {
    if (this.#key === undefined) throw new InvalidKeyError("Cannot rekey a Noise cipher that has no key.");
    const sealed = chachaEncrypt(this.#key, chachaPolyNonce(MAX_NONCE), ZEROS_32, EMPTY);
    wipe(this.#key);
    this.#key = sealed.slice(0, 32);
    wipe(sealed);
  }

  /** Forgets the key; every later use throws instead of silently passing bytes through. */
  destroy(): void {
    if (this.#key !== undefined) wipe(this.#key);
    this.#key = undefined;
    this.#destroyed = true;
  }

  #checkUsable(): void {
    if (this.#destroyed) throw new ChannelError("This Noise cipher was destroyed: its channel is closed.");
  }

  #checkNonce(): void {
    if (this.#nonce >= MAX_NONCE) {
      throw new ChannelError("Noise nonce space is exhausted: run a new handshake.");
    }
  }
}
