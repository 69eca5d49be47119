// A few function words per language: enough to tell which national numbering plan a message most likely uses
// when the caller did not say, at the cost of one pass over its words.
export const LANGUAGE_WORDS: Readonly<Record<string, ReadonlySet<string>>> = {
  en: new Set("the and you is are to of for with my me your please call thanks".split(" ")),
  de: new Set("und der die das ist nicht ich mit für wir bitte sie auf dem den ein eine".split(" ")),
  fr: new Set("le la les et est je vous pour avec une des du mon merci appelle".split(" ")),
  es: new Set("el la los las y es que por para con una mi gracias llama del".split(" ")),
  it: new Set("il lo gli e è che per con una mio grazie chiama della sono".split(" ")),
  nl: new Set("de het een en is niet ik met voor wij je bel mijn bedankt".split(" ")),
  pt: new Set("o os as e é que para com uma meu obrigado obrigada liga não você".split(" ")),
};
// Word to the languages it marks, built once: the scan below then does one map read per word.
const WORD_LANGUAGES = new Map<string, string[]>();
for (const [lang, words] of Object.entries(LANGUAGE_WORDS))
  for (const w of words) WORD_LANGUAGES.set(w, [...(WORD_LANGUAGES.get(w) ?? []), lang]);
// Lower-casing never shortens a word, so a longer word is none of them and is not lower-cased at all.
const LONGEST_WORD = Math.max(...[...WORD_LANGUAGES.keys()].map((w) => w.length));
const HEAD = 2_000;

// Whether each UTF-16 unit is a letter (`\p{L}`), filled on first sight: 0 not yet known, 1 a letter, 2 not.
const kinds = new Uint8Array(0x10000);
const LETTER = /^\p{L}$/u;
// The lower case of each unit as one unit, filled on first sight: 0 not yet known, 0xffff when a word holding it is
// lower-cased otherwise than unit by unit (U+0130 becomes two units, a capital sigma depends on what follows).
const lowers = new Uint16Array(0x10000);
const ODD = 0xffff;

function lowerOf(c: number): number {
  if (c < 0x80) return c >= 65 && c <= 90 ? c | 32 : c;
  let l = lowers[c]!;
  if (l === 0) {
    const s = String.fromCharCode(c).toLowerCase();
    l = s.length === 1 && c !== 0x3a3 && c < 0xd800 ? s.charCodeAt(0) : ODD;
    lowers[c] = l;
  }
  return l;
}

// The function words by a hash of their letters, so that a text's words are looked up without a string each.
interface Entry {
  readonly word: string;
  readonly langs: readonly string[];
}
const byHash = new Map<number, Entry[]>();
// Which low 16 bits of a hash some function word has: most words of a text are ruled out without a map lookup.
const hashed = new Uint8Array(0x10000);
// Kept within 30 bits, so that hashes stay small integers: a map keyed by larger numbers hashes each lookup slowly.
function hashStep(h: number, c: number): number {
  return (Math.imul(h, 31) + c) & 0x3fffffff;
}
for (const [word, langs] of WORD_LANGUAGES) {
  let h = 0;
  for (let k = 0; k < word.length; k++) h = hashStep(h, word.charCodeAt(k));
  byHash.set(h, [...(byHash.get(h) ?? []), { word, langs }]);
  hashed[h & 0xffff] = 1;
}

/** How many units the letter at `i` takes (a surrogate pair is one code point), or 0 when it is no letter. */
function letterAt(text: string, i: number, end: number): number {
  const c = text.charCodeAt(i);
  if (c < 0x80) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) ? 1 : 0;
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < end) {
    const d = text.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return LETTER.test(text.slice(i, i + 2)) ? 2 : 0;
  }
  let k = kinds[c]!;
  if (k === 0) {
    // A lone surrogate is no letter: the regex reading of words (`\p{L}+` with the `u` flag) skips it too.
    k = LETTER.test(String.fromCharCode(c)) ? 1 : 2;
    kinds[c] = k;
  }
  return k === 1 ? 1 : 0;
}

/** The languages `text[start, end)` marks as a function word, compared in lower case. */
function languagesOf(text: string, start: number, end: number): readonly string[] | undefined {
  let h = 0;
  for (let k = start; k < end; k++) {
    const l = lowerOf(text.charCodeAt(k));
    // A letter that lower-cases otherwise than unit by unit, or a surrogate: the word as a string, the plain way.
    if (l === ODD) return WORD_LANGUAGES.get(text.slice(start, end).toLowerCase());
    h = hashStep(h, l);
  }
  if (hashed[h & 0xffff] === 0) return undefined;
  const entries = byHash.get(h);
  if (!entries) return undefined;
  for (const e of entries) {
    if (e.word.length !== end - start) continue;
    let k = 0;
    while (k < e.word.length && lowerOf(text.charCodeAt(start + k)) === e.word.charCodeAt(k)) k++;
    if (k === e.word.length) return e.langs;
  }
  return undefined;
}

/**
 * The language whose function words occur most often in the first 2,000 characters, if any occur at all (a tie goes
 * to the language seen first). Words are maximal runs of letters, read with a loop over the characters and looked up
 * by a hash of their lower case: a regex match and a lower-cased string per word cost more than the phone numbers
 * the guess helps to read.
 */
export function guessLanguage(text: string): string | undefined {
  const counts = new Map<string, number>();
  const end = Math.min(text.length, HEAD);
  let i = 0;
  while (i < end) {
    let w = letterAt(text, i, end);
    if (w === 0) {
      i++;
      continue;
    }
    const start = i;
    do {
      i += w;
      w = i < end ? letterAt(text, i, end) : 0;
    } while (w > 0);
    if (i - start > LONGEST_WORD) continue;
    const langs = languagesOf(text, start, i);
    if (langs) for (const lang of langs) counts.set(lang, (counts.get(lang) ?? 0) + 1);
  }
  let best: string | undefined;
  let most = 0;
  for (const [lang, n] of counts) if (n > most) [best, most] = [lang, n];
  return best;
}
