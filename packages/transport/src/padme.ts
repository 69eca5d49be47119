import { InvalidFormatError } from "./errors/invalid-format-error";

/**
 * The PADME padded length of `length` bytes (Nikitin et al., "Reducing Metadata Leakage from Encrypted Files
 * and Communication with PURBs", 2019): at most 12% overhead, and only O(log log L) bits of the size leak.
 */
export function padmeLength(length: number): number {
  if (length < 2) return length;
  const e = Math.floor(Math.log2(length));
  const s = Math.floor(Math.log2(e)) + 1;
  const mask = 2 ** (e - s) - 1;
  // Bitwise operators stop at 32 bits; stay in floating point so sizes above 2 GiB work too.
  return Math.ceil(length / (mask + 1)) * (mask + 1);
}

/** Pads to the PADME length of `data.length + 1`: the data, one 0x80 byte, then zeros (ISO/IEC 7816-4). */
export function padme(data: Uint8Array): Uint8Array {
  const out = new Uint8Array(padmeLength(data.length + 1));
  out.set(data);
  out[data.length] = 0x80;
  return out;
}

/** Removes {@link padme} padding; throws {@link InvalidFormatError} if there is no 0x80 marker after the data. */
export function unpadme(padded: Uint8Array): Uint8Array {
  let i = padded.length - 1;
  while (i >= 0 && padded[i] === 0) i--;
  if (i < 0 || padded[i] !== 0x80) throw new InvalidFormatError("Padded plaintext has no end marker.");
  return padded.subarray(0, i);
}
