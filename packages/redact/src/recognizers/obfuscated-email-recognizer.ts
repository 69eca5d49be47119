import { patternRecognizer } from "../pattern-recognizer";

const AT = "(?:at|arroba|arobase|chiocciola|klammeraffe|malpa|małpa|snabel-a)";
const DOT = "(?:dot|punto|ponto|point|punkt|punt|kropka)";
const LOCAL = "[\\p{L}\\p{N}][\\p{L}\\p{N}._%+-]{0,63}";
const LABEL = "[\\p{L}\\p{N}][\\p{L}\\p{N}-]{0,62}";
// "[at]", "(at)", "{dot}", "<punkt>": a word for "@" or "." in brackets, maybe spaced.
const bracketed = (word: string) => `\\s?[\\[({<]\\s?${word}\\s?[\\])}>]\\s?`;

/** Whether the last label of a domain written in words is a top-level domain: letters only, two to 24 of them. */
function endsOnTld(value: string): boolean {
  return /(?:^|[^\p{L}])\p{L}{2,24}$/u.test(value);
}

/**
 * E-mail addresses written so that harvesters miss them: "lucia.fernandez [arroba] hotmail [punto] com",
 * "paul(at)schmidt-online(punkt)de", "j.doe AT example DOT com". A word for "@" in brackets, or "AT" and "DOT" in
 * capitals between the parts, is written only to hide an address, so no context word is needed.
 */
export const obfuscatedEmailRecognizer = patternRecognizer({
  name: "obfuscated-email",
  type: "EMAIL",
  patterns: [
    {
      // Every separator opens on a bracket or a dot that no label holds: a run of text has one way through.
      regex: new RegExp(
        `(?<![\\p{L}\\p{N}._%+-])${LOCAL}${bracketed(AT)}${LABEL}(?:(?:${bracketed(DOT)}|\\.)${LABEL}){1,5}(?![\\p{L}\\p{N}])`,
        "giu",
      ),
      requires: new RegExp(`[\\[({<]\\s?${AT}\\s?[\\])}>]`, "i"),
      score: 0.9,
      validate: (value) => (endsOnTld(value) ? 0.9 : null),
    },
    {
      regex: new RegExp(
        `(?<![\\p{L}\\p{N}._%+-])${LOCAL} AT ${LABEL}(?:(?: DOT |\\.)${LABEL}){1,5}(?![\\p{L}\\p{N}])`,
        "gu",
      ),
      requires: / AT [^\s]{1,63} DOT /,
      score: 0.8,
      validate: (value) => (endsOnTld(value) ? 0.8 : null),
    },
  ],
});
