import { longestMatch } from "./match-bounds";
import { topLevelAlternatives } from "./top-level-alternatives";

/** A pattern `(?<![C])rest` taken apart: `rest` to run, and a test of the character before where it matched. */
export interface LeadingLookBehind {
  readonly rest: RegExp;
  /** Matches the character before a match of `rest` when the whole pattern would not match there. */
  readonly before: RegExp;
  /** Whether characters are code points (the `u` flag): then the character before may be two UTF-16 units. */
  readonly unicode: boolean;
}

// Past this, a match of `rest` that the look-behind then rejects could cost more than the engine's own check.
const MAX_REST = 256;

/**
 * Splits a pattern that opens with a negative look-behind on one character class, `(?<![\p{L}\p{N}])` or
 * `(?<!\p{L})`, when running the rest and checking the character before each match in code is the cheaper way to
 * the same matches. The engine tries such a look-behind at every position, before anything else; without it, it
 * skips ahead to where the rest can start (a digit, a keyword's first letter). Returns null when the rest opens on a
 * class of letters (it could start inside any word, which the look-behind is there to rule out), when a match of it
 * may be long, and for every other shape.
 */
export function leadingLookBehind(regex: RegExp): LeadingLookBehind | null {
  // A sticky pattern stops at the first position where it fails; the split one would go on past a rejected match.
  if (regex.sticky) return null;
  const source = regex.source;
  let cls: string;
  let end: number;
  if (source.startsWith("(?<![")) {
    end = 5;
    while (end < source.length && source[end] !== "]") end += source[end] === "\\" ? 2 : 1;
    if (source[end + 1] !== ")") return null;
    cls = source.slice(4, end + 1);
    end += 2;
  } else {
    const m = /^\(\?<!(\\[pP]\{[\w=]+\})\)/.exec(source);
    if (!m) return null;
    cls = m[1]!;
    end = m[0].length;
  }
  const rest = source.slice(end);
  // "(?<!x)a|b": the look-behind guards only the first alternative.
  if (topLevelAlternatives(rest).length > 1) return null;
  if (/^\[(?:[^\]]*(?:\\p\{L|A-Z|a-z))/.test(rest)) return null;
  if (!(longestMatch(rest, regex.flags) <= MAX_REST)) return null;
  const flags = regex.flags.replace(/[gyd]/g, "");
  try {
    return { rest: new RegExp(rest, regex.flags), before: new RegExp(`^${cls}$`, flags), unicode: flags.includes("u") };
  } catch {
    return null;
  }
}
