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
// What a class member `\d` reads as: two characters, so no single character is mistaken for it.
const DIGIT_ESCAPE = "\\d";
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

class Reader {
  private at = 0;

  constructor(private readonly source: string) {}

  done(): boolean {
    return this.at === this.source.length;
  }

  /** Alternatives up to a closing parenthesis or the end. */
  alternatives(): Part {
    const parts = [this.sequence()];
    while (this.source[this.at] === "|") {
      this.at++;
      parts.push(this.sequence());
    }
    return either(parts);
  }

  private sequence(): Part {
    let out = EMPTY;
    while (this.at < this.source.length && this.source[this.at] !== "|" && this.source[this.at] !== ")") {
      const atom = this.atom();
      out = sequence(out, this.quantified(atom));
    }
    return out;
  }

  private quantified(atom: Part): Part {
    const ch = this.source[this.at];
    let min = 1;
    let max = 1;
    if (ch === "*" || ch === "+" || ch === "?") {
      this.at++;
      min = ch === "+" ? 1 : 0;
      max = ch === "?" ? 1 : Number.POSITIVE_INFINITY;
    } else if (ch === "{") {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.source.slice(this.at));
      if (!m) return atom;
      this.at += m[0].length;
      min = Number(m[1]);
      max = m[2] === undefined ? min : m[3] === "" ? Number.POSITIVE_INFINITY : Number(m[3]);
    } else return atom;
    if (this.source[this.at] === "?") this.at++;
    return repeat(atom, min, max);
  }

  private atom(): Part {
    const ch = this.source[this.at]!;
    if (ch === "(") return this.group();
    if (ch === "[") return this.charClass();
    if (ch === "\\") return this.escape();
    this.at++;
    if (ch === "^" || ch === "$") return EMPTY;
    if (ch >= "0" && ch <= "9") return DIGIT;
    return OTHER;
  }

  private group(): Part {
    const rest = this.source.slice(this.at, this.at + 4);
    const lookaround = /^\(\?<?[=!]/.exec(rest);
    const named = /^\(\?<[^=!]/.test(rest);
    this.at += lookaround ? lookaround[0].length : named ? this.source.indexOf(">", this.at) + 1 - this.at : 1;
    if (!lookaround && !named && this.source[this.at] === "?") {
      // (?:...) and modifier groups such as (?i:...).
      const colon = this.source.indexOf(":", this.at);
      this.at = colon + 1;
    }
    const inner = this.alternatives();
    if (this.source[this.at] !== ")") throw new SyntaxError("unbalanced group");
    this.at++;
    // A look-around consumes nothing, whatever it tests.
    return lookaround ? EMPTY : inner;
  }

  private charClass(): Part {
    this.at++;
    let digitsOnly = this.source[this.at] !== "^";
    let items = 0;
    while (this.at < this.source.length && this.source[this.at] !== "]") {
      items++;
      const lo = this.member();
      if (this.source[this.at] === "-" && this.source[this.at + 1] !== "]") {
        this.at++;
        const hi = this.member();
        if (!(lo !== null && hi !== null && lo >= "0" && hi <= "9" && lo <= hi)) digitsOnly = false;
        continue;
      }
      if (lo === null || !(lo >= "0" && lo <= "9")) digitsOnly &&= lo === DIGIT_ESCAPE;
    }
    if (this.source[this.at] !== "]") throw new SyntaxError("unterminated class");
    this.at++;
    return digitsOnly && items > 0 ? DIGIT : OTHER;
  }

  /** One member of a class: a plain character, {@link DIGIT_ESCAPE} for `\d`, or null for any other escape. */
  private member(): string | null {
    const ch = this.source[this.at]!;
    if (ch !== "\\") {
      this.at++;
      return ch;
    }
    const next = this.source[this.at + 1];
    this.at += 2;
    if (next === "d") return DIGIT_ESCAPE;
    this.skipEscapeArgument(next);
    return null;
  }

  /** Past the argument of \p{..}, \u{..}, \uXXXX, \xHH, \cX, \k<name> and the rest of a numbered back-reference. */
  private skipEscapeArgument(letter: string | undefined): void {
    const s = this.source;
    if ((letter === "p" || letter === "P" || letter === "u") && s[this.at] === "{")
      this.at = s.indexOf("}", this.at) + 1;
    else if (letter === "k" && s[this.at] === "<") this.at = s.indexOf(">", this.at) + 1;
    else if (letter === "u") this.at += 4;
    else if (letter === "x") this.at += 2;
    else if (letter === "c") this.at += 1;
    else if (letter !== undefined && letter >= "0" && letter <= "9")
      while (s[this.at]! >= "0" && s[this.at]! <= "9") this.at++;
    if (this.at <= 0 || this.at > s.length) throw new SyntaxError("bad escape");
  }

  private escape(): Part {
    const next = this.source[this.at + 1];
    this.at += 2;
    if (next === "d") return DIGIT;
    if (next === "b" || next === "B") return EMPTY;
    const backReference = next === "k" || (next !== undefined && next >= "1" && next <= "9");
    this.skipEscapeArgument(next);
    // \w, \s, \p{...} and escaped characters: one character, nothing known about its digits.
    return backReference ? UNKNOWN : OTHER;
  }
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
    const reader = new Reader(source);
    const part = reader.alternatives();
    return reader.done() ? part : null;
  } catch {
    return null;
  }
}
