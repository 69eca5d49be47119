// Byte helpers shared by every module. Re-exported from noble so the package uses one implementation.

export { bytesToUtf8, equalBytes } from "@noble/ciphers/utils.js";
export { bytesToHex, concatBytes, hexToBytes, randomBytes, utf8ToBytes } from "@noble/hashes/utils.js";

/** A 4-byte big-endian unsigned integer. */
export function u32be(value: number): Uint8Array {
  const out = new Uint8Array(4);
  new DataView(out.buffer).setUint32(0, value, false);
  return out;
}

/** An 8-byte big-endian unsigned integer; accepts numbers up to 2^53 - 1 and bigints up to 2^64 - 1. */
export function u64be(value: number | bigint): Uint8Array {
  const out = new Uint8Array(8);
  new DataView(out.buffer).setBigUint64(0, BigInt(value), false);
  return out;
}

/** Overwrites a buffer with zeros. JavaScript may still hold copies elsewhere: see the threat model. */
export function wipe(...buffers: Uint8Array[]): void {
  for (const b of buffers) b.fill(0);
}
