// Which scripts a text holds, as bits, read once per text by a loop over its characters. Patterns written for one
// script test their bit before their own `requires` regex: most texts hold none of those scripts, and a regex that
// never runs on them is never compiled for them. That matters in a long-lived process: V8 compiles every regex it has
// not seen, for one-byte and for two-byte strings apart, and once the process holds 16 MB of machine code the
// regexes it compiles after that run without their optimizations (see smallRegexCode).

export const CYRILLIC = 1 << 0;
export const GREEK = 1 << 1;
export const ARMENIAN = 1 << 2;
export const HEBREW = 1 << 3;
export const ARABIC = 1 << 4;
export const DEVANAGARI = 1 << 5;
export const BENGALI = 1 << 6;
export const GURMUKHI = 1 << 7;
export const GUJARATI = 1 << 8;
export const TAMIL = 1 << 9;
export const TELUGU = 1 << 10;
export const KANNADA = 1 << 11;
export const MALAYALAM = 1 << 12;
export const SINHALA = 1 << 13;
export const THAI = 1 << 14;
export const LAO = 1 << 15;
export const GEORGIAN = 1 << 16;
export const ETHIOPIC = 1 << 17;
export const KHMER = 1 << 18;
export const KANA = 1 << 19;
export const HAN = 1 << 20;
export const HANGUL = 1 << 21;

// The bit of each 128-character block of the BMP (0 for blocks of none of the scripts above).
const BLOCK_BITS = (() => {
  const bits = new Int32Array(512);
  const mark = (from: number, to: number, bit: number) => {
    for (let b = from >> 7; b <= to >> 7; b++) bits[b] = bits[b]! | bit;
  };
  mark(0x0370, 0x03ff, GREEK);
  mark(0x0400, 0x04ff, CYRILLIC);
  mark(0x0500, 0x057f, ARMENIAN);
  mark(0x0580, 0x05ff, HEBREW);
  mark(0x0600, 0x06ff, ARABIC);
  mark(0x0900, 0x097f, DEVANAGARI);
  mark(0x0980, 0x09ff, BENGALI);
  mark(0x0a00, 0x0a7f, GURMUKHI);
  mark(0x0a80, 0x0aff, GUJARATI);
  mark(0x0b80, 0x0bff, TAMIL);
  mark(0x0c00, 0x0c7f, TELUGU);
  mark(0x0c80, 0x0cff, KANNADA);
  mark(0x0d00, 0x0d7f, MALAYALAM);
  mark(0x0d80, 0x0dff, SINHALA);
  mark(0x0e00, 0x0e7f, THAI);
  mark(0x0e80, 0x0eff, LAO);
  mark(0x1080, 0x10ff, GEORGIAN);
  mark(0x1200, 0x137f, ETHIOPIC);
  mark(0x1780, 0x17ff, KHMER);
  mark(0x3000, 0x30ff, KANA);
  mark(0x4e00, 0x9fff, HAN);
  mark(0xac00, 0xd7ff, HANGUL);
  return bits;
})();

let lastText: string | undefined;
let lastBits = 0;

/** The bits of the scripts above that `text` holds (any character of their block). */
export function scriptBlocks(text: string): number {
  if (text === lastText) return lastBits;
  let bits = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x0370) bits |= BLOCK_BITS[c >> 7]!;
  }
  lastText = text;
  lastBits = bits;
  return bits;
}

/**
 * A `requires` test for a pattern of one script (or a few): the script's bits first, then the pattern's own test,
 * which a text without the script never reaches.
 */
export function inScript(mask: number, test: RegExp): (text: string) => boolean {
  return (text) => (scriptBlocks(text) & mask) !== 0 && test.test(text);
}
