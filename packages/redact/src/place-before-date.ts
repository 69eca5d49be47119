import type { Entity } from "./entity";
import { lexiconKind } from "./ner/lexicon";
import { CLDR_MONTHS, CLDR_WEEKDAYS } from "./recognizers/calendar-names";
import { SpanIndex } from "./span-index";

// Letters and press releases say where they were written before the date, on a line of its own or ahead of the
// text: "Lindenau, 20. Oktober 2025 – Der Aufsichtsrat...", "U Splitu, 10. listopada 2025.", "Paris, le 3 mars 2025",
// "Tampereella 6.10.2025". The place is any town, listed or not; what marks it is the date found right after it,
// which every language's date rule has already read. So this pass runs after the recognizers, on their dates.

// A place's words: capitalized (or in capitals, as datelines write them), in any cased script, with the hyphens and
// apostrophes of "Ħaż-Żebbuġ" and "L'Aquila". A preposition may come first ("U Splitu", "В Москве", "À Lyon").
const PLACE = String.raw`(?:(?:U|V|Ve|W|We|Vo|Во|В|У|Em|En|In|Im|À|A|Au|Ad|Din|Na|Í|Á)[ \t])?(\p{Lu}[\p{L}\p{M}'’-]{1,30}(?:[ \t]\p{Lu}[\p{L}\p{M}'’-]{1,30}){0,2})`;
// Between the place and the date: a comma, and the words French, German, Czech, Polish, Spanish and Italian put
// there ("Paris, le", "Berlin, den", "Praha dne", "Warszawa, dnia").
const JOIN = String.raw`(?:,[ \t]*|[ \t]+(?=(?:dne|dnia|den|le|el|il|am)[ \t]))(?:(?:le|den|am|dne|dnia|el|il|op|em)[ \t]+)?`;
// The line starts there, or after a heading's dash ("Field visit report – Goma, 6 October 2025").
const BEFORE_DATE = new RegExp(String.raw`(?:^|\n|[ \t][–—][ \t])[ \t]*${PLACE}${JOIN}$`, "u");
// Finnish puts the town in the locative case and no comma: "Tampereella 6.10.2025", "Helsingissä 1.2.2025".
const FINNISH_BEFORE_DATE = /(?:^|\n)[ \t]*(\p{Lu}\p{Ll}{2,30}(?:ssa|ssä|lla|llä))[ \t]+$/u;
// After the date the line ends, maybe after a dot or a word for "year" ("15.10.2025. године", "10 marca 2025 r."), or
// a dateline's dash opens the text.
const AFTER_DATE = /^[ \t]*(?:\.|,)?[ \t]*(?:г\.|године|godine|roku|r\.|m\.|a\.|год\.)?[ \t]*(?:\r?\n|$|[–—-][ \t])/u;
// Capitalized words that stand before a date without being places: labels and words of a document's header.
const NOT_PLACES = new Set(
  `date dated datum fecha data updated signed posted sent received issued created modified printed today yesterday
  tomorrow invoice order due start end from to until since deadline delivered shipped paid effective valid expires
  expiry version release meeting session week weekend term semester quarter report minutes agenda notice update draft
  final revised last next born geboren né née nacido nacida deceased died arrival departure pickup delivery
  appointment hi hello dear thanks regards stand fälligkeit lieferung rechnung fattura factura facture
  bestellung pedido ordine commande kontakt vom bis ab seit du au del al dal fino hasta até desde od do`.split(/\s+/),
);
const SCORE = 0.75;
// Weekdays and months of every covered language: "Lundi, 3 mars" names a day, not a place.
let calendar: ReadonlySet<string> | undefined;
const calendarWords = () =>
  (calendar ??= new Set([...CLDR_WEEKDAYS, ...CLDR_MONTHS].flatMap((w) => w.toLowerCase().split(/\s+/u))));

/**
 * Places named before a date at the start of a line: "Lindenau, 20. Oktober 2025", "U Splitu, 10. listopada 2025.",
 * from the dates the recognizers found. A place already found as anything, and words a header puts there ("Updated,
 * 3 May 2025", "Invoice, 12/03/2025"), are left alone.
 */
export function placesBeforeDates(text: string, found: readonly Entity[]): Entity[] {
  const out: Entity[] = [];
  let taken: SpanIndex | undefined;
  for (const date of found) {
    if (date.type !== "DATE_TIME") continue;
    if (!AFTER_DATE.test(text.slice(date.end, date.end + 24))) continue;
    const headStart = Math.max(0, date.start - 90);
    const head = text.slice(headStart, date.start);
    const m = BEFORE_DATE.exec(head) ?? FINNISH_BEFORE_DATE.exec(head);
    if (!m) continue;
    // `^` is the slice's start: a line's only where the slice opens the text or follows a line break.
    if (m.index === 0 && !/^(?:\n|[ \t][–—])/u.test(m[0]) && headStart > 0 && text[headStart - 1] !== "\n") continue;
    const place = m[1]!;
    const start = date.start - head.length + m.index + m[0].indexOf(place);
    const end = start + place.length;
    // After a heading's dash the line names a meeting as often as a place ("Transkript – Projekt-Jour-fixe, 15.10."):
    // only plain words there.
    if (/[–—]/u.test(m[0]) && /[-'’]/u.test(place)) continue;
    const words = place.toLowerCase().split(/[ \t]/u);
    if (words.some((w) => NOT_PLACES.has(w) || calendarWords().has(w))) continue;
    // A word the English lexicon lists as an ordinary word ("Monday", "Total", "Sale") is no town's name.
    if (words.length === 1 && lexiconKind(words[0]!) === "common") continue;
    taken ??= new SpanIndex(found);
    if (taken.overlaps(start, end)) continue;
    out.push({ start, end, type: "LOCATION", score: SCORE, text: place, recognizer: "place-before-date" });
  }
  return out;
}
