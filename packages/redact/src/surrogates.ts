// The two halves of a character outside the BMP, as UTF-16 stores it: a high surrogate, then a low one.

/** Whether a UTF-16 unit is a high surrogate, the first half of a character outside the BMP. */
export function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

/** Whether a UTF-16 unit is a low surrogate, the second half of a character outside the BMP. */
export function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}
