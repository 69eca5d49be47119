/** IEEE 754 half precision bits from a float32 value (round to nearest even; overflow to infinity). */
export function toHalfBits(value: number): number {
  const f32 = new Float32Array([value]);
  const bits = new Uint32Array(f32.buffer)[0] ?? 0;
  const sign = (bits >>> 16) & 0x8000;
  const exp = (bits >>> 23) & 0xff;
  const mant = bits & 0x7fffff;
  if (exp === 0xff) return sign | 0x7c00 | (mant ? 0x200 : 0);
  const e = exp - 127 + 15;
  if (e >= 0x1f) return sign | 0x7c00;
  if (e <= 0) {
    if (e < -10) return sign;
    const m = (mant | 0x800000) >>> (1 - e);
    return sign | ((m + 0xfff + ((m >>> 13) & 1)) >>> 13);
  }
  return (sign | (e << 10)) + ((mant + 0xfff + ((mant >>> 13) & 1)) >>> 13);
}

/** The float32 value of IEEE 754 half precision bits. */
export function fromHalfBits(bits: number): number {
  const sign = bits & 0x8000 ? -1 : 1;
  const exp = (bits >>> 10) & 0x1f;
  const mant = bits & 0x3ff;
  if (exp === 0) return sign * mant * 2 ** -24;
  if (exp === 0x1f) return mant ? Number.NaN : sign * Number.POSITIVE_INFINITY;
  return sign * (1 + mant / 1024) * 2 ** (exp - 15);
}

/** The smallest half precision value >= a positive finite `value` (its bits), so a scale rounded to it never shrinks. */
export function halfBitsAtLeast(value: number): number {
  let bits = toHalfBits(value);
  if (fromHalfBits(bits) < value) bits++;
  return bits;
}
