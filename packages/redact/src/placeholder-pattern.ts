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
  return new RegExp(placeholderSource(types), "gu");
}

// Every new vault (a new conversation) builds its regex once, from the few sets of types conversations have: the
// source is spelled once per set. Bounded; cleared whole when full.
const SOURCES = new Map<string, string>();
const MAX_SOURCES = 256;

function placeholderSource(types: readonly string[]): string {
  const id = JSON.stringify(types);
  const known = SOURCES.get(id);
  if (known !== undefined) return known;
  const sorted = [...types].sort((a, b) => b.length - a.length);
  const loose = sorted.map((t) => t.split("_").map(eitherCase).join("[ _-]")).join("|");
  const strict = sorted.join("|");
  const source = `\\[ ?(${loose})[ _-]?(\\d{1,9}) ?\\]|(?<![\\p{L}\\p{N}_])(${strict})_(\\d{1,9})(?![\\p{L}\\p{N}_])`;
  if (SOURCES.size >= MAX_SOURCES) SOURCES.clear();
  SOURCES.set(id, source);
  return source;
}

/** Canonical key of a placeholder match: `PERSON_1`. */
export function canonicalKey(type: string, n: string): string {
  // Models mostly echo `[PERSON_1]` as it was: a type already canonical and a number without leading zeros (which
  // is its own decimal form) are taken as they are.
  const canonicalType = isCanonicalType(type) ? type : type.toUpperCase().replace(/[ -]/g, "_");
  const canonicalNumber = n.length > 0 && n.charCodeAt(0) !== 48 && isDigits(n) ? n : String(Number(n));
  return `${canonicalType}_${canonicalNumber}`;
}

function isCanonicalType(type: string): boolean {
  for (let i = 0; i < type.length; i++) {
    const c = type.charCodeAt(i);
    if (!((c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95)) return false;
  }
  return true;
}

function isDigits(n: string): boolean {
  for (let i = 0; i < n.length; i++) {
    const c = n.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}
