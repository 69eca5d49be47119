// The zero of each script's decimal digits that people write phone numbers and dates in: Arabic-Indic, Persian,
// Devanagari, Bengali, Gurmukhi, Gujarati, Tamil, Telugu, Kannada, Malayalam, Thai, Lao, Myanmar, Khmer and
// fullwidth. Each digit is one UTF-16 unit, as its ASCII digit is.
const ZEROS = [
  0x0660, 0x06f0, 0x0966, 0x09e6, 0x0a66, 0x0ae6, 0x0be6, 0x0c66, 0x0ce6, 0x0d66, 0x0e50, 0x0ed0, 0x1040, 0x17e0,
  0xff10,
];

/** Whether a UTF-16 unit is an ASCII digit, 0 to 9. */
export function isAsciiDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** The ASCII digit a UTF-16 unit stands for, or -1 when it is no digit of the scripts above. */
function digitOf(c: number): number {
  for (const zero of ZEROS) if (c >= zero && c <= zero + 9) return c - zero;
  return -1;
}

/**
 * `text` with the digits of other scripts written as ASCII digits ("۰۲۱-۲۲۰۷۴۴۱۸" becomes "021-22074418"), so that
 * patterns written with `\d` read them. Offsets are kept: each digit is one unit either way. The same string when
 * there is nothing to change, which most text has not.
 */
export function asciiDigits(text: string): string {
  let out = "";
  // Where the text not yet copied to `out` starts; 0 and `out` empty until the first digit to change.
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < ZEROS[0]!) continue;
    const d = digitOf(c);
    if (d < 0) continue;
    out += text.slice(from, i) + String.fromCharCode(48 + d);
    from = i + 1;
  }
  return from === 0 ? text : out + text.slice(from);
}
