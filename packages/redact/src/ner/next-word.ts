const LETTER_OR_MARK = /^[\p{L}\p{M}]$/u;
// Whether each UTF-16 unit below 0x10000 is a letter or mark: 0 not yet known, 1 yes, 2 no. Filled on first sight,
// so a text costs one property lookup per distinct character instead of a regex step per character.
const bmp = new Uint8Array(0x10000);

function letterOrMark(cp: number): boolean {
  if (cp < 0x80) return (cp >= 65 && cp <= 90) || (cp >= 97 && cp <= 122);
  if (cp >= 0x10000) return LETTER_OR_MARK.test(String.fromCodePoint(cp));
  let known = bmp[cp]!;
  if (known === 0) {
    known = LETTER_OR_MARK.test(String.fromCharCode(cp)) ? 1 : 2;
    bmp[cp] = known;
  }
  return known === 1;
}

function codePointAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
    const d = text.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return (c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000;
  }
  return c;
}

// Inside a word: letters, marks, apostrophes and hyphens.
function inWord(cp: number): boolean {
  return cp === 39 || cp === 0x2019 || cp === 45 || letterOrMark(cp);
}

const MAX_INNER = 41;

/**
 * The next word at or after `from`, as the regex `/[\p{L}\p{M}](?:[\p{L}\p{M}'’-]{0,40}[\p{L}\p{M}])?\.?/gu` would
 * find it from `lastIndex = from`: a letter or mark, then up to 41 letters, marks, apostrophes or hyphens ending on a
 * letter or mark, then one optional dot. Writes `[start, end]` into `span` and returns true, or returns false when no
 * word is left. A scan of character codes: the name pass calls it for every word of every message.
 */
export function nextWord(text: string, from: number, span: [number, number]): boolean {
  const n = text.length;
  let start = from;
  let cp = 0;
  while (start < n) {
    cp = codePointAt(text, start);
    if (letterOrMark(cp)) break;
    start += cp >= 0x10000 ? 2 : 1;
  }
  if (start >= n) return false;
  let at = start + (cp >= 0x10000 ? 2 : 1);
  let end = at;
  for (let k = 0; k < MAX_INNER && at < n; k++) {
    const c = codePointAt(text, at);
    if (!inWord(c)) break;
    at += c >= 0x10000 ? 2 : 1;
    if (c !== 39 && c !== 0x2019 && c !== 45) end = at;
  }
  if (text.charCodeAt(end) === 46) end++;
  span[0] = start;
  span[1] = end;
  return true;
}
