/** Letters of a type name matched in either case: `[Pp][Ee]...`, so no `i` flag leaks into the rest. */
function eitherCase(word: string): string {
  return [...word].map((ch) => (/[A-Z]/.test(ch) ? `[${ch}${ch.toLowerCase()}]` : ch)).join("");
}

/**
 * The regex that finds placeholders of the given types, in the forms models write them back: `[PERSON_1]`,
 * `[Person_1]`, `[PERSON 1]`, `[person-1]`, and bare `PERSON_1` (upper case, underscore, whole word only). Every
 * quantifier is bounded, so the scan is linear. Groups: 1/2 bracketed type and number, 3/4 bare type and number.
 */
export function placeholderRegex(types: readonly string[]): RegExp | null {
  if (types.length === 0) return null;
  const sorted = [...types].sort((a, b) => b.length - a.length);
  const loose = sorted.map((t) => t.split("_").map(eitherCase).join("[ _-]")).join("|");
  const strict = sorted.join("|");
  return new RegExp(
    `\\[ ?(${loose})[ _-]?(\\d{1,9}) ?\\]|(?<![\\p{L}\\p{N}_])(${strict})_(\\d{1,9})(?![\\p{L}\\p{N}_])`,
    "gu",
  );
}

/** Canonical key of a placeholder match: `PERSON_1`. */
export function canonicalKey(type: string, n: string): string {
  return `${type.toUpperCase().replace(/[ -]/g, "_")}_${Number(n)}`;
}
