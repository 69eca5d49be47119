import type { ComplexityFeatures } from "../spec/router";
import { countWords } from "./count-words";

// Constraint-like clauses in English, German, French and Spanish: times, days, limits, conditions, exclusions.
// These patterns hold only BMP literals, so they run without the `u` flag: V8 matches a case-insensitive
// alternation several times faster that way, and on this alphabet the matches are the same.
const CONSTRAINT =
  /\b(?:\d{1,2}(?::\d{2})?\s?(?:am|pm|h|uhr)|\d{1,2}:\d{2}|mon(?:day)?|tue(?:sday)?|wed(?:nesday)?|thu(?:rsday)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?|montag|dienstag|mittwoch|donnerstag|freitag|lundi|mardi|mercredi|jeudi|vendredi|lunes|martes|miércoles|jueves|viernes|must|mustn't|cannot|can't|not before|not after|no later than|no earlier than|at least|at most|only if|only|unless|except|avoid|without|between|before|after|until|deadline|conflict|overlap|prefer(?:s|ably)?|required?|muss|nicht vor|nicht nach|spätestens|frühestens|außer|doit|pas avant|pas après|sauf|au plus tard|debe|no antes|no después|excepto|antes de|después de)\b/gi;
const BULLET = /^\s*(?:[-*•]|\d+[.)])\s+/gm;
const PLACEHOLDER = /\[[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*_\d+\]/g;
// A capitalised word not at the start of a sentence: a cheap stand-in for "a person or place is involved".
const NAME_LIKE = /(?<![.!?:]\s|^)\b\p{Lu}\p{Ll}{2,}\b/gmu;

const PRIORITISE =
  /\b(?:priori[tz]i[sz]e|prioriti[sz]e|rank|triage|most (?:important|urgent)|what should i (?:do|handle) first|which (?:first|matters)|urgent(?:ly)?|wichtigste|prioridad|priorité)/i;
const PLAN =
  /\b(?:schedul\w*|plan\w*|arrange|find (?:a |an )?(?:[\w-]+ )?(?:time|slot)|slots?|itinerary|organi[sz]e|coordinate|reschedule|book|calendar|termin\w*|planifi\w*|agend\w*|organiser|organizar)/i;
const COMPOSE =
  /\b(?:write|draft|compose|reply|respond|answer (?:this|her|him|them)|letter|e-?mail back|message to|rédige\w*|écri\w*|schreib\w*|antworte\w*|escrib\w*|redact\w*|responde\w*)/i;
const REWRITE =
  /\b(?:rewrite|rephrase|shorten|translate|summari[sz]e|proofread|fix (?:the )?grammar|übersetz\w*|zusammenfass\w*|traduis|résume|traduce|resume)/i;

/** Complexity features of a prompt, computed in microseconds with no model: the inputs of the routing score. */
export function complexityFeatures(prompt: string): ComplexityFeatures {
  const words = countWords(prompt);
  const constraints = (prompt.match(CONSTRAINT)?.length ?? 0) + (prompt.match(BULLET)?.length ?? 0);
  const names = new Set([...(prompt.match(NAME_LIKE) ?? []), ...(prompt.match(PLACEHOLDER) ?? [])]);
  const questionType = PRIORITISE.test(prompt)
    ? "prioritise"
    : PLAN.test(prompt)
      ? "plan"
      : COMPOSE.test(prompt)
        ? "compose"
        : REWRITE.test(prompt)
          ? "rewrite"
          : "lookup";
  return { constraints, words, parties: names.size, questionType };
}

// V8 compiles a regex on its first runs (apart for strings of one-byte and of two-byte characters), and compiles it
// without its optimizations once the process holds much machine code. In a process that had analyzed many texts
// before its first routing decision, these patterns ran five times slower: about 190 µs per 2 KB prompt instead of
// 40. Running them once here, when the module loads, compiles them while the process is young.
for (const sample of ["Ann must call Ben at 5 pm: reply", "Ann must call Ben at 5 pm: reply \u0101"]) {
  for (let run = 0; run < 2; run++) complexityFeatures(sample);
}
