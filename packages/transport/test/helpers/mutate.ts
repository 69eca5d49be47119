/** A copy of `bytes` with one bit flipped (bit 0 is the lowest bit of byte 0). */
export function flipBit(bytes: Uint8Array, bit: number): Uint8Array {
  const out = bytes.slice();
  out[bit >> 3] = (out[bit >> 3] ?? 0) ^ (1 << (bit & 7));
  return out;
}

/** A copy of `bytes` with the lowest bit of byte `index` flipped. */
export function flipByte(bytes: Uint8Array, index: number): Uint8Array {
  return flipBit(bytes, index * 8);
}
