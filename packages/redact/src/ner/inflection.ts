// Written for this package: the base forms an inflected name or place may come from, so the lists, which hold
// nominatives ("Ольга", "Gdańsk", "Veera"), also know "Ольги", "w Gdańsku", "Veeralle". Candidates only: the
// caller keeps the first one its lists know, so a wrong guess costs a set lookup and nothing else.

// Russian and Ukrainian case endings, longest first, and the nominative endings a stem may take back.
const CYRILLIC_ENDINGS = [
  "ами",
  "ями",
  "ого",
  "его",
  "ому",
  "ему",
  "ові",
  "еві",
  "ою",
  "ею",
  "ой",
  "ей",
  "ом",
  "ем",
  "ам",
  "ям",
  "ах",
  "ях",
  "ым",
  "им",
  "ую",
  "а",
  "я",
  "у",
  "ю",
  "е",
  "и",
  "ы",
  "і",
  "ї",
];
const CYRILLIC_NOMINATIVE = ["", "а", "я", "й", "ь"];
// Polish and Czech case endings ("w Gdańsku", "Zosię", "Petrovi", "v Brně"), and Finnish ones ("Veeralle",
// "Helsingissä", "Annan"). Both are tried on any Latin word: the lists decide.
const WEST_SLAVIC_ENDINGS = ["owi", "ovi", "iem", "iu", "ie", "em", "ou", "ím", "ą", "ę", "ě", "u", "a", "y", "i", "e"];
const WEST_SLAVIC_NOMINATIVE = ["", "a", "o"];
const FINNISH_ENDINGS = ["ssa", "ssä", "sta", "stä", "lla", "llä", "lta", "ltä", "lle", "ksi", "hin", "na", "nä", "n"];
// Finnish consonant gradation, undone: "Helsingi-" is "Helsinki", "Mati-" is "Matti".
const GRADATION: readonly [RegExp, string][] = [
  [/ng(?=[aeiouyäö]$)/u, "nk"],
  [/mm(?=[aeiouyäö]$)/u, "mp"],
  [/nn(?=[aeiouyäö]$)/u, "nt"],
  [/ll(?=[aeiouyäö]$)/u, "lt"],
  [/rr(?=[aeiouyäö]$)/u, "rt"],
  [/([kptsl])(?=[aeiouyäö]$)/u, "$1$1"],
];
const MIN_STEM = 3;

/** Whether the word is written in Cyrillic (judged by its first letter). */
function cyrillic(word: string): boolean {
  const c = word.charCodeAt(0);
  return c >= 0x0400 && c <= 0x04ff;
}

/** Which Latin-script languages a text shows signs of, so their endings are tried on its words. */
export interface InflectingLanguages {
  /** Polish or Czech: a letter only they (and their neighbours) write, such as ą, ę, ł, ń, ś, ż, ě, ř, ů. */
  readonly westSlavic: boolean;
  /** Finnish: two or more of its common words. */
  readonly finnish: boolean;
}

const WEST_SLAVIC_LETTERS = /[ąćęłńśźżěčřůťďňĄĆĘŁŃŚŹŻĚČŘŮŤĎŇ]/u;
// Common Finnish words that are no words of English, German or Swedish ("ja", "on" are). Case-sensitive with an
// explicit capital: several times cheaper than the i flag, and the scan runs once per text that needs it.
const FINNISH_WORDS =
  /(?:^|[\s,.;:!?()"'])(?:[eE]ttä|[oO]vat|[oO]len|[oO]li|[oO]let|[kK]anssa|[kK]lo|[hH]ei|[mM]oi|[kK]iitos|[mM]inä|[sS]inä|[hH]än|[tT]ämä|[mM]utta|[mM]yös|[nN]ähdään|[hH]uomenna|[tT]änään|[vV]oitko|[oO]nko|[kK]un|[nN]iin|[vV]ielä)(?=[\s,.;:!?()"']|$)/g;

/**
 * The inflecting Latin-script languages `text` shows signs of (German, English, French text shows none). Each is
 * read the first time it is asked for.
 */
export function inflectingLanguages(text: string): InflectingLanguages {
  let westSlavic: boolean | undefined;
  let finnish: boolean | undefined;
  return {
    get westSlavic() {
      westSlavic ??= WEST_SLAVIC_LETTERS.test(text);
      return westSlavic;
    },
    get finnish() {
      finnish ??= (text.match(FINNISH_WORDS) ?? []).length >= 2;
      return finnish;
    },
  };
}

/**
 * Base forms `lower` (a lower-case word) may be an inflection of, likeliest first. Empty for words too short to
 * carry an ending. Cyrillic endings are always tried; Polish, Czech and Finnish ones only in text of that language,
 * since "Bonne" or "Jacke" would otherwise read as cases of "Bonn" and "Jack".
 */
export function baseForms(lower: string, languages: InflectingLanguages): string[] {
  if (lower.length < MIN_STEM + 1) return [];
  const out: string[] = [];
  if (cyrillic(lower)) {
    for (const ending of CYRILLIC_ENDINGS) {
      if (!lower.endsWith(ending)) continue;
      const stem = lower.slice(0, -ending.length);
      if (stem.length < MIN_STEM - 1) continue;
      for (const n of CYRILLIC_NOMINATIVE) out.push(stem + n);
    }
    return out;
  }
  for (const ending of WEST_SLAVIC_ENDINGS) {
    if (!lower.endsWith(ending) || !languages.westSlavic) continue;
    const stem = lower.slice(0, -ending.length);
    if (stem.length < MIN_STEM) continue;
    for (const n of WEST_SLAVIC_NOMINATIVE) out.push(stem + n);
    // Polish ó turns to o in the other cases: "w Krakowie" is "Kraków".
    const o = stem.replace(/o(?=[^aeiouyó]+$)/u, "ó");
    if (o !== stem) out.push(o);
    if (ending === "ę" || ending === "ą") out.push(`${stem}ia`);
  }
  for (const ending of FINNISH_ENDINGS) {
    if (!lower.endsWith(ending) || !languages.finnish) continue;
    let stem = lower.slice(0, -ending.length);
    if (stem.length < MIN_STEM) continue;
    // "Tampereella": the stem's vowel is long before the ending.
    if (/([aeiouyäö])\1$/u.test(stem) && ending !== "hin") stem = stem.slice(0, -1);
    out.push(stem);
    for (const [from, to] of GRADATION) {
      const g = stem.replace(from, to);
      if (g !== stem) out.push(g);
    }
  }
  return out;
}
