import { deriveDocumentKey } from "./derive-key";
import { InvalidFormatError } from "./errors/invalid-format-error";
import { InvalidKeyError } from "./errors/invalid-key-error";
import { UnknownEpochError } from "./errors/unknown-epoch-error";
import { randomBytes, u32be } from "./primitives/bytes";

const VERSION = 1;
const MAX_EPOCH = 0xffff_ffff;

/**
 * The space keys of every epoch a device knows. New entries use the current (highest) epoch; old epochs stay so
 * old entries remain readable. Rotating (after a device is removed) adds a fresh random key, never one derived
 * from an older key or the root secret, so a removed device cannot compute it.
 */
export class KeyRing {
  readonly #keys = new Map<number, Uint8Array>();
  #current = -1;

  private constructor() {}

  /** A new ring with one epoch (0), holding `initialKey` or a fresh random key. */
  static create(initialKey: Uint8Array = randomBytes(32)): KeyRing {
    const ring = new KeyRing();
    ring.add(0, initialKey);
    return ring;
  }

  /** The epoch new entries are sealed under. */
  get currentEpoch(): number {
    return this.#current;
  }

  /** Every epoch held, oldest first. */
  get epochs(): number[] {
    return [...this.#keys.keys()].sort((a, b) => a - b);
  }

  /** Adds a key received for `epoch` (from an enrollment or a rotation); the highest epoch becomes current. */
  add(epoch: number, key: Uint8Array): void {
    if (!Number.isInteger(epoch) || epoch < 0 || epoch > MAX_EPOCH)
      throw new InvalidKeyError(`Epoch ${epoch} is not a 32-bit unsigned integer.`);
    if (key.length !== 32) throw new InvalidKeyError("A space key must be 32 bytes.");
    this.#keys.set(epoch, key.slice());
    this.#current = Math.max(this.#current, epoch);
  }

  /** Starts a new epoch with a fresh random key and returns its number. */
  rotate(): number {
    const next = this.#current + 1;
    this.add(next, randomBytes(32));
    return next;
  }

  /** The space key of `epoch`; throws {@link UnknownEpochError} if this ring never received it. */
  spaceKey(epoch: number = this.#current): Uint8Array {
    const key = this.#keys.get(epoch);
    if (!key)
      throw new UnknownEpochError(
        `No space key for epoch ${epoch}; this device was enrolled later or the key was not shared with it.`,
      );
    return key;
  }

  /** The key of one document under `epoch` (default: current). */
  documentKey(documentId: string, epoch: number = this.#current): Uint8Array {
    return deriveDocumentKey(this.spaceKey(epoch), documentId);
  }

  /** A copy holding only the epochs from `fromEpoch` on (what a newly enrolled device may be given). */
  since(fromEpoch: number): KeyRing {
    const ring = new KeyRing();
    for (const [epoch, key] of this.#keys) if (epoch >= fromEpoch) ring.add(epoch, key);
    if (ring.#current < 0) throw new UnknownEpochError(`This ring holds no epoch at or after ${fromEpoch}.`);
    return ring;
  }

  /** Binary form: version byte, count, then (epoch u32, key 32 bytes) per epoch. Secret: seal it before storing. */
  toBytes(): Uint8Array {
    const epochs = this.epochs;
    const out = new Uint8Array(1 + 4 + epochs.length * 36);
    out[0] = VERSION;
    out.set(u32be(epochs.length), 1);
    epochs.forEach((epoch, i) => {
      out.set(u32be(epoch), 5 + i * 36);
      out.set(this.spaceKey(epoch), 9 + i * 36);
    });
    return out;
  }

  /** Parses {@link KeyRing.toBytes}; throws {@link InvalidFormatError} on anything else. */
  static fromBytes(bytes: Uint8Array): KeyRing {
    if (bytes[0] !== VERSION) throw new InvalidFormatError(`Key ring version ${bytes[0]} is not supported.`);
    if (bytes.length < 5) throw new InvalidFormatError("Key ring is truncated.");
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const count = view.getUint32(1, false);
    if (count === 0 || bytes.length !== 5 + count * 36)
      throw new InvalidFormatError("Key ring length does not match its count.");
    const ring = new KeyRing();
    for (let i = 0; i < count; i++) {
      const epoch = view.getUint32(5 + i * 36, false);
      if (ring.#keys.has(epoch)) throw new InvalidFormatError(`Key ring lists epoch ${epoch} twice.`);
      ring.add(epoch, bytes.subarray(9 + i * 36, 41 + i * 36));
    }
    return ring;
  }
}
