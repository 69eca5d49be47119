import { patternRecognizer } from "../pattern-recognizer";

const TLDS =
  "com|org|net|edu|gov|mil|int|info|biz|io|co|ai|app|dev|me|tv|xyz|online|shop|site|tech|cloud|eu|de|uk|fr|es|it|nl|be|ch|at|pt|br|in|au|ca|us|se|no|dk|fi|pl|cz|ie|nz|za|mx|ar|cl|jp|cn|kr|ru|tr|gr|hu|ro|lu";

/** Drops trailing punctuation a sentence put after a URL, keeping a `)` that closes a `(` inside it. */
function trimUrl(value: string, start: number): { start: number; end: number; score: number } | null {
  let end = value.length;
  while (end > 0) {
    const ch = value[end - 1]!;
    if (".,;:!?'\"»”’>".includes(ch)) end--;
    else if (ch === ")" || ch === "]") {
      const open = ch === ")" ? "(" : "[";
      const inner = value.slice(0, end);
      if (inner.split(open).length - 1 < inner.split(ch).length - 1) end--;
      else break;
    } else break;
  }
  if (end < 4) return null;
  return { start, end: start + end, score: 0.9 };
}

// A URL whose host is an address ("http://192.168.1.1:8080/", "http://[2001:db8::1]/") or whose whole path is a phone
// number ("https://wa.me/5511987654321"): what identifies someone there is the address or the number, which the IP
// and phone recognizers take on their own, and the rest of the URL says nothing.
const ADDRESS_HOST = /^(?:https?|ftp):\/\/(?:[^@/\s]{1,64}@)?(?:\[|(?:\d{1,3}\.){3}\d{1,3}(?![\p{L}\p{N}.-]))/iu;
const PHONE_LINK = /^(?:https?:\/\/)?(?:www\.)?wa\.me\/\+?\d{7,15}\/?$/iu;

/** URLs with a scheme or `www.`, and bare domain names with a common top-level domain. */
export const urlRecognizer = patternRecognizer({
  name: "url",
  type: "URL",
  context: ["url", "link", "website", "site", "web", "domain", "lien", "enlace", "sito"],
  patterns: [
    {
      regex: /(?<![\p{L}\p{N}])(?:(?:https?|ftp):\/\/|www\.)[^\s<>"`\u00A0]{2,2048}/giu,
      requires: /:\/\/|www\./i,
      // "://" comes after at most five letters of scheme; "www." opens the match.
      anchor: { regex: /:\/\/|www\./iu, within: 5 },
      score: 0.9,
      validate: (value, m) => {
        const trimmed = trimUrl(value, m.index);
        if (!trimmed) return null;
        const url = value.slice(0, trimmed.end - m.index);
        return ADDRESS_HOST.test(url) || PHONE_LINK.test(url) ? null : trimmed;
      },
    },
    {
      regex: new RegExp(
        `(?<![\\p{L}\\p{N}@./:_-])(?:[a-z0-9][a-z0-9-]{0,62}\\.){1,4}(?:${TLDS})(?![\\p{L}\\p{N}@_-]|\\.[\\p{L}\\p{N}])(?:/[^\\s<>"\`]{0,512})?`,
        "giu",
      ),
      // A label may end in a hyphen for the regex ("bb-.de"), and with the u flag "[a-z]" holds "ſ" and the Kelvin sign.
      requires: /[a-z0-9-]\.[a-z]{2}/iu,
      // The dot before the top-level domain ends at most four labels of at most 64 characters, and no "@" comes
      // before those labels: e-mail domains, frequent and never taken here, are not landmarks.
      anchor: {
        regex: new RegExp(`\\.(?<!@[a-z0-9.-]{1,255}\\.)(?:${TLDS})(?![\\p{L}\\p{N}@_-]|\\.[\\p{L}\\p{N}])`, "iu"),
        within: 255,
      },
      score: 0.6,
      validate: (value, m) => {
        const trimmed = trimUrl(value, m.index);
        return trimmed ? { ...trimmed, score: 0.6 } : null;
      },
    },
  ],
});
