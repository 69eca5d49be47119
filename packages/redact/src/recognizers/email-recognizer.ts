import { patternRecognizer } from "../pattern-recognizer";

// A letter of a script that writes spaces between words. Chinese, Japanese and Korean text runs straight into an
// address ("ご連絡はtanaka@example.co.jpまで", "发邮件至service@163.com或zhang.wei_88@qq.com"), so their letters end it.
const LETTER = "[^\\P{L}\\p{sc=Han}\\p{sc=Hiragana}\\p{sc=Katakana}\\p{sc=Hangul}]";
const LABEL = `(?:${LETTER}|\\p{N})(?:${LETTER}|[\\p{N}-]){0,62}`;
const DOMAIN = `(?:${LABEL}\\.){1,8}${LETTER}{2,24}(?!${LETTER}|[\\p{N}-])`;

// Headers that carry message ids, which are written like addresses but name a message, not a person; and the UID of
// an iCalendar event ("UID:4hq7c1sbn2k0v8d2rj9ef3l1tm@google.com"), which names the event.
// Inside a link's credentials ("mysql://svc:p4ss!x@db.internal"): the end of the password and the host are no
// address.
const LINK_CREDENTIALS_BEFORE = /:\/\/[^\s@/:]{1,64}:[^\s@/]*$/;
const MESSAGE_ID_BEFORE = /(?:message-id|in-reply-to|references|content-id|(?:^|\n)uid)\s?:\s?<?$/iu;

/** E-mail addresses, Unicode local parts and domains included, with an apostrophe or a quoted local part. */
export const emailRecognizer = patternRecognizer({
  name: "email",
  type: "EMAIL",
  context: ["email", "e-mail", "mail", "courriel", "correo"],
  patterns: [
    {
      // The look-behind makes each run of local-part characters a single start, which keeps the scan linear; an
      // apostrophe inside a name ("o'connor.sean@") does not start one.
      regex: new RegExp(
        `(?<![\\p{N}._%+-]|${LETTER}|${LETTER}')(?:${LETTER}|[\\p{N}_%+-])(?:${LETTER}|[\\p{N}._%+'-]){0,63}@${DOMAIN}`,
        "gu",
      ),
      requires: /@/,
      // The "@" comes after at most 64 characters of local part, each one or two UTF-16 units, all of them letters,
      // digits (or the surrogates of astral ones) and the punctuation above.
      anchor: { regex: /@/, within: 128, run: /[\p{L}\p{N}._%+'\-\ud800-\udfff]/u },
      score: 1,
      validate: (_value, m, text) =>
        MESSAGE_ID_BEFORE.test(text.slice(Math.max(0, m.index - 16), m.index)) ||
        LINK_CREDENTIALS_BEFORE.test(text.slice(Math.max(0, m.index - 200), m.index))
          ? null
          : 1,
    },
    {
      // A quoted local part ("j.smith"@example.org), which RFC 5322 allows for any printable characters.
      regex: new RegExp(`"[^"\\s@\\\\]{1,62}"@${DOMAIN}`, "gu"),
      requires: /"@/,
      score: 1,
    },
  ],
});
