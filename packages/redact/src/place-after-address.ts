import type { Entity } from "./entity";
import { lexiconKind } from "./ner/lexicon";
import { SpanIndex } from "./span-index";

// An address goes on with the district and the town after its street ("Rua Marechal Deodoro, 1140, sala 3 – Centro,
// Curitiba", "12, Triq il-Kbira, Ħaż-Żebbuġ ZBG 1304", "زنقة ابن سينا، عمارة 7، الشقة 12، أكدال، الرباط"), and a
// clinic's or a shop's name in a signature or a notice with its town ("ஸ்ரீ ராமா கிளினிக், மதுரை – 0452 ...",
// "النور میٹرنٹی ہوم، کراچی"). The town is any town, listed or not; what marks it is the address or the firm the
// recognizers found right before it, so this pass runs after them.

// One to three words of a place: capitalized in a cased script ("Ħaż-Żebbuġ", "Co. Dublin"), any word in a script
// without case; the particles of "Vila Nova de Gaia" between them.
const WORD = String.raw`(?:\p{Lu}|\p{Lo})[\p{L}\p{M}'’.-]*`;
// The fewest words that reach the place's end, so a state's letters before a postcode stay out ("Brighton VIC 3186").
const WORDS = String.raw`${WORD}(?:[ \t](?:(?:de|da|do|dos|das|del|di|la|le|el|al|il-|en)[ \t])?${WORD}){0,2}?`;
// Where the place ends: the next part, the line's or the sentence's end, a postcode or a state's letters before one
// ("Brighton VIC 3186", "Ħaż-Żebbuġ ZBG 1304").
const PLACE_END = String.raw`(?:[ \t]*(?:[,،;)]|\.(?![\p{L}\p{N}])|\r?\n|$|۔|।|។)|[ \t]+[–—-][ \t]|[ \t]+\p{Lu}{2,3}[ \t]?\d{3,5}(?!\d)|[ \t]+\d{4,6}(?!\d))`;
// After an address: a comma (Latin or Arabic) or a dash between the parts.
const AFTER_ADDRESS = new RegExp(String.raw`^(?:[ \t]*[,،][ \t]*|[ \t]+[–—-][ \t]+)(${WORDS})(?=${PLACE_END})`, "u");
// After a firm's name only where the line ends there, or a dash and a phone follow: "Acme Ltd, London" at a
// signature's end; "Meghana Foods, Koramangala was delivered" goes on as a sentence.
const AFTER_FIRM_END = /^[ \t]*(?:\r?\n|$|[–—-][ \t]*[+\d(])/u;
// Words after an address or a firm that are no place: the unit, the floor, a label, a department.
const NOT_PLACE = new Set(
  `apt apt. apartment suite ste ste. unit floor fl. flat room rm building bldg block blk tower wing level shop
  office stall house plot door gate lot sala piso andar planta etage stock étage bâtiment escalier porta scala
  interno int. ap. ap shk. sh. kat tel tel. phone fax email e-mail mobile mob attn attention po box p.o. c/o
  department dept team division group sales marketing support hr it finance legal accounts reception management
  head headquarters hq branch main rear front upper lower north south east west ground basement annex col col. cep
  c.p. cp report notice circular invoice newsletter update minutes agenda memo receipt statement`.split(/\s+/u),
);
const SCORE = 0.7;

/**
 * Whether `words` hold a word that names no place, are only ordinary English words ("Support", "Final Report"), or
 * are a state's or a country's letters ("CA", "SP"), which the texts this package reads leave as part of the address.
 */
function notPlace(words: string): boolean {
  if (/^\p{Lu}{1,3}$/u.test(words)) return true;
  const parts = words.toLowerCase().split(/[ \t]+/u);
  if (parts.some((w) => NOT_PLACE.has(w))) return true;
  return parts.every((w) => lexiconKind(w) === "common");
}

/**
 * Towns and districts right after an address or a firm the recognizers found, in a chain ("..., Centro, Curitiba"):
 * a place found here is where the next one may follow.
 */
export function placesAfterAddresses(text: string, found: readonly Entity[]): Entity[] {
  const out: Entity[] = [];
  const added = new Set<number>();
  let index: SpanIndex | undefined;
  const anchors = found.filter((e) => e.type === "ADDRESS" || e.type === "ORGANIZATION");
  for (const anchor of anchors) {
    let from = anchor.end;
    const firm = anchor.type === "ORGANIZATION";
    // At most three parts after one address: "4th Block, Jayanagar, Bengaluru".
    for (let part = 0; part < 3; part++) {
      const rest = text.slice(from, from + 80);
      const m = AFTER_ADDRESS.exec(rest);
      if (!m) break;
      let words = m[1]!;
      // A dot ends an abbreviation's word ("Co. Dublin") but not the sentence: the place stops before it.
      while (words.endsWith(".") && !/(?:^|[ \t])\p{Lu}\p{Ll}?\.$/u.test(words)) words = words.slice(0, -1);
      const start = from + m[0].length - m[1]!.length;
      const end = start + words.length;
      const after = text.slice(end, end + 12);
      if (/^[ \t]*:/u.test(after)) break;
      if (firm && (part > 0 || !AFTER_FIRM_END.test(after.replace(/^[ \t]*[,،]?/u, "")))) break;
      if (notPlace(words)) break;
      index ??= new SpanIndex(found);
      // A place the recognizers found goes on the chain, but is not added again.
      if (!index.overlaps(start, end) && !added.has(start)) {
        added.add(start);
        out.push({ start, end, type: "LOCATION", score: SCORE, text: words, recognizer: "place-after-address" });
      }
      from = end;
    }
  }
  return out;
}
