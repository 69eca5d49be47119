// Builds src/recognizers/calendar-names.ts: month and weekday names of many languages as the Unicode CLDR writes
// them, read through Intl.DateTimeFormat (full ICU), in the forms a date uses ("15 vasario", "3 марта", genitives),
// standing alone ("Februar", "Şubat") and abbreviated ("févr.", "Oca"). Written out at build time, not read at module
// load, so every runtime (browsers ship other ICU data) sees the same lists and startup pays nothing.
// A name is "ambiguous" when it is also an ordinary word: a stopword of any language (stopwords-iso), a word
// compromise's English lexicon tags as something else ("may", "mars"), or listed in lower case by a Hunspell
// dictionary of a language whose own calendar names do not hold that lower-case form ("march" in English, "mai" is
// French for May and stays). An ambiguous name counts as a date only next to a day number or a year; alone it needs
// its capital, and some ("May") never count alone.
// Usage: node scripts/build-calendar-names.mjs, then format (biome check --write src/recognizers/calendar-names.ts).
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import nlp from "compromise";
import stopwords from "stopwords-iso/stopwords-iso.json" with { type: "json" };

// Languages written with letters that have case or none (Hebrew, Arabic); CJK, Thai, Hindi and Vietnamese name
// months with numerals or are read by world-date-time-patterns. Azerbaijani is left out: its schwa is outside the
// letters whose words the pattern engine reads off a text (word-heads), and one such name would make the whole
// weekday pattern run on every text.
const LOCALES = [
  "en",
  "de",
  "fr",
  "es",
  "pt",
  "it",
  "nl",
  "pl",
  "ru",
  "uk",
  "be",
  "cs",
  "sk",
  "tr",
  "id",
  "ms",
  "sv",
  "da",
  "nb",
  "nn",
  "is",
  "fi",
  "et",
  "lv",
  "lt",
  "ro",
  "hu",
  "el",
  "he",
  "ar",
  "fa",
  "hr",
  "sl",
  "bs",
  "sr-Latn",
  "sr",
  "bg",
  "mk",
  "sq",
  "ca",
  "gl",
  "eu",
  "af",
  "sw",
  "fil",
  "kk",
  "uz",
  "ga",
  "cy",
  "mt",
  "lb",
  "rm",
  "fy",
];
if (new Intl.DateTimeFormat("lt", { month: "long" }).format(new Date(Date.UTC(2024, 1, 15))) !== "vasaris")
  throw new Error("This build needs Node with full ICU data.");

const months = new Set();
const abbreviations = new Set();
const weekdays = new Set();
// Lower-case forms each language's own calendar uses, by language.
const own = new Map();
// Articles and prepositions some locales write before a name ("de gener", "d’abril", "e hënë", "it-Tlieta", "Dé
// Luain", "dydd Llun") are dropped: a word as common as "de" or "it" would make the patterns run on most texts.
const clean = (s) =>
  s
    .normalize("NFC")
    .replace(/\.$/, "")
    .replace(/\u00a0/g, " ")
    .trim()
    .replace(/^(?:\p{Script=Latin}{1,3}|dydd|deireadh)(?:[ -]|['’])(?=\p{L}{3})/u, "");
const usable = (s) => s.length >= 3 && /^\p{L}[\p{L}\p{M}'’ -]*\p{L}$/u.test(s) && !/\d/.test(s);

for (const locale of LOCALES) {
  const lang = locale.split("-")[0];
  const mine = own.get(lang) ?? new Set();
  own.set(lang, mine);
  const add = (set, value) => {
    const v = clean(value);
    if (!usable(v)) return;
    set.add(v.toLowerCase());
    mine.add(v);
  };
  const forms = [
    [{ month: "long" }, months],
    [{ day: "numeric", month: "long" }, months],
    [{ day: "numeric", month: "long", year: "numeric" }, months],
    [{ month: "short" }, abbreviations],
    [{ day: "numeric", month: "short" }, abbreviations],
  ];
  for (const [options, set] of forms) {
    const format = new Intl.DateTimeFormat(locale, { ...options, timeZone: "UTC" });
    for (let m = 0; m < 12; m++) {
      const part = format.formatToParts(new Date(Date.UTC(2024, m, 15))).find((p) => p.type === "month");
      if (part) add(set, part.value);
    }
  }
  for (const options of [{ weekday: "long" }, { weekday: "long", day: "numeric" }]) {
    const format = new Intl.DateTimeFormat(locale, { ...options, timeZone: "UTC" });
    // 1 January 2024 was a Monday.
    for (let d = 0; d < 7; d++) {
      const part = format.formatToParts(new Date(Date.UTC(2024, 0, 1 + d))).find((p) => p.type === "weekday");
      if (part) add(weekdays, part.value);
    }
  }
}

// The Slovenian list holds month names themselves (Malay's does too, but Malay writes them with a capital, which is
// all an ambiguous name needs).
const stop = new Set(
  Object.entries(stopwords)
    .filter(([lang]) => lang !== "sl")
    .flatMap(([, words]) => words)
    .map((w) => w.toLowerCase()),
);
const english = new Set(stopwords.en.map((w) => w.toLowerCase()));
const lexicon = nlp.world().model.one.lexicon;
const CALENDAR_TAGS = new Set(["Month", "WeekDay", "Date"]);
const lowerElsewhere = new Set();
for (const lang of ["en", "de", "fr", "es", "it", "nl", "pt", "pl", "tr"]) {
  const dic = new TextDecoder().decode((await import(`dictionary-${lang}`)).default.dic);
  const mine = own.get(lang) ?? new Set();
  for (const line of dic.split("\n")) {
    const stem = line.split("/")[0].trim().normalize("NFC");
    if (stem.length >= 3 && stem === stem.toLowerCase() && !mine.has(stem)) lowerElsewhere.add(stem);
  }
}
// Never a date alone, whatever its case: a modal verb or a word that opens sentences.
const neverAlone = (w) => english.has(w) || (lexicon[w] !== undefined && !CALENDAR_TAGS.has(lexicon[w]));
const ambiguous = (w) => stop.has(w) || lowerElsewhere.has(w) || lexicon[w] === "Month";

const sorted = (set) => [...set].sort((a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0));
const list = (name, doc, words) =>
  `/** ${doc} */\nexport const ${name}: readonly string[] = ${JSON.stringify(sorted(words))};\n`;

for (const w of months) abbreviations.delete(w);
const monthList = sorted(months);
const abbreviationList = sorted(abbreviations);
const all = [...monthList, ...abbreviationList, ...weekdays];
const weekdayList = sorted(weekdays);
const out = `// Generated by scripts/build-calendar-names.mjs from the Unicode CLDR (through Intl.DateTimeFormat). Do not edit.

${list("CLDR_MONTHS", `Month names and abbreviations of ${LOCALES.length} locales, lower case, longest first.`, monthList)}
${list("CLDR_MONTH_ABBREVIATIONS", "Their abbreviations (without the dot), when not a full name too.", abbreviationList)}
${list("CLDR_WEEKDAYS", "Weekday names of the same locales, lower case, longest first.", weekdayList)}
${list(
  "AMBIGUOUS_CALENDAR_WORDS",
  "Names that are also ordinary words somewhere: alone, they count only with a capital.",
  all.filter((w) => ambiguous(w) && !neverAlone(w)),
)}
${list("NEVER_ALONE_CALENDAR_WORDS", "Names that are stopwords or other parts of speech (may, mars): never a date alone.", all.filter(neverAlone))}`;
writeFileSync(fileURLToPath(new URL("../src/recognizers/calendar-names.ts", import.meta.url)), out);
process.stdout.write(`${monthList.length} month forms, ${weekdayList.length} weekday forms\n`);
