/**
 * A regex source matching any of `words`, grouped by first letter (`a(?:nalyst|rchitect)|b(?:…)`), for keyword lists
 * of hundreds of words. The engine tries a flat alternation's branches one by one at every position it is run; grouped,
 * it compares one letter per group first. Matches the same strings as the flat alternation. Words are lower-case
 * (match them with the `i` flag); regex syntax in a word is escaped.
 */
export function wordAlternation(words: readonly string[]): string {
  const groups = new Map<string, string[]>();
  for (const w of new Set(words)) {
    // A code point, not a code unit: the first letter of "ředitel" is one character either way, of an astral word not.
    const first = String.fromCodePoint(w.codePointAt(0)!);
    const rest = w.slice(first.length);
    const list = groups.get(first);
    if (list) list.push(rest);
    else groups.set(first, [rest]);
  }
  const branches: string[] = [];
  for (const [first, rests] of groups) {
    // Longer endings first, so "lehrerin" is tried before "lehrer" where both could end the match.
    const sorted = [...rests].sort((a, b) => b.length - a.length || (a < b ? -1 : 1)).map(escapeLiteral);
    branches.push(
      sorted.length === 1 ? `${escapeLiteral(first)}${sorted[0]}` : `${escapeLiteral(first)}(?:${sorted.join("|")})`,
    );
  }
  return branches.join("|");
}

function escapeLiteral(s: string): string {
  return s.replace(/[\\^$.*+?()[\]{}|/]/g, "\\$&");
}
