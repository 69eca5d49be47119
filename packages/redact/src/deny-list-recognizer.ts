import type { EntityType } from "./entity-type";
import type { Recognizer, RecognizerResult } from "./recognizer";

/**
 * Escapes the syntax characters of a `u`-mode regex. `-` is left alone on purpose: outside a character class it is
 * a literal, and `\-` there is a syntax error under the `u` flag ("Jean-Pierre" must not break the analyzer).
 */
export function escapeRegex(value: string): string {
  return value.replace(/[\\^$.*+?()[\]{}|/]/g, "\\$&");
}

/** A recognizer that always reports the given words (case-insensitive, whole words only) as `type`. */
export function denyListRecognizer(type: EntityType, values: readonly string[], score = 1): Recognizer {
  const list = values.filter((v) => v.trim() !== "").sort((a, b) => b.length - a.length);
  const regex =
    list.length === 0
      ? null
      : new RegExp(`(?<![\\p{L}\\p{N}_])(?:${list.map(escapeRegex).join("|")})(?![\\p{L}\\p{N}_])`, "giu");
  return {
    name: `deny-list:${type}`,
    types: [type],
    analyze(text: string): RecognizerResult[] {
      if (!regex) return [];
      const out: RecognizerResult[] = [];
      const r = regex;
      r.lastIndex = 0;
      for (let m = r.exec(text); m !== null; m = r.exec(text))
        out.push({ start: m.index, end: m.index + m[0].length, type, score });
      return out;
    },
  };
}
