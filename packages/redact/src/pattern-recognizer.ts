import { digitProfile } from "./digit-profile";
import type { EntityType } from "./entity-type";
import { InvalidArgumentError } from "./errors/invalid-argument-error";
import { type LeadingLookBehind, leadingLookBehind } from "./leading-look-behind";
import { digitNeeds } from "./match-bounds";
import type { Recognizer, RecognizerContext, RecognizerResult } from "./recognizer";
import { smallRegexCode } from "./small-regex-code";
import { isHighSurrogate, isLowSurrogate } from "./surrogates";
import { headStarts, holdsCjk, mayHoldHeads, registerHeads } from "./text-heads";
import { listHeads, wordHeads } from "./word-heads";

/** What a validator makes of a regex match: drop it, keep it with a score, or keep a narrower span. */
export type PatternVerdict = null | number | { readonly start: number; readonly end: number; readonly score: number };

/** One regex of a {@link patternRecognizer}. */
export interface Pattern {
  /** Must carry the `g` flag. Keep it linear: bounded repeats, no nested quantifiers over overlapping classes. */
  readonly regex: RegExp;
  /**
   * A cheap test that every text containing a match passes (a literal or short class run, no look-behind): when the
   * text fails it, the pattern is not run. Patterns that open with a look-behind are tried at every position, so on
   * short messages this spares most of their cost. A function serves where a loop over the characters is cheaper
   * than any regex (a long run of one class).
   */
  readonly requires?: RegExp | ((text: string) => boolean);
  /**
   * A landmark every match holds near its start: the `@` of an e-mail address, the top-level domain of a domain name.
   * Every match starting at `s` must contain a match of `regex` (tested on the whole text) starting between `s` and
   * `s + within`. The pattern then runs only from `within` characters before each landmark, so the stretches of text
   * without one are never scanned by it. Worth it for patterns tried at every position (those opening with a class
   * or a look-behind) whose landmark is rare.
   */
  readonly anchor?: PatternAnchor;
  /**
   * The words every match holds, for a pattern whose regex cannot show them: one that leaves a list of hundreds of
   * words out of its regex (a run of letters stands there, which its validator looks up in the list). In a regex,
   * such a list compiles to hundreds of kilobytes of machine code, and V8 stops optimizing every regex it compiles
   * once a process holds 16 MB of code. `atStart`: every match starts where one of the words starts. Given, these
   * are the pattern's heads instead of those read off its regex, and a match the validator turns down is tried again
   * from the next position (a word of the list may start inside it, where the list in the regex would have matched).
   */
  readonly heads?: { readonly words: readonly string[]; readonly atStart: boolean };
  /** Score of a match the validator does not override. */
  readonly score: number;
  /** Capture group whose span is the entity (default 0, the whole match). Needs the `d` flag when not 0. */
  readonly group?: number;
  /** Checksums and other rules; `null` drops the match. */
  readonly validate?: (
    value: string,
    match: RegExpExecArray,
    text: string,
    context: RecognizerContext,
  ) => PatternVerdict;
}

/** See {@link Pattern.anchor}. */
export interface PatternAnchor {
  readonly regex: RegExp;
  readonly within: number;
  /**
   * A class (tested on each UTF-16 unit, so it must hold the surrogates of any astral character it means) of every
   * character between a match's start and its landmark: the local part before an e-mail address's "@". Given, the
   * pattern is tried only at the starts inside the run of such characters before each landmark, one position at a
   * time, instead of scanning from `within` characters before it: a pattern that fails there (a handle "@kemi", an
   * "@" in prose) then costs a few tries, not a scan of the text up to the next match.
   */
  readonly run?: RegExp;
  /**
   * A class of the character every match starts with (read as a code point). Given, the pattern is tried one position
   * at a time, only at such characters within `within` before each landmark (and inside the run, with `run`): a
   * scan from there that finds nothing near the landmark would go on to the end of the text.
   */
  readonly starts?: RegExp;
}

/** Options of {@link patternRecognizer}. */
export interface PatternRecognizerOptions {
  readonly name: string;
  readonly type: EntityType;
  readonly patterns: readonly Pattern[];
  /** Words that raise the score when found near a match. */
  readonly context?: readonly string[];
}

// One test per distinct `requires` (several patterns, across recognizers, share one), remembering its last text:
// recognizers run one after another on the same text, so each test scans a text once.
const tests = new Map<string, (text: string) => boolean>();
/** Length of source past which a sticky pattern's machine code is kept small. */
const LONG_SOURCE = 1_500;

function sharedTest(regex: RegExp, widen: boolean): ((text: string) => boolean) | null {
  const flags = regex.flags.replace(/[gy]/g, "");
  const key = `${widen ? "+u" : ""}${flags}/${regex.source}`;
  let test = tests.get(key);
  if (!test) {
    const own = new RegExp(regex.source, flags);
    // A pattern that folds case with the `u` flag equates more letters than its test without it does ("ſ" and "s",
    // "K" and "k", "ẞ" and "ß"): a text the test fails may still hold a match, unless both read only ASCII.
    let wide: RegExp | null = null;
    if (widen) {
      try {
        wide = new RegExp(regex.source, `${flags}u`);
      } catch {
        return null;
      }
    }
    const asciiSource = plainAscii(regex.source);
    let lastText: string | undefined;
    let last = false;
    test = (text) => {
      if (text !== lastText) {
        last = own.test(text) || (wide !== null && (!asciiSource || FOLDS_APART.test(text)) && wide.test(text));
        lastText = text;
      }
      return last;
    };
    tests.set(key, test);
  }
  return test;
}

// What a source of plain ASCII reads otherwise with the `u` flag than without, in a text: the two letters outside
// ASCII whose case folds to an ASCII letter ("ſ" to "s", the Kelvin sign to "k"), and the halves of a character
// outside the BMP, which `.` and a negated class take one at a time without the flag and as one character with it.
// Every other character folds, and is matched by a class, alike in both readings.
const FOLDS_APART = /[\u017f\u212a\ud800-\udfff]/;

/**
 * Whether a regex source is plain ASCII: no letter outside ASCII, and no escape that may stand for one or that
 * compares case otherwise with the `u` flag (`\u`, `\x`, `\p`, `\c`, octal, backreferences).
 */
function plainAscii(source: string): boolean {
  return !/[\u0080-\uffff]/.test(source) && !/\\[uxpPck0-9]/.test(source);
}

/** Whether a pattern's `requires` folds case with fewer equivalences than the pattern does (`i` against `iu`). */
function foldsLess(pattern: RegExp, requires: RegExp): boolean {
  return (
    pattern.ignoreCase &&
    (pattern.unicode || pattern.flags.includes("v")) &&
    requires.ignoreCase &&
    !requires.unicode &&
    !requires.flags.includes("v")
  );
}

interface HeadsSlot {
  /** -1 when the pattern has no heads. */
  readonly slot: number;
  /** Whether its matches start where a word with a head starts. */
  readonly atStart: boolean;
}

// One slot per distinct pattern, however many recognizers are built with it.
const slots = new Map<string, HeadsSlot>();
const listSlots = new WeakMap<NonNullable<Pattern["heads"]>, HeadsSlot>();

function headsSlot(p: Pattern): HeadsSlot {
  const { regex, heads: given } = p;
  if (given) {
    let slot = listSlots.get(given);
    if (slot === undefined) {
      slot = {
        slot: registerHeads(listHeads(given.words, given.atStart), holdsCjk(given.words.join(" "))),
        atStart: given.atStart,
      };
      listSlots.set(given, slot);
    }
    return slot;
  }
  const key = `${regex.flags}/${regex.source}`;
  let slot = slots.get(key);
  if (slot === undefined) {
    const h = wordHeads(regex);
    slot = h
      ? { slot: registerHeads(h, holdsCjk(regex.source)), atStart: h.atStart === true }
      : { slot: -1, atStart: false };
    slots.set(key, slot);
  }
  return slot;
}

function charBefore(text: string, at: number, unicode: boolean): string {
  const c = text.charCodeAt(at - 1);
  if (unicode && isLowSurrogate(c) && at >= 2 && isHighSurrogate(text.charCodeAt(at - 2))) {
    return text.slice(at - 2, at);
  }
  return text[at - 1]!;
}

/** Where the engine would try next after a failed start at `at`: the next character, a code point in `u` mode. */
function nextIndex(text: string, at: number, unicode: boolean): number {
  const c = text.charCodeAt(at);
  if (unicode && isHighSurrogate(c) && at + 1 < text.length && isLowSurrogate(text.charCodeAt(at + 1))) return at + 2;
  return at + 1;
}

/** A pattern's anchor as the recognizer runs it: its landmark without a leading look-behind, checked in code. */
interface CompiledAnchor {
  readonly regex: RegExp;
  readonly lookBehind: LeadingLookBehind | null;
  readonly within: number;
  readonly run: RegExp | undefined;
  /** Sticky, so that it reads the code point at one position. */
  readonly starts: RegExp | undefined;
}

/** Where the next landmark of an anchored pattern starts, at or after `from`; infinity when there is none. */
function nextLandmark(anchor: CompiledAnchor, text: string, from: number): number {
  const { regex, lookBehind } = anchor;
  regex.lastIndex = from;
  for (;;) {
    const m = regex.exec(text);
    if (m === null) return Number.POSITIVE_INFINITY;
    if (!lookBehind || m.index === 0 || !lookBehind.before.test(charBefore(text, m.index, lookBehind.unicode)))
      return m.index;
    regex.lastIndex = nextIndex(text, m.index, lookBehind.unicode);
  }
}

/**
 * Runs an anchored pattern one position at a time (see {@link PatternAnchor.run} and {@link PatternAnchor.starts}):
 * before each landmark, back over the run's characters (no further than `within`), then the sticky regex at each
 * start from there to the landmark that opens with a character of `starts`, until one matches. A match can start
 * nowhere else: one starting before the run would hold a character outside it before its landmark.
 */
function runAnchored(
  p: Pattern,
  anchor: CompiledAnchor,
  sticky: RegExp,
  lookBehind: LeadingLookBehind | null,
  text: string,
  context: RecognizerContext,
  options: PatternRecognizerOptions,
  out: RecognizerResult[],
): void {
  const { run, starts } = anchor;
  const unicode = sticky.flags.includes("u") || sticky.flags.includes("v");
  let from = 0;
  for (;;) {
    const landmark = nextLandmark(anchor, text, from);
    if (landmark === Number.POSITIVE_INFINITY) return;
    const floor = Math.max(from, landmark - anchor.within);
    let start = floor;
    if (run) {
      start = landmark;
      while (start > floor && run.test(text[start - 1]!)) start--;
    }
    let next = landmark + 1;
    for (; start <= landmark; start++) {
      // Not inside a surrogate pair, which the engine would read from the pair's start.
      if (unicode && start > 0 && isLowSurrogate(text.charCodeAt(start)) && isHighSurrogate(text.charCodeAt(start - 1)))
        continue;
      if (starts) {
        starts.lastIndex = start;
        if (!starts.test(text)) continue;
      }
      if (lookBehind && start > 0 && lookBehind.before.test(charBefore(text, start, lookBehind.unicode))) continue;
      sticky.lastIndex = start;
      const m = sticky.exec(text);
      if (m === null || m[0].length === 0) continue;
      const end = m.index + m[0].length;
      const before = out.length;
      next = end;
      // As in a scan: the rest of a match the validator shortened may hold the next one, and a pattern with listed
      // heads tries again right after a start its validator turned down.
      if (!collect(p, m, text, context, options, out)) {
        if (p.heads) next = nextIndex(text, m.index, unicode);
      } else if (out[before]!.end < end && out[before]!.end > m.index) next = out[before]!.end;
      break;
    }
    from = next;
  }
}

/** Validates one match of `p` and adds what it keeps to `out`; false when it keeps nothing. */
function collect(
  p: Pattern,
  m: RegExpExecArray,
  text: string,
  context: RecognizerContext,
  options: PatternRecognizerOptions,
  out: RecognizerResult[],
): boolean {
  let start = m.index;
  let end = m.index + m[0].length;
  if (p.group) {
    const span = m.indices?.[p.group];
    if (!span) return false;
    [start, end] = span;
  }
  const value = text.slice(start, end);
  const verdict = p.validate ? p.validate(value, m, text, context) : p.score;
  if (verdict === null) return false;
  const result =
    typeof verdict === "number"
      ? { start, end, score: verdict }
      : { start: verdict.start, end: verdict.end, score: verdict.score };
  if (result.end <= result.start) return false;
  out.push(
    options.context
      ? { start: result.start, end: result.end, score: result.score, type: options.type, context: options.context }
      : { start: result.start, end: result.end, score: result.score, type: options.type },
  );
  return true;
}

/** A {@link patternRecognizer}: a recognizer that also shows its patterns. */
export interface PatternRecognizer extends Recognizer {
  readonly patterns: readonly Pattern[];
}

/** A recognizer made of regexes, each with an optional validator: the shape of most structured-data rules. */
export function patternRecognizer(options: PatternRecognizerOptions): PatternRecognizer {
  for (const p of options.patterns) {
    if (!p.regex.global) throw new InvalidArgumentError(`Pattern ${p.regex} of ${options.name} needs the g flag.`);
  }
  // One compiled copy per recognizer, rewound on each call: compiling the larger patterns costs more than running
  // them on a short message. Safe because analyze runs to completion without yielding.
  const compiled = options.patterns.map((p) => new RegExp(p.regex.source, p.regex.flags));
  // Patterns that open with a look-behind on one class run without it where that is cheaper; the character before
  // each match is then checked here.
  const split = options.patterns.map((p) => leadingLookBehind(p.regex));
  const requires = options.patterns.map((p) =>
    p.requires === undefined
      ? null
      : typeof p.requires === "function"
        ? p.requires
        : sharedTest(p.requires, foldsLess(p.regex, p.requires)),
  );
  // The digits each pattern cannot match without, read off its source: on short messages most patterns are ruled out
  // by one count of the text's digits, shared by every recognizer, before any regex runs.
  const needs = options.patterns.map((p) => digitNeeds(p.regex));
  // Likewise the words a keyword pattern cannot match without ("January", "Senior"): one read of the text's words,
  // shared by every pattern, rules out most of them before their regex runs.
  const heads = options.patterns.map((p) => headsSlot(p));
  // A keyword pattern whose matches start at their keyword is tried only where a word of the text holds one, each
  // time at that position alone (sticky): its regex never scans the text, however many keywords it lists.
  // A sticky pattern itself is left as it is: it only matches where its last match ended. A long one is compiled
  // small (see smallRegexCode): tried at one position, it gains nothing from reading ahead.
  const stickies = options.patterns.map((p, k) => {
    if (!heads[k]!.atStart || p.regex.sticky) return null;
    const sticky = new RegExp(p.regex.source, `${p.regex.flags.replace(/g/, "")}gy`);
    return sticky.source.length > LONG_SOURCE ? smallRegexCode(sticky) : sticky;
  });
  // A landmark that opens with a look-behind is found as a pattern is: without it, the character before checked here.
  const anchors = options.patterns.map((p): CompiledAnchor | null => {
    if (!p.anchor) return null;
    const regex = new RegExp(p.anchor.regex.source, `${p.anchor.regex.flags.replace(/[gy]/g, "")}g`);
    const lookBehind = leadingLookBehind(regex);
    const { within, run, starts } = p.anchor;
    return {
      regex: lookBehind ? lookBehind.rest : regex,
      lookBehind,
      within,
      run,
      starts: starts && new RegExp(starts.source, `${starts.flags.replace(/[gy]/g, "")}y`),
    };
  });
  // Anchored patterns with a run or a class of first characters are tried one position at a time.
  const runStickies = options.patterns.map((p, k) => {
    if (!p.anchor?.run && !p.anchor?.starts) return null;
    const rest = split[k]?.rest ?? p.regex;
    return new RegExp(rest.source, `${rest.flags.replace(/[gy]/g, "")}gy`);
  });
  return {
    name: options.name,
    types: [options.type],
    patterns: options.patterns,
    analyze(text: string, context: RecognizerContext): RecognizerResult[] {
      const out: RecognizerResult[] = [];
      const profile = digitProfile(text);
      for (let k = 0; k < options.patterns.length; k++) {
        const p = options.patterns[k]!;
        const need = needs[k]!;
        if (profile.digits < need.digits || profile.run < need.run) continue;
        const slot = heads[k]!.slot;
        if (slot >= 0 && !mayHoldHeads(text, slot)) continue;
        const sticky = stickies[k];
        const at = sticky ? headStarts(text, slot) : null;
        // Tried at a few words, a pattern costs less than its `requires` test would.
        if (!at && requires[k] && !requires[k]!(text)) continue;
        if (at) {
          let from = 0;
          for (const start of at) {
            if (start < from) continue;
            sticky!.lastIndex = start;
            const m = sticky!.exec(text);
            if (m === null) continue;
            // On past the match (an empty one stays where it is: the next word starts further on anyway). A match
            // of a listed word that the validator turned down held a word that is not one; another word of the list
            // may start inside it, as the list in the regex would have found.
            const kept = m[0].length > 0 && collect(p, m, text, context, options, out);
            if (kept || !p.heads) from = sticky!.lastIndex;
          }
          continue;
        }
        const lookBehind = split[k];
        const anchor = anchors[k];
        const runSticky = runStickies[k];
        if (anchor && runSticky) {
          runAnchored(p, anchor, runSticky, lookBehind ?? null, text, context, options, out);
          continue;
        }
        const regex = lookBehind ? lookBehind.rest : compiled[k]!;
        regex.lastIndex = 0;
        // The next landmark at or after where the pattern resumes, kept while it is still ahead: the text is then
        // read once for landmarks, however many matches the look-behind rejects before one.
        let landmark = -1;
        for (;;) {
          if (anchor) {
            if (landmark < regex.lastIndex) landmark = nextLandmark(anchor, text, regex.lastIndex);
            if (landmark === Number.POSITIVE_INFINITY) break;
            // No match starts before the landmark less `within`: it would hold no landmark.
            if (landmark - anchor.within > regex.lastIndex) regex.lastIndex = landmark - anchor.within;
          }
          const m = regex.exec(text);
          if (m === null) break;
          if (lookBehind && m.index > 0 && lookBehind.before.test(charBefore(text, m.index, lookBehind.unicode))) {
            regex.lastIndex = nextIndex(text, m.index, lookBehind.unicode);
            continue;
          }
          if (m[0].length === 0) {
            // A code point on: in `u` mode the engine moves an index inside a surrogate pair back to its start, so
            // one unit on would find the same empty match again, forever.
            regex.lastIndex = nextIndex(text, m.index, regex.flags.includes("u") || regex.flags.includes("v"));
            continue;
          }
          const before = out.length;
          if (!collect(p, m, text, context, options, out)) {
            if (p.heads)
              regex.lastIndex = nextIndex(text, m.index, regex.flags.includes("u") || regex.flags.includes("v"));
          } else if (out[before]!.end < m.index + m[0].length && out[before]!.end > m.index) {
            // The validator kept less than the match ("53 140287 K 015" of "53 140287 K 015 Steuer-ID"): the rest may
            // hold the next match.
            regex.lastIndex = out[before]!.end;
          }
        }
      }
      return out;
    },
  };
}
