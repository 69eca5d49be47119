import { InvalidFormatError } from "./errors/invalid-format-error";

/** Reads a binary format front to back; any read past the end throws {@link InvalidFormatError} naming `what`. */
export class ByteReader {
  #offset = 0;
  readonly #bytes: Uint8Array;
  readonly #what: string;

  constructor(bytes: Uint8Array, what: string) {
    this.#bytes = bytes;
    this.#what = what;
  }

  get offset(): number {
    return this.#offset;
  }

  get remaining(): number {
    return this.#bytes.length - this.#offset;
  }

  bytes(length: number): Uint8Array {
    if (length < 0 || this.#offset + length > this.#bytes.length) {
      throw new InvalidFormatError(
        `${this.#what} is truncated: ${length} more bytes expected at offset ${this.#offset}.`,
      );
    }
    const out = this.#bytes.subarray(this.#offset, this.#offset + length);
    this.#offset += length;
    return out;
  }

  u8(): number {
    return this.bytes(1)[0] ?? 0;
  }

  u32(): number {
    const b = this.bytes(4);
    return new DataView(b.buffer, b.byteOffset, 4).getUint32(0, false);
  }

  /** The rest of the input. */
  rest(): Uint8Array {
    return this.bytes(this.remaining);
  }

  /** Throws unless every byte was read: trailing bytes mean the input is not what it claims to be. */
  end(): void {
    if (this.remaining !== 0)
      throw new InvalidFormatError(`${this.#what} has ${this.remaining} unexpected trailing bytes.`);
  }
}
