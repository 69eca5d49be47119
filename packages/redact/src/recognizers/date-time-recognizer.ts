import { type PatternRecognizer, patternRecognizer } from "../pattern-recognizer";
import type { RecognizerContext, RecognizerResult } from "../recognizer";
import { WORLD_DATE_PATTERNS, WORLD_TIME_PATTERNS } from "./world-date-time-patterns";
import { mayHoldWorldDateTime } from "./world-gate";

// English, German, French, Spanish, Italian, Dutch and Portuguese month names and common abbreviations.
const MONTHS = [
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

const WEEKDAYS = [
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
  "pazartesi|salı|çarşamba|perşembe|cumartesi",
  "senin|selasa|rabu|kamis|jumat|sabtu|ahad",
  "måndag|tisdag|onsdag|torsdag|fredag|lördag|söndag|mandag|tirsdag|lørdag|søndag",
  "pondělí|úterý|středa|čtvrtek|pátek|neděle|marți|miercuri|vineri|sâmbătă|duminică",
  "δευτέρα|τετάρτη|πέμπτη|παρασκευή|σάββατο|κυριακή",
].join("|");
/**
 * Month and weekday names of the covered languages, lower-case: a capitalized one ("την Πέμπτη", "Kamis jam 10") is
 * a date, whatever name lists also hold it.
 */
export const CALENDAR_WORDS: ReadonlySet<string> = new Set(
  `${MONTHS}|${WEEKDAYS}`.split("|").filter((w) => /^[\p{L}-]+$/u.test(w)),
);
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
const MONTH_ABBREVIATIONS = "JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC";

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
        const a = Number(m[1]);
        const b = Number(m[3]);
        const ok = (d: number, mo: number) => d >= 1 && d <= 31 && mo >= 1 && mo <= 12;
        if (!ok(a, b) && !ok(b, a)) return null;
        return m[4]!.length === 4 || m[2] !== "." ? 0.85 : 0.6;
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
      validate: (value, m, text) =>
        /^(?:mon|sat|sun|wed|fri|tue|thu|segunda|quarta|quinta|sexta|terça)$/i.test(value) ||
        FIXED_PHRASE_BEFORE.test(text.slice(Math.max(0, m.index - 16), m.index))
          ? null
          : 0.6,
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
      // Chinese, Japanese and Korean dates and times: 2025年3月15日, 3月15日, 18時30分, 3월 15일, 오후 3시.
      regex:
        /(?<!\d)(?:(?:\d{4}[^\S\n]?[年년][^\S\n]?)?(?:1[0-2]|0?[1-9])[^\S\n]?[月월][^\S\n]?(?:3[01]|[12]\d|0?[1-9])[^\S\n]?[日일号號]|(?:(?:午前|午後|上午|下午|오전|오후)[^\S\n]?)?(?:[01]?\d|2[0-4])[^\S\n]?[時时시](?:[^\S\n]?[0-5]?\d[^\S\n]?[分분])?)/gu,
      requires: /\d[^\S\n]?[月월時时시]/,
      score: 0.8,
    },
    {
      // A dotted hour after a word that says a time follows: "pukul 10.00", "saat 14.00", "godz. 9.30", "kl. 14.00".
      regex:
        /(?<![\p{L}])(?:pukul|jam|saat|godz\.?|godzina|godzinie|kl\.?|klo|klockan|om|um|alle|às|a las|at)[^\S\n]((?:[01]?\d|2[0-3])\.[0-5]\d)(?![\p{N}]|[.,]\p{N}|[^\S\n]?(?:%|€|\$|£|kg|km))/dgiu,
      group: 1,
      score: 0.7,
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
      if (TIME_ONLY.test(value) || WEEKDAY_ONLY.test(value)) continue;
      // ISO timestamps stay whole: "2024-03-12T10:00" is one value, not a date plus a meeting time.
      const trailing = /^\d{4}-/.test(value) ? null : TRAILING_TIME.exec(value);
      out.push(trailing && trailing.index > 0 ? { ...r, end: r.start + trailing.index } : r);
    }
    return out;
  },
};
