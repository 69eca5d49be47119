import { type AST, RegExpParser } from "@eslint-community/regexpp";

type Element = AST.Element;
type ClassMember = AST.CharacterClass["elements"][number];

/**
 * The words a regex cannot match without, read off its source: every match holds a word of the text (a maximal run
 * of letters, `\p{L}`) that is one of `words` or starts with one of `prefixes` (three or four letters), compared in
 * lower case. A text holding none of them cannot hold a match, so the pattern need not run on it: most keyword
 * patterns ("January|February|...", "Senior|Lead|...") find nothing in most messages.
 */
export interface WordHeads {
  readonly prefixes: ReadonlySet<string>;
  readonly words: ReadonlySet<string>;
  /**
   * Whether every match starts where its head word starts (a keyword list right after a look-behind that rules out a
   * letter before it): then a match can only start where a word of the text has a head.
   */
  readonly atStart?: boolean;
}

/** A prefix head keeps at most this many letters (and needs at least three): a text's words are looked up by both. */
export const PREFIX_LETTERS = 4;
// Past this many letters a word is read as a prefix.
const MAX_WORD = 32;
// Beyond this many heads (or this much branching) a pattern is not worth reading: it runs on every text.
const MAX_HEADS = 4_096;
const MAX_STEPS = 200_000;
// A class of at most this many letters ("[cC]", "[oe]") is enumerated; a larger one is any letter.
const MAX_CLASS = 6;

const parser = new RegExpParser();
const LETTER = /^\p{L}$/u;

/**
 * Letters whose lower case (`toLowerCase`) is what case-insensitive matching compares them by, in both the `i` and
 * the `iu` modes: ASCII, Latin-1 and Latin Extended-A/B, Cyrillic. Other letters (Greek with its final sigma and
 * symbol forms, U+0130, U+017F, everything without case) make a text's words unreadable here, and every pattern
 * then runs. The test suite checks this list against the engine, character by character.
 */
export function isFoldableLetter(code: number): boolean {
  if (code < 0x80) return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  if (code === 0xaa || code === 0xba) return true;
  if (code < 0xc0) return false;
  if (code <= 0x24f) return code !== 0xd7 && code !== 0xf7 && code !== 0x130 && code !== 0x17f;
  return code >= 0x400 && code <= 0x4ff && LETTER.test(String.fromCharCode(code));
}

/**
 * Characters other than letters that case-insensitive matching equates with a letter (U+0345 COMBINING GREEK
 * YPOGEGRAMMENI with iota): a text holding one has no readable words either. Checked by the test suite.
 */
export const FOLDS_TO_LETTER: ReadonlySet<number> = new Set([0x345]);

/** The lower case of a foldable letter, as one character. */
export function foldLetter(code: number): string {
  return String.fromCharCode(code).toLowerCase();
}

interface Reader {
  readonly prefixes: Set<string>;
  readonly words: Set<string>;
  steps: number;
  /** Set when a way through consumes a character that is no letter before the head word starts. */
  skipped: boolean;
}

// A continuation: what follows once a group's alternative is read, given the letters gathered so far.
type Next = (acc: string) => boolean;

function emitWord(r: Reader, acc: string): boolean {
  r.words.add(acc);
  return r.prefixes.size + r.words.size <= MAX_HEADS;
}

function emitPrefix(r: Reader, acc: string): boolean {
  // Fewer than three letters of a word that may go on: such a pattern is not worth the bookkeeping.
  if (acc.length < PREFIX_LETTERS - 1) return false;
  r.prefixes.add(acc.slice(0, PREFIX_LETTERS));
  return r.prefixes.size + r.words.size <= MAX_HEADS;
}

/** Whether one character `code` of the pattern can only ever match characters that are not letters. */
function nonLetterCode(code: number): boolean {
  if (code < 0x80) return !((code >= 65 && code <= 90) || (code >= 97 && code <= 122));
  // A few common ones past ASCII; anything else is treated as possibly a letter.
  return code === 0xa0 || code === 0x2019 || code === 0x2018 || code === 0x2013 || code === 0x2014;
}

function nonLetterSet(node: AST.CharacterSet | ClassMember): boolean {
  if (node.type === "Character") return nonLetterCode(node.value);
  if (node.type === "CharacterClassRange") {
    for (let c = node.min.value; c <= node.max.value; c++) if (!nonLetterCode(c)) return false;
    return true;
  }
  if (node.type !== "CharacterSet") return false;
  if (node.kind === "digit" || node.kind === "space") return !node.negate;
  if (node.kind === "property" && !node.negate && node.key === "General_Category") {
    // Numbers, punctuation, separators and symbols: disjoint from letters, and case-folding keeps them so.
    return /^(?:N|Nd|Nl|No|Number|Decimal_Number|P\w?|Punctuation|Z\w?|Separator|S\w?|Symbol)$/.test(node.value ?? "");
  }
  return false;
}

/** Whether a class contains every letter (`\p{L}`, `\p{Letter}`), so that its negation matches no letter. */
function coversLetters(node: ClassMember | AST.CharacterSet): boolean {
  if (node.type !== "CharacterSet") return false;
  if (node.kind === "property" && !node.negate && node.key === "General_Category")
    return node.value === "L" || node.value === "Letter";
  // "\S" holds every letter: "[^\S\n]" is white space.
  return node.kind === "space" && node.negate;
}

type Consumes = "none" | "letters" | { readonly options: readonly string[] } | "unknown";

/** What one character of input matched by `node` can be: never a letter, one of a few letters, or unknown. */
function consumes(node: Element): Consumes {
  switch (node.type) {
    case "Character":
      if (nonLetterCode(node.value)) return "none";
      if (LETTER.test(String.fromCodePoint(node.value))) return { options: [String.fromCodePoint(node.value)] };
      return "unknown";
    case "CharacterSet":
      return nonLetterSet(node) ? "none" : "unknown";
    case "CharacterClass": {
      if (node.negate) return node.elements.some(coversLetters) ? "none" : "unknown";
      if (node.elements.length > 0 && node.elements.every(nonLetterSet)) return "none";
      const letters: string[] = [];
      for (const m of node.elements) {
        if (m.type === "Character" && LETTER.test(String.fromCodePoint(m.value)))
          letters.push(String.fromCodePoint(m.value));
        else if (!nonLetterSet(m)) return "unknown";
        // A class mixing letters and other characters: a letter may end up not taken, so the word's end is unknown.
        else return "unknown";
      }
      return letters.length > 0 && letters.length <= MAX_CLASS ? { options: letters } : "unknown";
    }
    default:
      return "unknown";
  }
}

// What a letter of the pattern reads as: a lower-case letter, or one of these.
const UNREAD = "unread";
const ENDS = "ends";
let foldableClasses: readonly RegExp[] | undefined;

function headLetter(letter: string): string {
  if (letter.length === 1 && isFoldableLetter(letter.charCodeAt(0))) return letter.toLowerCase();
  if (!foldableClasses) {
    let all = "";
    for (let c = 0; c < 0x500; c++) if (isFoldableLetter(c)) all += String.fromCharCode(c).replace(/[\\\]^-]/, "\\$&");
    // Both case-insensitive modes, whatever the pattern's flags: a group may turn case folding on.
    foldableClasses = [new RegExp(`[${all}]`, "i"), new RegExp(`[${all}]`, "iu")];
  }
  return foldableClasses.some((c) => c.test(letter)) ? ENDS : UNREAD;
}

/**
 * Reads `els[i..]` then `next`, with `acc` the letters of the current word so far (empty: no word started, and the
 * character before is not a letter). Returns false when the reading fails (the pattern gets no heads).
 */
function read(r: Reader, els: readonly Element[], i: number, acc: string, next: Next): boolean {
  if (++r.steps > MAX_STEPS) return false;
  if (acc.length >= MAX_WORD) return emitPrefix(r, acc);
  if (i === els.length) return next(acc);
  const node = els[i]!;
  const rest = (a: string) => read(r, els, i + 1, a, next);
  switch (node.type) {
    case "Assertion":
      // "(?![\p{L}])", "(?=\s)", "$" after letters: the word ends here.
      if (acc && endsWord(node)) return emitWord(r, acc);
      return rest(acc);
    case "Group":
    case "CapturingGroup":
      return node.alternatives.every((alt) => read(r, alt.elements, 0, acc, rest));
    case "Quantifier": {
      if (node.max === 0) return rest(acc);
      const inner = node.element;
      const kind = consumes(inner);
      if (kind === "none") {
        // Characters that are no letters: a word before them is whole; none started, still none.
        if (node.min === 0 && acc) return rest(acc) && emitWord(r, acc);
        if (!acc) r.skipped = true;
        return acc ? emitWord(r, acc) : rest(acc);
      }
      const once = (a: string) => (node.max === 1 ? rest(a) : a ? emitPrefix(r, a) : false);
      const take =
        inner.type === "Group" || inner.type === "CapturingGroup"
          ? inner.alternatives.every((alt) => read(r, alt.elements, 0, acc, once))
          : read(r, [inner], 0, acc, once);
      return take && (node.min > 0 || rest(acc));
    }
    default: {
      const kind = consumes(node);
      if (kind === "none") {
        if (!acc) r.skipped = true;
        return acc ? emitWord(r, acc) : rest(acc);
      }
      if (kind === "unknown" || kind === "letters") return acc ? emitPrefix(r, acc) : false;
      // A foldable letter reads as its lower case, as a text's word does ("Ɓ" as "ɓ", though "ɓ" itself is not
      // foldable). A letter this reading cannot fold (Greek, Devanagari...) that case folding never equates with a
      // foldable one is only matched in a text that runs every pattern anyway: this way needs no head. One it does
      // equate with a foldable letter ("ſ" with "s", "ᲀ" with "в") ends what can be read here.
      return [...new Set(kind.options.map(headLetter))].every((letter) =>
        letter === UNREAD ? true : letter === ENDS ? (acc ? emitPrefix(r, acc) : false) : rest(acc + letter),
      );
    }
  }
}

/** Whether an assertion says no letter follows: the end of the input or a line, or a look-ahead that says so. */
function endsWord(node: AST.Assertion): boolean {
  if (node.kind === "end") return true;
  if (node.kind !== "lookahead") return false;
  if (node.negate)
    return (
      node.alternatives.length === 1 &&
      node.alternatives[0]!.elements.length === 1 &&
      isLetterClass(node.alternatives[0]!.elements[0]!)
    );
  return node.alternatives.every((alt) => startsNonLetter(alt.elements));
}

/** Whether every way through `els` either ends or consumes a character that is no letter before any other. */
function startsNonLetter(els: readonly Element[]): boolean {
  for (const e of els) {
    if (e.type === "Assertion") {
      if (e.kind === "end") return true;
      continue;
    }
    if (e.type === "Group" || e.type === "CapturingGroup")
      return e.alternatives.every((alt) => startsNonLetter(alt.elements));
    if (e.type === "Quantifier") {
      if (consumes(e.element) !== "none") return false;
      // "[ \t]*": characters that are no letters, perhaps none; what comes after them decides.
      if (e.min > 0) return true;
      continue;
    }
    return consumes(e) === "none";
  }
  // Nothing consumed: the look-ahead holds at any position, letters after included.
  return false;
}

function isLetterClass(node: Element): boolean {
  if (node.type === "CharacterSet") return coversLetters(node);
  return node.type === "CharacterClass" && !node.negate && node.elements.some(coversLetters);
}

/** Whether the character before `els[i]` is never a letter, given what precedes it in the sequence. */
function boundaryAfter(node: Element, before: boolean): boolean {
  if (node.type === "Assertion") {
    if (node.kind === "start") return true;
    if (node.kind === "lookbehind" && node.negate && node.alternatives.length === 1) {
      const only = node.alternatives[0]!.elements;
      if (only.length === 1 && isLetterClass(only[0]!)) return true;
    }
    return before;
  }
  const last = lastCharacter(node);
  if (last === "none") return before;
  if (last === "nonletter") return nullable(node) ? before : true;
  return false;
}

/** What the last character a node consumes is: a non-letter always, nothing at all, or unknown. */
function lastCharacter(node: Element): "none" | "nonletter" | "unknown" {
  switch (node.type) {
    case "Assertion":
      return "none";
    case "Group":
    case "CapturingGroup": {
      const ends = node.alternatives.map((alt) => {
        for (let k = alt.elements.length - 1; k >= 0; k--) {
          const e = alt.elements[k]!;
          const l = lastCharacter(e);
          if (l === "none") continue;
          if (l === "unknown") return "unknown";
          if (!nullable(e)) return "nonletter";
          // Absent, the character before it is the last one: it decides (the loop goes on to it).
        }
        return "none";
      });
      if (ends.every((e) => e === "none")) return "none";
      return ends.every((e) => e === "nonletter") ? "nonletter" : "unknown";
    }
    case "Quantifier":
      return node.max === 0 ? "none" : lastCharacter(node.element);
    default:
      return consumes(node) === "none" ? "nonletter" : "unknown";
  }
}

function nullable(node: Element): boolean {
  switch (node.type) {
    case "Assertion":
      return true;
    case "Group":
    case "CapturingGroup":
      return node.alternatives.some((alt) => alt.elements.every(nullable));
    case "Quantifier":
      return node.min === 0 || nullable(node.element);
    case "Backreference":
      return true;
    default:
      return false;
  }
}

/** Heads of one alternative of the pattern read from element `i`, or null. */
function headsFrom(els: readonly Element[], i: number): WordHeads | null {
  const r: Reader = { prefixes: new Set(), words: new Set(), steps: 0, skipped: false };
  const ok = read(r, els, i, "", (acc) => (acc ? emitPrefix(r, acc) : false));
  // Read from the first element that consumes anything, with no character before the head word: matches start there.
  const atStart = !r.skipped && els.slice(0, i).every((e) => e.type === "Assertion");
  return ok ? { prefixes: r.prefixes, words: r.words, atStart } : null;
}

// Roughly how often a word of a message has each kind of head: short words ("as", "i") and prefixes are common,
// long words rare. A pattern's heads are read where they rule out most.
const WORD_COST = [0, 40, 10, 1, 0.3];
function cost(h: WordHeads): number {
  let n = 0;
  for (const p of h.prefixes) n += p.length < PREFIX_LETTERS ? 10 : 3;
  for (const w of h.words) n += WORD_COST[w.length] ?? 0.1;
  return n;
}

function alternativeHeads(els: readonly Element[]): WordHeads | null {
  let best: WordHeads | null = null;
  let boundary = false;
  for (let i = 0; i < els.length; i++) {
    if (boundary) {
      const h = headsFrom(els, i);
      if (h && (!best || cost(h) < cost(best))) best = h;
    }
    boundary = boundaryAfter(els[i]!, boundary);
  }
  return best;
}

/**
 * The heads of a word list that a pattern leaves out of its regex and checks by lookup (see `Pattern.heads`): each
 * word's letters up to its first other character, in lower case, which is how a text's words are read ("sage-femme"
 * is found as "sage").
 */
export function listHeads(list: Iterable<string>, atStart: boolean): WordHeads {
  const words = new Set<string>();
  for (const w of list) {
    const head = /^\p{L}+/u.exec(w.toLowerCase())?.[0];
    if (head) words.add(head);
  }
  return { prefixes: new Set(), words, atStart };
}

/**
 * The heads of the words every match of `regex` holds, or null when the pattern can match without a word the reading
 * below can name (digits only, any letters, shapes it does not follow). Conservative: a text that fails the test
 * cannot hold a match.
 */
export function wordHeads(regex: RegExp): WordHeads | null {
  if (regex.flags.includes("v")) return null;
  let pattern: AST.Pattern;
  try {
    pattern = parser.parsePattern(regex.source, 0, regex.source.length, { unicode: regex.flags.includes("u") });
  } catch {
    return null;
  }
  const prefixes = new Set<string>();
  const words = new Set<string>();
  let atStart = true;
  for (const alt of pattern.alternatives) {
    const h = alternativeHeads(alt.elements);
    if (!h) return null;
    for (const p of h.prefixes) prefixes.add(p);
    for (const w of h.words) words.add(w);
    atStart &&= h.atStart === true;
  }
  return { prefixes, words, atStart };
}
