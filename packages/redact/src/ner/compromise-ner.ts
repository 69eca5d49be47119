import nlp from "compromise";
import type { EntityType } from "../entity-type";
import type { RecognizerResult } from "../recognizer";

interface TermJson {
  offset?: { start: number; length: number };
}
interface MatchJson {
  terms?: TermJson[];
}

const KINDS: readonly (readonly [EntityType, "people" | "places" | "organizations", number])[] = [
  ["PERSON", "people", 0.7],
  ["LOCATION", "places", 0.65],
  ["ORGANIZATION", "organizations", 0.6],
];

/** Title-cases ALL-CAPS words so compromise sees names it knows; only where lengths stay equal, so offsets hold. */
function softenCaps(text: string): string {
  return text.replace(/\p{Lu}{2,}/gu, (w) => {
    const t = w[0] + w.slice(1).toLowerCase();
    return t.length === w.length ? t : w;
  });
}

/**
 * People, places and organizations that compromise finds in one sentence, offset by `base`. Offsets come from the
 * first and last term, because compromise's match offsets include trailing punctuation ("Acme Corp.,").
 */
export function compromiseEntities(sentence: string, base: number): RecognizerResult[] {
  const doc = nlp(softenCaps(sentence));
  const out: RecognizerResult[] = [];
  for (const [type, method, score] of KINDS) {
    const matches = doc[method]().json({ offset: true, terms: { offset: true } }) as MatchJson[];
    for (const m of matches) {
      const first = m.terms?.[0]?.offset;
      const last = m.terms?.at(-1)?.offset;
      if (!first || !last) continue;
      let start = first.start;
      let end = last.start + last.length;
      // Term offsets still carry punctuation compromise kept inside the term ("Corp.,").
      while (end > start && /[\s,;:!?)"'»”]/u.test(sentence[end - 1]!)) end--;
      if (end > start && sentence[end - 1] === "." && !/\p{Lu}\.$|(?:Inc|Ltd|Corp|Co|Jr|Sr|St)\.$/u.test(sentence.slice(start, end)))
        end--;
      while (start < end && /["'(«“]/u.test(sentence[start]!)) start++;
      if (end <= start || !/\p{Lu}/u.test(sentence[start]!)) continue;
      out.push({ start: base + start, end: base + end, type, score });
    }
  }
  return out;
}
