import { type PatternRecognizer, patternRecognizer } from "../pattern-recognizer";
import type { RecognizerContext, RecognizerResult } from "../recognizer";
import {
  AMBIGUOUS_CALENDAR_WORDS,
  CLDR_MONTH_ABBREVIATIONS,
  CLDR_MONTHS,
  CLDR_WEEKDAYS,
  NEVER_ALONE_CALENDAR_WORDS,
} from "./calendar-names";
import { WORLD_DATE_PATTERNS, WORLD_TIME_PATTERNS } from "./world-date-time-patterns";
import { mayHoldWorldDateTime } from "./world-gate";

// English, German, French, Spanish, Italian, Dutch and Portuguese month names and common abbreviations.
const HAND_MONTHS = [
  "january|february|march|april|may|june|july|august|september|october|november|december",
  "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec",
  "januar|jänner|februar|märz|maerz|mai|juni|juli|oktober|dezember|okt|dez",
  "janvier|février|fevrier|mars|avril|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre",
  "enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre",
  "gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre",
  "januari|februari|maart|mei|augustus",
  "janeiro|fevereiro|março|marco|maio|junho|julho|setembro|outubro|dezembro",
  // Polish (genitive, as dates write them, and nominative), Turkish, Indonesian, Scandinavian, Romanian, Czech.
  "stycznia|lutego|marca|kwietnia|maja|czerwca|lipca|sierpnia|września|października|listopada|grudnia",
  "styczeń|luty|marzec|kwiecień|maj|czerwiec|lipiec|sierpień|wrzesień|październik|listopad|grudzień",
  "ocak|şubat|mart|nisan|mayıs|haziran|temmuz|ağustos|eylül|ekim|kasım|aralık",
  "maret|agustus|desember|augusti|desember|ianuarie|februarie|martie|aprilie|iunie|iulie|septembrie|octombrie|noiembrie|decembrie",
  "ledna|února|března|dubna|května|června|července|srpna|září|října|listopadu|prosince",
  // Russian and Ukrainian (genitive and nominative), Greek (genitive).
  "января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря",
  "январь|февраль|март|апрель|май|июнь|июль|август|сентябрь|октябрь|ноябрь|декабрь",
  "січня|лютого|березня|квітня|травня|червня|липня|серпня|вересня|жовтня|листопада|грудня",
  "ιανουαρίου|φεβρουαρίου|μαρτίου|απριλίου|μαΐου|μαιου|ιουνίου|ιουλίου|αυγούστου|σεπτεμβρίου|οκτωβρίου|νοεμβρίου|δεκεμβρίου",
].join("|");

const HAND_WEEKDAYS = [
  "monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun",
  "montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag",
  "lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche",
  "lunes|martes|miércoles|miercoles|jueves|viernes|sábado|sabado|domingo",
  "lunedì|lunedi|martedì|martedi|mercoledì|mercoledi|giovedì|giovedi|venerdì|venerdi|sabato|domenica",
  "maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag",
  "segunda-feira|terça-feira|quarta-feira|quinta-feira|sexta-feira|segunda|terça|quarta|quinta|sexta",
  "सोमवार|मंगलवार|बुधवार|गुरुवार|शुक्रवार|शनिवार|रविवार",
  "понедельник[а-я]{0,2}|вторник[а-я]{0,2}|сред[аеуы]|четверг[а-я]{0,2}|пятниц[аеуы]|суббот[аеуы]|воскресень[еяю]",
  // Polish (with the accusative of "w sobotę"), Turkish, Indonesian, Scandinavian, Czech, Romanian, Greek.
  "poniedziałek|wtorek|środa|środę|czwartek|piątek|sobota|sobotę|niedziela|niedzielę",
  "poniedziałku|wtorku|czwartku|piątku|soboty|niedzieli",
  "pazartesi|salı|çarşamba|perşembe|cumartesi",
  "senin|selasa|rabu|kamis|jumat|sabtu|ahad",
  "måndag|tisdag|onsdag|torsdag|fredag|lördag|söndag|mandag|tirsdag|lørdag|søndag",
  "pondělí|úterý|středa|čtvrtek|pátek|neděle|marți|miercuri|vineri|sâmbătă|duminică",
  "δευτέρα|τετάρτη|πέμπτη|παρασκευή|σάββατο|κυριακή",
].join("|");
const NEVER_ALONE: ReadonlySet<string> = new Set(NEVER_ALONE_CALENDAR_WORDS);
const AMBIGUOUS: ReadonlySet<string> = new Set(AMBIGUOUS_CALENDAR_WORDS);
const HAND_WORDS: ReadonlySet<string> = new Set(`${HAND_MONTHS}|${HAND_WEEKDAYS}`.split("|"));
const escapeWord = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
// The CLDR's names of every covered locale, beyond the hand-written ones above, are read by patterns of their own
// that start at the name (and so run only where a text holds one): next to a day or a year any full name is a month,
// an abbreviation only when it is no ordinary word ("out", "set", "sie" stay out: "3 out of 5").
const CLDR_EXTRA_MONTHS = [
  ...CLDR_MONTHS.filter((w) => !NEVER_ALONE.has(w) && (w.length > 3 || !AMBIGUOUS.has(w))),
  ...CLDR_MONTH_ABBREVIATIONS.filter((w) => !NEVER_ALONE.has(w) && !AMBIGUOUS.has(w)),
].filter((w) => !HAND_WORDS.has(w));
const MONTHS = HAND_MONTHS;
const CLDR_EXTRA_WEEKDAYS = CLDR_WEEKDAYS.filter((w) => !NEVER_ALONE.has(w) && !HAND_WORDS.has(w));
const WEEKDAYS = HAND_WEEKDAYS;
const CLDR_WEEKDAY_SET: ReadonlySet<string> = new Set(CLDR_EXTRA_WEEKDAYS);
// Every month name a date or a month alone may use: the CLDR's full names and the extra abbreviations.
// Written out in lower case and capitalized rather than matched with the `i` flag: a case-folding alternation of
// hundreds of Unicode words costs several times more to run, and in a text whose words cannot be read for heads
// (one with Chinese or Greek in it) the pattern is tried at every position.
const lowerAndCapitalized = (words: readonly string[]) =>
  [...new Set(words)]
    .sort((a, b) => b.length - a.length)
    .flatMap((w) => {
      const capital = w[0]!.toUpperCase() + w.slice(1);
      return capital === w ? [w] : [w, capital];
    })
    .map(escapeWord)
    .join("|");
const ANY_MONTH = lowerAndCapitalized([
  ...CLDR_MONTHS.filter((w) => !NEVER_ALONE.has(w) && (w.length > 3 || !AMBIGUOUS.has(w))),
  ...CLDR_EXTRA_MONTHS,
]);
// A month named alone is a date when a word says it is a point in time: "by September", "ab Februar", "mulai
// Februari", "z grudnia", "Şubat ayı". Full names only, and those that are also ordinary words only with their
// capital. Without such a word ("rent for March", "en juillet") a month names a period, not anyone's date.
const FULL_MONTHS: ReadonlySet<string> = new Set(CLDR_MONTHS.filter((w) => !NEVER_ALONE.has(w) && w.length >= 4));

/**
 * Month and weekday names of the covered languages, lower-case: a capitalized one ("την Πέμπτη", "Kamis jam 10") is
 * a date, whatever name lists also hold it.
 */
export const CALENDAR_WORDS: ReadonlySet<string> = new Set(
  [...`${HAND_MONTHS}|${HAND_WEEKDAYS}`.split("|"), ...CLDR_EXTRA_MONTHS, ...CLDR_EXTRA_WEEKDAYS].filter((w) =>
    /^[\p{L}-]+$/u.test(w),
  ),
);
/** Whether a calendar word written as `value` reads as one: an ambiguous word needs its capital. */
function capitalIfAmbiguous(value: string): boolean {
  const lower = value.toLowerCase();
  return HAND_WORDS.has(lower) || !AMBIGUOUS.has(lower) || value[0] !== lower[0];
}
const DAY = "(?:3[01]|[12]\\d|0?[1-9])";
const ORDINAL = "(?:st|nd|rd|th|er|\\.|º|ª)?";
const YEAR = "(?:1[89]\\d\\d|2[01]\\d\\d)";
const TIME =
  "(?:(?:[01]?\\d|2[0-3])[:h][0-5]\\d(?::[0-5]\\d)?(?:[^\\S\\n]?[ap]\\.?m\\.?)?|(?:1[0-2]|0?[1-9])\\.[0-5]\\d[^\\S\\n]?[ap]\\.?m\\.?(?![\\p{L}])|(?:1[0-2]|0?[1-9])[^\\S\\n]?[ap]\\.?m\\.?(?![\\p{L}])|(?:[01]?\\d|2[0-3])(?:\\.[0-5]\\d)?[^\\S\\n]?(?:uhr|uur|baje|h)(?![\\p{L}]))";
const AT = "(?:,?[^\\S\\n](?:at|um|à|a las|alle|om|às|às)?[^\\S\\n]?)";
// After a weekday or a date, "14.00" is a time too (as Turkish, Indonesian, Polish and Scandinavian write it).
const TIME_AFTER_DAY = `(?:${TIME}|(?:[01]?\\d|2[0-3])\\.[0-5]\\d(?![\\p{N}]|[.,]\\p{N}))`;
// "Patch Tuesday", "Black Friday", "Cyber Monday": a weekday in the name of an event or a habit is no day of anyone's.
const FIXED_PHRASE_BEFORE =
  /(?:^|[^\p{L}])(?:patch|black|cyber|giving|good|holy|maundy|ash|shrove|super|casual|freaky|throwback|taco|manic|blue|fat|palm|travel|small business)[^\S\n]$/iu;
// Words for "until", "by", "from", "since" and "starting" before a month named alone.
const MONTH_CUE_BEFORE =
  /(?:^|[^\p{L}])(?:until|till|by|from|since|starting|before|after|bis|ab|seit|vor|nach|jusqu'en|jusqu’en|depuis|dès|avant|après|hasta|desde|antes de|después de|até|a partir de|antes de|fino a|entro|dopo|prima di|tot|vanaf|sinds|uiterlijk|vóór|voor|na|do|od|z|przed|po|от|до|с|після|від|з|mulai|sejak|hingga|sampai|sebelum|setelah|från|till|fram till|innan|efter|fra|frem til|siden|før|etter|alkaen|asti|ennen|jälkeen|până în|din|από|μέχρι|έως|ως|nuo|iki|līdz|kuni|alates|od|ta|tới|từ)[^\S\n]$/iu;
// Turkish writes "Şubat ayı" (the month of February), "Mart ayında".
const MONTH_CUE_AFTER = /^[^\S\n](?:ayı|ayında|ayından|ayına|ayi)(?![\p{L}])/iu;
const HEBREW_NAMES = [...CLDR_MONTHS, ...CLDR_WEEKDAYS].filter((w) => /^[\u05d0-\u05ea ]+$/.test(w)).join("|");
// Czech, Polish, Russian and Ukrainian locatives, which the CLDR does not list.
const LOCATIVE_MONTHS = [
  "lednu|únoru|březnu|dubnu|květnu|červnu|červenci|srpnu|září|říjnu|listopadu|prosinci",
  "styczniu|lutym|marcu|kwietniu|maju|czerwcu|lipcu|sierpniu|wrześniu|październiku|listopadzie|grudniu",
  "январе|феврале|марте|апреле|мае|июне|июле|августе|сентябре|октябре|ноябре|декабре",
  "січні|лютому|березні|квітні|травні|червні|липні|серпні|вересні|жовтні|листопаді|грудні",
].join("|");
// Hour ranges: "between 8 and 10", "zwischen 15 und 17", "entre 8 y 12", "dalle 9 alle 13", "między 8 a 12".
const RANGE_FROM =
  "(?:between|from|zwischen|von|entre|de|dalle|dalle ore|tra le|fra le|tussen|van|między|od|mezi|mellan|mellom|från|fra|с|між|з)";
const RANGE_HOUR = "(?:[01]?\\d|2[0-3])";
const RANGE_TO = `[^\\S\\n](?:and|to|till|und|bis|y|a|et|à|e|alle|en|tot|i|do|och|og|til|до|по|и)[^\\S\\n]${RANGE_HOUR}`;
// A day named just before the range (a weekday, a date, "tomorrow") says its numbers are hours.
const DAY_BEFORE_RANGE =
  /(?:^|[^\p{L}])(?:today|tomorrow|tonight|heute|morgen|übermorgen|demain|aujourd'hui|hoy|mañana|oggi|domani|vandaag|morgen|dziś|dzisiaj|jutro|pojutrze|hoje|amanhã|idag|imorgon|i dag|i morgen|tänään|huomenna|bugün|yarın|besok|сегодня|завтра|dnes|zítra)(?![\p{L}])|\d\d?[./]\d\d?\.?(?:[./]\d{2,4})?[^\S\n]/iu;
// The weekday and month names, read lazily: built from the lists further down.
let dayNameBefore: RegExp | undefined;
const WHOLE_RANGE = new RegExp(`${RANGE_FROM}[^\\S\\n]${RANGE_HOUR}${RANGE_TO}`, "iuy");
function rangeAfterDay(m: RegExpExecArray, text: string): number | null {
  WHOLE_RANGE.lastIndex = m.index;
  const range = WHOLE_RANGE.exec(text);
  if (!range) return null;
  const hours = range[0].match(/\d{1,2}/g)!;
  if (Number(hours[0]) >= Number(hours[1])) return null;
  const end = m.index + range[0].length;
  // "between 8 and 10 people", "de 8 a 10 años": a unit or a noun after the second number makes them counts.
  const after = text.slice(end, end + 12);
  const timeUnit = /^[^\S\n]?(?:uhr|h|uur|hrs|o'clock|heures|horas|ore|godz|timer|klo)(?![\p{L}])/iu.test(after);
  if (!timeUnit && /^[^\S\n]?(?:[%€$£]|\p{L})/u.test(after)) {
    if (
      !/^[^\S\n](?:to|för|pour|para|per|um|zu|om|na|aby|che|que|in|on|am|bei|for|and|und|y|e|et|i|og|och)[^\p{L}]/iu.test(
        after,
      )
    )
      return null;
  }
  const line = text.slice(Math.max(0, text.lastIndexOf("\n", m.index) + 1, m.index - 48), m.index);
  dayNameBefore ??= new RegExp(`(?:^|[^\\p{L}])(?:${WEEKDAYS}|${MONTHS})(?![\\p{L}])`, "iu");
  return DAY_BEFORE_RANGE.test(line) || dayNameBefore.test(line) ? 0.6 : null;
}
// A day number before a month name: "15 ", "3. ", "1st of ", "12 de ".
const DAY_BEFORE_MONTH = new RegExp(
  `(?:^|[^\\p{L}\\p{N}])(${DAY}${ORDINAL}[^\\S\\n](?:of[^\\S\\n]|de[^\\S\\n])?)$`,
  "u",
);
const MONTH_ABBREVIATIONS = "JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC";

// Words after which a day and month without the year is a date: "on", "due", "dia", "el", "le", "am", "den", "op",
// "il", a weekday, or a heading such as "notes" or "minutes".
const DAY_MONTH_CUE_BEFORE =
  /(?:^|[^\p{L}])(?:on|due|by|until|till|from|since|before|after|dated|date|notes|minutes|standup|dia|día|el|del|le|du|au|am|vom|bis|den|op|il|dal|al|do|od|na|w|dne|pe|mon|tue|wed|thu|fri|sat|sun|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes|miércoles|jueves|viernes|sábado|domingo|segunda|terça|quarta|quinta|sexta)\.?,?[ \t]{1,2}$/iu;
/** Whether two numbers are a day and a month in either order (31/12 or 12/31). */
function dayAndMonth(a: number, b: number): boolean {
  const ok = (d: number, mo: number) => d >= 1 && d <= 31 && mo >= 1 && mo <= 12;
  return ok(a, b) || ok(b, a);
}

const EXPIRY_BEFORE =
  /(?:gültig bis|valid (?:thru|through|until)|good thru|exp\.?|expires?|expiry|expiration|vence|válid[oa] hasta|validade|válido até|scad\.?|scadenza|geldig tot|ważna do)[ \t:]*$/iu;
// A time right after: "29/03 às 16h", "11/03 at 3pm", "3/15, 10:30".
const TIME_AFTER =
  /^,?[ \t]{1,2}(?:(?:at|às|as|a las|alle|um|à|om|kl\.?|o)[ \t]{1,2})?\d{1,2}(?::\d{2}|h|[ \t]?[ap]\.?m\.?|[ \t]?uhr)/iu;

const patterns = patternRecognizer({
  name: "date-time",
  type: "DATE_TIME",
  context: [
    "date",
    "born",
    "birthday",
    "dob",
    "geboren",
    "né",
    "née",
    "nacido",
    "nato",
    "geboortedatum",
    "on",
    "at",
    "am",
    "le",
    "el",
    "il",
    "op",
    "until",
    "bis",
    "jusqu",
    "hasta",
    "fino",
    "tot",
    "per",
    "checkout",
    "check-out",
    "check-in",
    "due",
    "by",
    "für",
    "pour",
    "para",
    "έως",
    "μέχρι",
    "до",
    "até",
    "entro",
    "vanaf",
    "innan",
    "fällig",
    "vence",
    "scadenza",
    "deadline",
    "termin",
  ],
  patterns: [
    {
      regex: new RegExp(
        `(?<![A-Za-z0-9])${YEAR}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\\d|3[01])(?:[T ](?:[01]\\d|2[0-3]):[0-5]\\d(?::[0-5]\\d(?:\\.\\d{1,6})?)?(?:Z|[+-]\\d{2}:?\\d{2})?)?(?![A-Za-z0-9])`,
        "gu",
      ),
      requires: /\d{4}-\d\d-/,
      score: 0.9,
    },
    {
      // 31/12/2024, 12-31-24, 31.12.2024 with an optional time after it.
      regex: new RegExp(
        `(?<![\\p{L}\\p{N}.,/-])(\\d{1,2})([./-])(\\d{1,2})\\2(\\d{4}|\\d{2})(?:${AT}${TIME})?(?![\\p{L}\\p{N}]|[./-]\\d)`,
        "giu",
      ),
      requires: /\d[./-]\d{1,2}[./-]\d\d/,
      score: 0.85,
      validate: (_value, m) => {
        if (!dayAndMonth(Number(m[1]), Number(m[3]))) return null;
        return m[4]!.length === 4 || m[2] !== "." ? 0.85 : 0.6;
      },
    },
    {
      // A day and month without the year, "29/03", "11/03", "3/15": only after a word that says a date follows ("dia
      // 29/03", "Standup notes 11/03", "due 3/15") or before a time ("29/03 às 16h"), since "1/2" and "3/4" are
      // fractions and scores.
      regex: /(?<![\p{L}\p{N}.,/:-])(\d{1,2})\/(\d{1,2})(?![\p{N}]|[./,-]\d|\/)/dgu,
      requires: /\d\/\d/,
      score: 0.7,
      validate: (_value, m, text) => {
        if (!dayAndMonth(Number(m[1]), Number(m[2]))) return null;
        const before = text.slice(Math.max(0, m.index - 24), m.index);
        const after = text.slice(m.index + m[0].length, m.index + m[0].length + 16);
        // A card's expiry ("gültig bis 04/27") is a month and a year, and no one's date.
        if (EXPIRY_BEFORE.test(before)) return null;
        return DAY_MONTH_CUE_BEFORE.test(before) || TIME_AFTER.test(after) ? 0.7 : null;
      },
    },
    {
      // 12 March 2024, 12. März, 3rd of May, 12 de marzo de 2024, le 1er mai.
      regex: new RegExp(
        `(?<![\\p{L}\\p{N}])(?:${DAY}${ORDINAL}[^\\S\\n](?:of[^\\S\\n]|de[^\\S\\n])?)(?:${MONTHS})\\.?(?![\\p{L}])(?:,?[^\\S\\n](?:de[^\\S\\n])?${YEAR})?(?:${AT}${TIME})?`,
        "giu",
      ),
      score: 0.85,
    },
    {
      // March 12, 2024; March 2024; Sept. 3rd.
      regex: new RegExp(
        `(?<![\\p{L}\\p{N}])(?:${MONTHS})\\.?(?:[^\\S\\n]${DAY}${ORDINAL}(?![\\p{N}])(?:,?[^\\S\\n]${YEAR})?|,?[^\\S\\n](?:de[^\\S\\n])?${YEAR})(?![\\p{N}])(?:${AT}${TIME})?`,
        "giu",
      ),
      score: 0.8,
      validate: (value) => (/^may[^\S\n]\d{1,2}$/i.test(value) ? 0.5 : 0.8),
    },
    {
      // A weekday names a specific day in a message ("see you Friday"); a time or date after it joins the span.
      regex: new RegExp(
        `(?<![\\p{L}\\p{N}])(?:${WEEKDAYS})(?![\\p{L}])(?:,?[^\\S\\n](?:the[^\\S\\n])?${DAY}${ORDINAL}(?:[^\\S\\n](?:of[^\\S\\n]|de[^\\S\\n])?(?:${MONTHS})\\.?(?![\\p{L}]))?(?![\\p{N}]|[:h.]\\d))?(?:${AT}${TIME_AFTER_DAY})?`,
        "giu",
      ),
      score: 0.6,
      validate: (value, m, text) => {
        const end = m.index + value.length;
        // "Sat AM", "Sun PM": a shift or a slot in a rota.
        if (
          /^(?:mon|tue|wed|thu|fri|sat|sun)$/i.test(value) &&
          /^[^\S\n][AaPp]\.?[Mm]\.?(?![\p{L}\p{N}])/u.test(text.slice(end, end + 6))
        )
          return { start: m.index, end: end + 3, score: 0.6 };
        return /^(?:mon|sat|sun|wed|fri|tue|thu|segunda|quarta|quinta|sexta|terça)$/i.test(value) ||
          !capitalIfAmbiguous(/^[\p{L}\p{M}-]+/u.exec(value)?.[0] ?? value) ||
          FIXED_PHRASE_BEFORE.test(text.slice(Math.max(0, m.index - 16), m.index))
          ? null
          : 0.6;
      },
    },
    {
      // Month names of every covered locale: "15 vasario", "vasario 25", "3 марта 2025", "Şubat ayı", "by September".
      regex: new RegExp(
        `(?<![\\p{L}\\p{M}\\p{N}])(?:${ANY_MONTH})\\.?(?![\\p{L}\\p{M}])(?:[^\\S\\n]${DAY}(?:\\.|[^\\S\\n]d\\.)?(?![\\p{N}]))?(?:,?[^\\S\\n](?:de[^\\S\\n])?${YEAR}(?![\\p{N}]))?`,
        "gu",
      ),
      score: 0.8,
      validate: (value, m, text) => {
        const name = /^[\p{L}\p{M}' -]+/u.exec(value)![0].trimEnd();
        const before = DAY_BEFORE_MONTH.exec(text.slice(Math.max(0, m.index - 12), m.index));
        if (before) return { start: m.index - before[1]!.length, end: m.index + value.length, score: 0.8 };
        if (/\d/.test(value)) return 0.8;
        // Alone: a full name with its capital where it needs one, after "until"/"from" or before "ayı".
        if (!FULL_MONTHS.has(name.toLowerCase()) || !capitalIfAmbiguous(name) || name === name.toUpperCase())
          return null;
        // The dot after a full name ends the sentence.
        const end = m.index + name.length;
        // "June Carter", "August Strindberg": a capitalized word after it makes it a given name.
        if (/^[^\S\n]\p{Lu}\p{Ll}/u.test(text.slice(end, end + 3))) return null;
        return MONTH_CUE_BEFORE.test(text.slice(Math.max(0, m.index - 16), m.index)) ||
          MONTH_CUE_AFTER.test(text.slice(end, end + 8))
          ? { start: m.index, end, score: 0.55 }
          : null;
      },
    },
    {
      // Weekday names of every covered locale beyond the hand-written ones: "pirmadienį", "Senin", "Cuma".
      regex: new RegExp(
        `(?<![\\p{L}\\p{M}\\p{N}])(?:${lowerAndCapitalized(CLDR_EXTRA_WEEKDAYS)})(?![\\p{L}\\p{M}])`,
        "gu",
      ),
      score: 0.6,
      validate: (value, m, text) =>
        capitalIfAmbiguous(value) && !FIXED_PHRASE_BEFORE.test(text.slice(Math.max(0, m.index - 16), m.index))
          ? 0.6
          : null,
    },
    {
      // 15.05. and 11/03 without a year: a day and month only when a context word is near.
      regex: /(?<![\p{L}\p{N}.,/-])(3[01]|[12]\d|0?[1-9])([./])(1[0-2]|0?[1-9])(?:\.|(?![./]?\d))(?![\p{L}\p{N}])/gu,
      requires: /\d[./]\d/,
      score: 0.45,
      validate: (value, m) => (m[2] === "." && !value.endsWith(".") ? null : value.endsWith(".") ? 0.6 : 0.45),
    },
    {
      regex: new RegExp(`(?<![\\p{L}\\p{N}:.,])${TIME}(?![\\p{N}]|[:.,]\\p{N})`, "giu"),
      requires: /\d(?:[:h.]\d|[^\S\n]?(?:[ap]\.?m|uhr|uur|baje|h))/iu,
      score: 0.75,
    },
    {
      // Web server logs: 10/Oct/2025:13:55:36 +0200.
      regex: new RegExp(
        `(?<![\\p{L}\\p{N}])${DAY}/(?:${MONTH_ABBREVIATIONS})/${YEAR}(?::\\d{2}:\\d{2}:\\d{2}(?:[^\\S\\n][+-]\\d{4})?)?(?![\\p{L}\\p{N}])`,
        "giu",
      ),
      requires: /\d\/[A-Za-z]{3}\/\d{4}/,
      score: 0.9,
    },
    {
      // Airline and military dates: 12MAR, 12MAR25, 05JAN2026 (capitals only, so "12mar" in a word stays out).
      regex: new RegExp(
        `(?<![\\p{L}\\p{N}])${DAY}(?:${MONTH_ABBREVIATIONS})(?:\\d{2}|${YEAR})?(?![\\p{L}\\p{N}])`,
        "gu",
      ),
      requires: /\d(?:JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)/,
      score: 0.7,
    },
    {
      // Chinese, Japanese and Korean dates and times: 2025年3月15日, 3月15日, 2019年4月, 18時30分, 3월 15일, 오후 3시.
      regex:
        /(?<!\d)(?:(?:\d{4}[^\S\n]?[年년][^\S\n]?)?(?:1[0-2]|0?[1-9])[^\S\n]?[月월][^\S\n]?(?:3[01]|[12]\d|0?[1-9])[^\S\n]?[日일号號]|\d{4}[^\S\n]?[年년][^\S\n]?(?:1[0-2]|0?[1-9])[^\S\n]?[月월](?![^\S\n]?\d)|(?:(?:午前|午後|上午|下午|오전|오후)[^\S\n]?)?(?:[01]?\d|2[0-4])[^\S\n]?[時时시](?:[^\S\n]?[0-5]?\d[^\S\n]?[分분])?)/gu,
      requires: /\d[^\S\n]?[月월時时시]/,
      score: 0.8,
    },
    {
      // A dotted hour after a word that says a time follows: "pukul 10.00", "saat 14.00", "godz. 9.30", "kl. 14.00",
      // "senest 8.30" (Danish and Norwegian: at the latest), "avg. 17.12" (Swedish: departs), "bis 18.30", "ab 9.30".
      regex:
        /(?<![\p{L}])(?:pukul|jam|saat|godz\.?|godzina|godzinie|kl\.?|klo|klockan|om|um|alle|dalle|às|a las|at|senest|senast|avg\.?|ank\.?|bis|ab|vanaf|until|till)[^\S\n]((?:[01]?\d|2[0-3])\.[0-5]\d)(?![\p{N}]|[.,]\p{N}|[^\S\n]?(?:%|€|\$|£|kg|km|eur|euro|usd|chf|kr|zł|ft|lei)(?![\p{L}]))/dgiu,
      group: 1,
      score: 0.7,
    },
    {
      // A whole hour after the Nordic "kl." or "klockan" ("kl. 10", "klockan 18"), which name a time of day only.
      regex: /(?<![\p{L}])(?:kl\.|klockan)[^\S\n]((?:[01]?\d|2[0-3]))(?![\p{N}]|[.,:]\p{N})/dgiu,
      group: 1,
      score: 0.7,
    },
    {
      // Statement and ledger lines that open with a day and month ("01/14  SPOTIFY", "10/02 PIX RECEBIDO"): a date
      // when the line before or after opens the same way.
      regex: /(?<![^\n])[^\S\n]{0,4}((\d\d)\/(\d\d))(?=[^\S\n]{1,8}[\p{L}\p{N}])/dgu,
      requires: /(?:^|\n)[^\S\n]{0,4}\d\d\/\d\d[^\S\n]/,
      group: 1,
      score: 0.6,
      validate: (_value, m, text) => {
        const a = Number(m[2]);
        const b = Number(m[3]);
        const ok = (d: number, mo: number) => d >= 1 && d <= 31 && mo >= 1 && mo <= 12;
        if (!ok(a, b) && !ok(b, a)) return null;
        const lineEnd = text.indexOf("\n", m.index);
        const prevStart = text.lastIndexOf("\n", m.index - 2) + 1;
        const opensLikeThis = (at: number) => /^[^\S\n]{0,4}\d\d\/\d\d[^\S\n]/.test(text.slice(at, at + 12));
        return (lineEnd >= 0 && opensLikeThis(lineEnd + 1)) || (m.index > 0 && opensLikeThis(prevStart)) ? 0.6 : null;
      },
    },
    {
      // Dates as scanned text reads them, with the letter O for a zero: "1O.02.2026", "O2/O3/2O26", "1O:OO".
      regex:
        /(?<![\p{L}\p{N}.,/-])(?:([0-3OО]?[0-9OО])([./-])([01OО]?[0-9OО])\2((?:1[89]|2[0OО])[0-9OО]{2})|([0-2OО]?[0-9OО]):([0-5OО][0-9OО]))(?![\p{L}\p{N}]|[./:-][0-9OО])/gu,
      requires: /[0-9][OО]|[OО][0-9.:/]|[.:/-][OО]/,
      score: 0.75,
      validate: (value, m) => {
        if (!/[OО]/.test(value) || !/\d/.test(value)) return null;
        const n = (s: string) => Number(s.replace(/[OО]/g, "0"));
        if (m[5] !== undefined) return n(m[5]) <= 23 ? 0.7 : null;
        const a = n(m[1]!);
        const b = n(m[3]!);
        const ok = (d: number, mo: number) => d >= 1 && d <= 31 && mo >= 1 && mo <= 12;
        return ok(a, b) || ok(b, a) ? 0.75 : null;
      },
    },
    {
      // Whole-day dates in calendar and contact files: "DTSTART;VALUE=DATE:19860307", "BDAY:19860307".
      regex: new RegExp(
        `(?<=(?:^|\\n)(?:DTSTART|DTEND|DUE|BDAY|ANNIVERSARY|RECURRENCE-ID|EXDATE)[^:\\n]{0,40}:)${YEAR}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])(?![\\p{L}\\p{N}])`,
        "gu",
      ),
      requires: /(?:DTSTART|DTEND|DUE|BDAY|ANNIVERSARY|RECURRENCE-ID|EXDATE)[^:\n]{0,40}:\d{8}/,
      score: 0.85,
    },
    {
      // ISO 8601 basic format, as calendar files write it: 20250409T140000Z.
      regex: new RegExp(
        `(?<![\\p{L}\\p{N}])${YEAR}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])T[0-2]\\d[0-5]\\d(?:[0-5]\\d)?Z?(?![\\p{L}\\p{N}])`,
        "gu",
      ),
      requires: /\dT\d/,
      score: 0.9,
    },
    {
      // A bare hour after the word for "at" in languages where it can only be a time: "a las 11", "alle 21", "om 8".
      regex:
        /(?<![\p{L}])(?:a las|a la|alle|om|um|às)[^\S\n]((?:[01]?\d|2[0-3])(?:[:.][0-5]\d)?)(?![\p{L}\p{N}]|[.,:/-]\d|[^\S\n]?(?:%|€|\$|£)|[^\S\n](?:persone|personas|personen|pessoas|people|anni|años|jahre|jaar|jaren|anos|km|kg|kilo|euro|eur|minut\p{L}*|min|stunden|ore|horas|uur|mesi|meses|monate|maanden|dias|días|giorni|tage|dagen|stuks|pezzi|piezas|peças)(?![\p{L}]))/dgiu,
      group: 1,
      score: 0.6,
    },
    {
      // A range of bare hours after a day: "Thursday between 8 and 10", "12.03 między 8 a 12", "mañana entre 8 y 12",
      // "martedì dalle 9 alle 13". Each hour is its own span.
      regex: new RegExp(`(?<![\\p{L}])${RANGE_FROM}[^\\S\\n](${RANGE_HOUR})(?=${RANGE_TO}(?![\\p{N}]))`, "dgiu"),
      group: 1,
      score: 0.6,
      validate: (_value, m, text) => rangeAfterDay(m, text),
    },
    {
      regex: new RegExp(`(?<![\\p{L}])${RANGE_FROM}[^\\S\\n]${RANGE_HOUR}(${RANGE_TO})(?![\\p{N}])`, "dgiu"),
      group: 1,
      score: 0.6,
      validate: (value, m, text) => {
        const verdict = rangeAfterDay(m, text);
        if (verdict === null) return null;
        // The span is the hour alone, without the word for "and" before it.
        const hour = /\d{1,2}$/.exec(value)!;
        const start = m.indices![1]![0] + hour.index;
        return { start, end: start + hour[0].length, score: verdict };
      },
    },
    {
      // A month and a year: "10/2023 – heute", "kỳ 01/2026", "03.2024".
      regex:
        /(?<![\p{L}\p{N}.,/-])(?:0?[1-9]|1[0-2])\/(?:19|20)\d\d(?![\p{L}\p{N}]|[./-]\d)|(?<![\p{L}\p{N}.,/-])(?:0[1-9]|1[0-2])\.(?:19|20)\d\d(?![\p{L}\p{N}]|[.,/-]\d)/gu,
      requires: /\d[./](?:19|20)\d\d/,
      score: 0.6,
    },
    {
      // Hebrew joins "in", "to" and "from" to the word: "באפריל", "ביום שלישי", "מינואר".
      regex: new RegExp(`(?<![\\u0590-\\u05ff])[בלמו]?(${HEBREW_NAMES})(?![\\u0590-\\u05ff])`, "dgu"),
      requires: /[\u05d0-\u05ea]/,
      group: 1,
      score: 0.6,
    },
    {
      // Months in the locative, which only "in" takes: "v dubnu", "w grudniu", "в марте", "у березні".
      regex: new RegExp(`(?<![\\p{L}])(?:v|ve|w|we|в|во|у)[^\\S\\n](${LOCATIVE_MONTHS})(?![\\p{L}])`, "dgiu"),
      group: 1,
      score: 0.6,
    },
    {
      // Clock times in words: "half acht", "halb neun", "kwart over drie", "viertel nach 5".
      regex:
        /(?<![\p{L}])(?:half|halb|kwart over|kwart voor|viertel nach|viertel vor|dreiviertel)[^\S\n](?:een|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf|eins|zwei|drei|fünf|sechs|sieben|neun|zehn|zwölf|1[0-2]|[1-9])(?![\p{L}\p{N}])/giu,
      requires: /half|halb|kwart|viertel/i,
      score: 0.6,
    },
  ],
});
// Dates, weekdays and clock times in the languages of world-date-time-patterns, run only on text that passes their
// one shared gate; the weekdays and clock times are skipped whole when times are kept.
const worldDates = patternRecognizer({ name: "date-time", type: "DATE_TIME", patterns: WORLD_DATE_PATTERNS });
const worldTimes = patternRecognizer({ name: "date-time", type: "DATE_TIME", patterns: WORLD_TIME_PATTERNS });

// A span that is only a clock time, or only a weekday (with a time after it), names no calendar date.
const TIME_ONLY = new RegExp(`^${TIME}$`, "iu");
const WEEKDAY_ONLY = new RegExp(`^(?:${WEEKDAYS})(?:${AT}${TIME})?$`, "iu");
// The clock time a date pattern took along: "12 March 2024 at 3pm" -> "12 March 2024".
const TRAILING_TIME = new RegExp(`${AT}${TIME}$`, "iu");

/**
 * Dates and times: ISO, numeric day/month orders, month names in seven languages, weekdays and clock times. With
 * `keepTimes` in the context, times of day and weekday references ("3pm", "next Tuesday") are left alone and a time
 * written after a date is cut off the span, while calendar dates (a date of birth, "12/03/1985") are still reported.
 */
export const dateTimeRecognizer: PatternRecognizer = {
  name: "date-time",
  types: ["DATE_TIME"],
  patterns: [...patterns.patterns, ...worldDates.patterns, ...worldTimes.patterns],
  analyze(text: string, context: RecognizerContext): RecognizerResult[] {
    let found = patterns.analyze(text, context);
    if (mayHoldWorldDateTime(text)) {
      found = found.concat(worldDates.analyze(text, context));
      if (!context.keepTimes) return found.concat(worldTimes.analyze(text, context));
    } else if (!context.keepTimes) return found;
    const out: RecognizerResult[] = [];
    for (const r of found) {
      const value = text.slice(r.start, r.end);
      if (TIME_ONLY.test(value) || WEEKDAY_ONLY.test(value) || CLDR_WEEKDAY_SET.has(value.toLowerCase())) continue;
      // ISO timestamps stay whole: "2024-03-12T10:00" is one value, not a date plus a meeting time.
      const trailing = /^\d{4}-/.test(value) ? null : TRAILING_TIME.exec(value);
      out.push(trailing && trailing.index > 0 ? { ...r, end: r.start + trailing.index } : r);
    }
    return out;
  },
};
