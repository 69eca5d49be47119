import { type AST, RegExpParser } from "@eslint-community/regexpp";
import { isAsciiDigit } from "./ascii-digits";

type Alternative = AST.Alternative;
type CharacterClass = AST.CharacterClass;
type Element = AST.Element;

/**
 * What every match of a regex must consume in ASCII digits: at least `digits` of them, `run` of them in a row. Derived
 * from the pattern's source, conservatively (anything the reading below does not understand counts as needing no
 * digit), so a text with fewer digits, or no run that long, cannot hold a match and the pattern need not run on it.
 */
export interface DigitNeeds {
  readonly digits: number;
  readonly run: number;
}

/** The guarantees of one piece of a pattern, over every way it can match. */
interface Part {
  /** Fewest digits consumed. */
  readonly digits: number;
  /** Consumes digits and nothing else (possibly nothing at all). */
  readonly pure: boolean;
  /** Fewest characters consumed, when `pure`. */
  readonly length: number;
  /** Digits in a row, at least, at the start / at the end / anywhere. */
  readonly head: number;
  readonly tail: number;
  readonly run: number;
  /** Most UTF-16 units consumed (a character counts two, as it may be astral); Infinity when unbounded or unknown. */
  readonly longest: number;
}

const EMPTY: Part = { digits: 0, pure: true, length: 0, head: 0, tail: 0, run: 0, longest: 0 };
// One character that may be anything but a digit.
const OTHER: Part = { digits: 0, pure: false, length: 0, head: 0, tail: 0, run: 0, longest: 2 };
// What a back-reference consumes: unknown.
const UNKNOWN: Part = { ...OTHER, longest: Number.POSITIVE_INFINITY };
const DIGIT: Part = { digits: 1, pure: true, length: 1, head: 1, tail: 1, run: 1, longest: 1 };
const NONE: DigitNeeds = { digits: 0, run: 0 };
// Repeats beyond this are not unrolled: the bound stays a lower bound, just a smaller one.
const MAX_UNROLL = 64;

function sequence(a: Part, b: Part): Part {
  if (a.pure && b.pure) {
    const length = a.length + b.length;
    const longest = a.longest + b.longest;
    return { digits: a.digits + b.digits, pure: true, length, head: length, tail: length, run: length, longest };
  }
  return {
    longest: a.longest + b.longest,
    digits: a.digits + b.digits,
    pure: false,
    length: 0,
    head: a.pure ? a.length + b.head : a.head,
    tail: b.pure ? a.tail + b.length : b.tail,
    run: Math.max(a.run, b.run, a.tail + b.head),
  };
}

function either(parts: readonly Part[]): Part {
  if (parts.length === 0) return OTHER;
  const pure = parts.every((p) => p.pure);
  return {
    longest: Math.max(...parts.map((p) => p.longest)),
    digits: Math.min(...parts.map((p) => p.digits)),
    pure,
    length: pure ? Math.min(...parts.map((p) => p.length)) : 0,
    head: Math.min(...parts.map((p) => p.head)),
    tail: Math.min(...parts.map((p) => p.tail)),
    run: Math.min(...parts.map((p) => p.run)),
  };
}

function repeat(part: Part, min: number, max: number): Part {
  // The copies beyond the minimum may be absent: only a pure part keeps its guarantees across them.
  const optional: Part = { ...(part.pure ? EMPTY : OTHER), longest: 0 };
  let out = EMPTY;
  for (let i = 0; i < Math.min(min, MAX_UNROLL); i++) out = sequence(out, part);
  if (max > min || min > MAX_UNROLL) out = sequence(out, optional);
  return { ...out, longest: max === 0 || part.longest === 0 ? 0 : part.longest * max };
}

// The pattern's syntax tree from regexpp (the parser ESLint's regex rules run on): the same grammar as the engine's.
const parser = new RegExpParser();

function alternatives(nodes: readonly Alternative[]): Part {
  return either(nodes.map((alternative) => alternative.elements.map(element).reduce(sequence, EMPTY)));
}

function element(node: Element): Part {
  switch (node.type) {
    case "Assertion":
      // ^, $, \b and look-arounds consume nothing, whatever they test.
      return EMPTY;
    case "Group":
    case "CapturingGroup":
      return alternatives(node.alternatives);
    case "Quantifier":
      return repeat(element(node.element), node.min, node.max);
    case "Character":
      return isAsciiDigit(node.value) ? DIGIT : OTHER;
    case "CharacterSet":
      return node.kind === "digit" && !node.negate ? DIGIT : OTHER;
    case "CharacterClass":
      return !node.negate && node.elements.length > 0 && node.elements.every(isDigitMember) ? DIGIT : OTHER;
    case "Backreference":
      return UNKNOWN;
    default:
      // Set notation of the `v` mode (never reached: such patterns are not read).
      return OTHER;
  }
}

function isDigitMember(node: CharacterClass["elements"][number]): boolean {
  if (node.type === "Character") return isAsciiDigit(node.value);
  if (node.type === "CharacterClassRange") return isAsciiDigit(node.min.value) && isAsciiDigit(node.max.value);
  if (node.type === "CharacterSet") return node.kind === "digit" && !node.negate;
  return false;
}

/**
 * The digits every match of `regex` must consume. Patterns in the `v` mode (set notation in classes) and sources the
 * reader cannot follow need nothing: the answer is only ever an underestimate.
 */
export function digitNeeds(regex: RegExp): DigitNeeds {
  const part = read(regex.source, regex.flags);
  return part ? { digits: part.digits, run: part.run } : NONE;
}

/**
 * The most UTF-16 units a match of the pattern can span, or Infinity when it is unbounded or the reader cannot tell
 * (back-references, `v` mode, sources it cannot follow).
 */
export function longestMatch(source: string, flags: string): number {
  return read(source, flags)?.longest ?? Number.POSITIVE_INFINITY;
}

function read(source: string, flags: string): Part | null {
  if (flags.includes("v")) return null;
  try {
    const pattern = parser.parsePattern(source, 0, source.length, { unicode: flags.includes("u") });
    return alternatives(pattern.alternatives);
  } catch {
    return null;
  }
}
