import type { Entity } from "./entity";
import { SpanIndex } from "./span-index";

// Many countries' postcodes are bare digits ("Durban 4001", "Mumbai – 400051", "Kraaifontein, 7570", "00100,
// Nairobi", "จ.นนทบุรี 11110") that no pattern can tell from any other number. Next to a town or a street the
// recognizers found, they are the postcode: this pass runs after the recognizers, on their places and addresses.

// After a place: digits (or Malta's three letters and four digits) before the line's end, a comma, a stop, a dash or
// a capital (the country, the town).
// A comma right before the digits, without a space, is a table's ("Mysuru,4820.00"), and a decimal part makes an amount.
const AFTER_PLACE =
  /^(?:,[ \t]{1,2}|[ \t]{1,2}(?:[–—-][ \t]{1,2})?)(\d{4,6}|[A-Z]{3}[ \t]?\d{4})(?=[ \t]*(?:$|\r?\n|[,;)]|\.(?!\d)|[ \t][–—-]|[ \t]\p{Lu}))/u;
// Before a place: five or six digits and a comma ("00100, Nairobi", "190000, г. Санкт-Петербург").
const BEFORE_PLACE = /(?:^|[\s(–—-])(\d{5,6}),[ \t]{1,2}(?:г\.[ \t]?)?$/u;
// A year after a town is a year ("Paris 2024", "Expo Osaka 2025"), not a postcode.
const YEAR = /^(?:19|20)\d\d$/;
const SCORE = 0.7;

/** Postcodes of bare digits right after or before a place or an address that the recognizers found. */
export function postcodesNearPlaces(text: string, found: readonly Entity[]): Entity[] {
  const out: Entity[] = [];
  let index: SpanIndex | undefined;
  // The digits after one place and before the next are the same span, read twice: taken once.
  const added = new Set<number>();
  const taken = (start: number, end: number) => {
    index ??= new SpanIndex(found);
    return index.overlaps(start, end) || added.has(start);
  };
  const push = (start: number, end: number, value: string) => {
    added.add(start);
    out.push({ start, end, type: "ZIP_CODE", score: SCORE, text: value, recognizer: "postcode-near-place" });
  };
  for (const place of found) {
    if (place.type !== "LOCATION" && place.type !== "ADDRESS") continue;
    const after = AFTER_PLACE.exec(text.slice(place.end, place.end + 24));
    if (after && !YEAR.test(after[1]!)) {
      const start = place.end + after[0].length - after[1]!.length;
      const end = start + after[1]!.length;
      // Digits running on ("4001-2", "40012") or a unit after them ("4001 m") never reach AFTER_PLACE's end.
      if (!taken(start, end)) push(start, end, after[1]!);
    }
    if (place.type !== "LOCATION") continue;
    const before = BEFORE_PLACE.exec(text.slice(Math.max(0, place.start - 16), place.start));
    if (before) {
      const end = place.start - before[0].length + before[0].indexOf(before[1]!) + before[1]!.length;
      const start = end - before[1]!.length;
      if (!taken(start, end)) push(start, end, before[1]!);
    }
  }
  return out;
}
