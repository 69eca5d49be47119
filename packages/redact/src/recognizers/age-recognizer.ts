import { patternRecognizer } from "../pattern-recognizer";

const AFTER =
  "(?:years?\\sold|yrs?\\sold|y/o|yo|year-old|-year-old|jahre\\salt|jahre|jährig|-jährige[rn]?|ans|años|anni|jaar|anos|år)";
const BEFORE = "(?:aged|age|âgée?|edad|età|leeftijd|idade|alter|im\\salter\\svon)";

/** Ages written with their unit ("42 years old", "42 Jahre", "42 ans") or after "aged". The number is the span. */
export const ageRecognizer = patternRecognizer({
  name: "age",
  type: "AGE",
  context: [
    "age",
    "old",
    "alt",
    "âge",
    "edad",
    "età",
    "born",
    "bin",
    "j'ai",
    "tengo",
    "tiene",
    "cumple",
    "ho",
    "compie",
    "ben",
    "tenho",
    "wird",
    "turns",
    "turned",
    "fête",
    "cumpleaños",
  ],
  patterns: [
    {
      regex: new RegExp(`(?<![\\p{L}\\p{N}.,])(1[01]\\d|\\d{1,2})(?:\\s|-)?${AFTER}(?![\\p{L}])`, "dgiu"),
      group: 1,
      score: 0.75,
      validate: (_v, m) => {
        const unit = m[0].slice(m[1]!.length).trim().toLowerCase();
        // "5 years" of experience is not an age; "5 Jahre alt" and "5 years old" are.
        if (!/^(?:jahre|ans|años|anni|jaar|anos|år)$/.test(unit)) return 0.8;
        // Bare "Jahre"/"ans"/"años" is an age unless it is a duration: "vor 3 Jahren", "2 anni fa", "hace 5 años".
        const before = m.input.slice(Math.max(0, m.index - 20), m.index).toLowerCase();
        const after = m.input.slice(m.index + m[0].length, m.index + m[0].length + 16).toLowerCase();
        if (
          /(?:hace|há|vor|il y a|seit|depuis|desde|da|per|für|pendant|durante|over|in|en|em|dans|tra|fra|nach|après|dopo|después|após|met|plus de|más de|più di|mehr als|ca\.?|etwa|about|über)\s$/.test(
            before,
          )
        )
          return null;
        if (
          /^\s?(?:fa|geleden|atrás|später|plus tard|después|dopo|later|d'|de\s|di\s|van\s|of\s|lang|long|erfahrung|d’)/.test(
            after,
          )
        )
          return null;
        return 0.6;
      },
    },
    {
      // "Arjun (9)", "Jürgen Krause (45)": a one- or two-digit number in brackets right after a capitalized name.
      regex: /(?<=\p{Lu}[\p{L}'-]{1,30}\s?\()(\d{1,2})(?=\))/gu,
      requires: /\(\d{1,2}\)/,
      score: 0.55,
    },
    {
      regex: new RegExp(`(?<![\\p{L}])${BEFORE}:?\\s(1[01]\\d|\\d{1,2})(?![\\p{N}.,]\\p{N}|\\p{N})`, "dgiu"),
      group: 1,
      score: 0.7,
    },
    {
      // "I'm 34, Brazilian", "ich bin 41 und ...": a bare number said of oneself, closed by punctuation or "and".
      regex:
        /(?<![\p{L}])(?:i'm|i’m|i am|ich bin|ik ben|je suis|sono|soy|sou|tengo|tenho|ho)\s(1[01]\d|[1-9]\d?)(?=\s?[,;.!)]|\s(?:and|und|en|et|e|y)\s|$)/dgimu,
      group: 1,
      score: 0.6,
    },
    {
      // "candidate Chen Wei, 29, Chinese national": a number between commas right after a capitalized name.
      regex: /(?<=\p{Lu}\p{Ll}{1,30},\s)(1[01]\d|[1-9]\d?)(?=,\s\p{L})/gu,
      requires: /\p{Ll},\s\d{1,3},\s/u,
      score: 0.55,
    },
  ],
});
