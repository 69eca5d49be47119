// V8 compiles a pattern whose source is longer than 20 KB without its optimizations. Padded with room to spare, so
// that a copy without its leading look-behind (see leadingLookBehind) is still past it.
const PADDED_TO = 24 * 1024;

/**
 * `regex` with the same matches, made to compile to a fraction of the machine code. For patterns of hundreds of
 * words that run only where a text holds one of them (at that word, sticky), where V8's optimizations (reading ahead
 * for where a match may start) buy little.
 *
 * Why it matters: V8 stops optimizing every regex it compiles once the process holds 16 MB of machine code and has
 * generated a megabyte of regex code ("TooMuchRegExpCode" in its source). Optimized, the job-title patterns came to
 * 15.6 MB for the two kinds of string V8 compiles for (one byte and two bytes a character), unoptimized to 4.8 MB.
 * Whatever compiled after them (for a text's first two-byte string, or a recognizer first needed later) ran
 * unoptimized, some patterns twenty times slower, and speed depended on which texts came first. V8 never optimizes
 * a source longer than 20 KB: this pads the source past that with a class repeated zero times, which matches the
 * empty string and so changes no match. Other engines just read a longer source.
 */
export function smallRegexCode(regex: RegExp): RegExp {
  const missing = PADDED_TO - regex.source.length;
  if (missing <= 0) return regex;
  // One element, not thousands: the package's own readers of regex sources walk elements one by one.
  return new RegExp(`${regex.source}(?:[${"_".repeat(Math.max(1, missing - 8))}]{0})`, regex.flags);
}
