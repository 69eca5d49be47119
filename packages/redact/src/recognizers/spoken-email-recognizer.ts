import { patternRecognizer } from "../pattern-recognizer";

const AT = "(?:at|arroba|arobase|chiocciola|klammeraffe)";
const DOT = "(?:dot|punto|ponto|point|punkt|punt)";
const PART = "[a-z0-9][a-z0-9_-]{0,30}";
const TLD =
  "(?:com|org|net|edu|gov|info|biz|io|co|me|app|dev|uk|de|fr|es|it|nl|be|ch|at|au|nz|ca|ie|in|br|mx|pt|pl|se|no|dk|fi|jp|cn|kr|example)";

/**
 * E-mail addresses said in words, as call transcripts write them: "colleen dot m at fvcu dot example dot com",
 * "ana punto ruiz arroba correo punto es". Taken only when the domain ends on a known top-level domain said as a
 * word and a word for mail or writing stands near it.
 */
export const spokenEmailRecognizer = patternRecognizer({
  name: "spoken-email",
  type: "EMAIL",
  context: [
    "email",
    "e-mail",
    "mail",
    "correo",
    "courriel",
    "address",
    "adresse",
    "write",
    "escríbe",
    "schreib",
    "écri",
    "scrivi",
  ],
  patterns: [
    {
      // Bounded repeats, each opened by its literal " dot ": a run of words has one way through.
      regex: new RegExp(
        `(?<![\\p{L}\\p{N}])${PART}(?: (?:${DOT}|underscore|dash|hyphen) ${PART}){0,4} ${AT} ${PART}(?: ${DOT} ${PART}){0,3} ${DOT} ${TLD}(?![\\p{L}\\p{N}])`,
        "giu",
      ),
      requires: new RegExp(` ${DOT} ${TLD}(?![a-z])`, "i"),
      // Said in words, it is taken only with a word for mail near it: "we met at home dot com" is no address.
      score: 0.3,
    },
  ],
});
