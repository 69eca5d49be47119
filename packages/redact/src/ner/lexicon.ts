import nlp from "compromise/two";
import { WordFilter } from "./word-filter";

/** What compromise's lexicon says a lower-case word is, reduced to the kinds the name pass cares about. */
export type LexiconKind = "person" | "place" | "org" | "common";

interface WorldShape {
  readonly model?: { readonly one?: { readonly lexicon?: Readonly<Record<string, string | readonly string[]>> } };
}

const PERSON_TAGS = new Set(["FirstName", "MaleName", "FemaleName", "LastName", "Person"]);
const PLACE_TAGS = new Set(["City", "Country", "Place", "Region"]);
const ORG_TAGS = new Set(["Organization", "SportsTeam", "Company"]);
// Tags that say nothing about whether a capitalized word is a name.
const NEUTRAL_TAGS = new Set(["ProperNoun", "Noun", "Singular", "Acronym", "Abbreviation"]);

let kinds: Map<string, LexiconKind> | null = null;
// Most words looked up are not in the lexicon: its keys' filter says so without touching the map.
let listed: WordFilter | null = null;

function load(): Map<string, LexiconKind> {
  const lexicon = (nlp.world() as WorldShape).model?.one?.lexicon ?? {};
  const map = new Map<string, LexiconKind>();
  for (const [word, value] of Object.entries(lexicon)) {
    const tags = typeof value === "string" ? [value] : value;
    let kind: LexiconKind | null = null;
    if (tags.some((t) => PERSON_TAGS.has(t))) kind = "person";
    else if (tags.some((t) => PLACE_TAGS.has(t))) kind = "place";
    else if (tags.some((t) => ORG_TAGS.has(t))) kind = "org";
    else if (tags.some((t) => !NEUTRAL_TAGS.has(t))) kind = "common";
    else if (tags.includes("Singular")) kind = "common";
    if (kind) map.set(word, kind);
  }
  listed = new WordFilter(map.size);
  for (const word of map.keys()) listed.add(word);
  return map;
}

/**
 * The kind of a lower-case word in compromise's English lexicon, or undefined when it does not list it. Looking a
 * word up costs a map read, where running compromise's tagger over its sentence costs milliseconds: the name pass
 * asks the lexicon first and the tagger only about what the lexicon and the rules leave open.
 */
export function lexiconKind(lower: string): LexiconKind | undefined {
  kinds ??= load();
  return listed!.mayHave(lower) ? kinds.get(lower) : undefined;
}
