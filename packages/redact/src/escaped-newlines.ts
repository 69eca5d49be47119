// A line break written as the two characters "\n": how iCalendar folds a DESCRIPTION into one line and how JSON and
// logs carry text ("DESCRIPTION:Patient: Amelia Fox\nNHS no: 943 476 5919"). Before a capital, a digit or a sign
// it is a line break; before a lower-case letter it may be a path ("C:\new"), and stays.
const ESCAPED_NEWLINE = /\\n(?![a-z])/g;

/**
 * `text` with each escaped line break read as a real one followed by a space: the same length, so every offset
 * found in the result is an offset in `text`. Recognizers then see the lines a writer meant, and the word after the
 * break starts a word ("nNHS" was a word, "NHS" after the break a label).
 */
export function withEscapedNewlines(text: string): string {
  return text.includes("\\n") ? text.replace(ESCAPED_NEWLINE, "\n ") : text;
}
