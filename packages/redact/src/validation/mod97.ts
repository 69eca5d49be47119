/** The remainder mod 97 of a string of digits and letters (A=10 ... Z=35), as ISO 7064 uses for IBANs. */
export function mod97(value: string): number {
  let rest = 0;
  for (const ch of value) {
    const code = ch.charCodeAt(0);
    const n = code >= 65 && code <= 90 ? code - 55 : code - 48;
    rest = n >= 10 ? (rest * 100 + n) % 97 : (rest * 10 + n) % 97;
  }
  return rest;
}
