import nlp from "compromise/two";
import type { EntityType } from "../entity-type";
import type { RecognizerResult } from "../recognizer";
import { installFastBulkMatch } from "./fast-bulk-match";

/** A term as compromise keeps it in `doc.docs`: its text, the text around it, and its tags. */
interface Term {
  readonly text?: string;
  readonly pre?: string;
  readonly post?: string;
  readonly tags?: ReadonlySet<string>;
}

const SCORES: Readonly<Record<string, number>> = { PERSON: 0.7, LOCATION: 0.65, ORGANIZATION: 0.6 };

function kindOf(tags: ReadonlySet<string> | undefined): EntityType | null {
  if (!tags || tags.has("Honorific")) return null;
  if (tags.has("Person")) return "PERSON";
  if (tags.has("Place")) return "LOCATION";
  if (tags.has("Organization")) return "ORGANIZATION";
  return null;
}

// What compromise says of a capitalized word it knows nothing about: a proper noun, and no more.
const BARE_TAGS = new Set(["ProperNoun", "Noun", "Singular"]);

function bareProperNoun(tags: ReadonlySet<string> | undefined): boolean {
  if (!tags?.has("ProperNoun")) return false;
  for (const t of tags) if (!BARE_TAGS.has(t)) return false;
  return true;
}

/** Title-cases ALL-CAPS words so compromise sees names it knows; only where lengths stay equal, so offsets hold. */
function softenCaps(text: string): string {
  return text.replace(/\p{Lu}{2,}/gu, (w) => {
    const t = w[0] + w.slice(1).toLowerCase();
    return t.length === w.length ? t : w;
  });
}

/** A window of some text to ask compromise about: `text.slice(start, end)` of input number `input`. */
export interface CompromiseWindow {
  readonly input: number;
  readonly start: number;
  readonly end: number;
}

// compromise costs about a millisecond per call before it reads a word, so windows go to it many at a time,
// separated by blank lines (a sentence break it never joins across).
const SEPARATOR = "\n\n";
const BATCH = 256;
/**
 * Chats repeat themselves ("Thanks, Customer Service", signatures, quoted replies): a window seen before is not
 * parsed again. Default size of {@link WindowCache}.
 */
export const WINDOW_CACHE_SIZE = 4_096;

/** A finding relative to its window's start; `bare` for a run of proper nouns compromise gives no kind. */
interface Found {
  readonly start: number;
  readonly end: number;
  readonly type: EntityType;
  readonly score: number;
  readonly bare?: true;
}

/** A span of some input. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** What compromise said of the windows, per input. */
export interface CompromiseFindings {
  /** People, places and organizations. */
  readonly tagged: RecognizerResult[][];
  /**
   * Runs of capitalized words inside a sentence that compromise reads as proper nouns of no kind it knows: names
   * its lexicon lacks ("Chidinma", "Villads"), and also products and nouns of other languages. The caller decides.
   */
  readonly bare: Span[][];
}

/**
 * What compromise found in windows parsed before, keyed by the window's text. Bounded, and cleared whole when full,
 * which is cheaper than tracking recency. A size of 0 keeps nothing: every window is parsed, as in a new text.
 */
export class WindowCache {
  readonly #found = new Map<string, readonly Found[]>();
  constructor(readonly size: number = WINDOW_CACHE_SIZE) {}

  get(key: string): readonly Found[] | undefined {
    return this.#found.get(key);
  }

  set(key: string, found: readonly Found[]): void {
    if (this.size <= 0) return;
    if (this.#found.size >= this.size) this.#found.clear();
    this.#found.set(key, found);
  }
}

/**
 * People, places and organizations that compromise tags in the windows, and the runs of bare proper nouns, grouped per
 * input. Runs of terms with one tag are grouped here from a single parse (cheaper than three match queries); spans
 * run from the first term's start to the last term's end, trimmed of the punctuation compromise keeps on terms ("Acme
 * Corp.,") and never reaching over punctuation into the next token.
 */
export function compromiseEntities(
  texts: readonly string[],
  windows: readonly CompromiseWindow[],
  cache: WindowCache,
): CompromiseFindings {
  installFastBulkMatch();
  const out: RecognizerResult[][] = texts.map(() => []);
  const bare: Span[][] = texts.map(() => []);
  // The windows to parse, by their text: the same window twice in one call (a quoted reply, a signature under each
  // message of a thread) is parsed once, whatever the cache keeps.
  const todo = new Map<string, CompromiseWindow[]>();
  const emit = (w: CompromiseWindow, found: readonly Found[]) => {
    for (const f of found) {
      if (f.bare) bare[w.input]!.push({ start: f.start + w.start, end: f.end + w.start });
      else out[w.input]!.push({ start: f.start + w.start, end: f.end + w.start, type: f.type, score: f.score });
    }
  };
  for (const w of windows) {
    const key = texts[w.input]!.slice(w.start, w.end);
    const known = cache.get(key);
    if (known) emit(w, known);
    else {
      const same = todo.get(key);
      if (same) same.push(w);
      else todo.set(key, [w]);
    }
  }
  const keys = [...todo.keys()];
  for (let b = 0; b < keys.length; b += BATCH) {
    const batch = keys.slice(b, b + BATCH);
    const found = parseBatch(batch);
    batch.forEach((key, k) => {
      cache.set(key, found[k]!);
      for (const w of todo.get(key)!) emit(w, found[k]!);
    });
  }
  return { tagged: out, bare };
}

function parseBatch(windows: readonly string[]): Found[][] {
  const out: Found[][] = windows.map(() => []);
  const starts: number[] = [];
  let joined = "";
  for (const w of windows) {
    if (joined !== "") joined += SEPARATOR;
    starts.push(joined.length);
    joined += w;
  }
  const soft = softenCaps(joined);
  // The parsed terms themselves: `.json()` would copy each one into a new object first.
  const sentences = (nlp(soft) as unknown as { docs: readonly (readonly Term[])[] }).docs;
  let run: { type: EntityType; start: number; end: number; w: number; bare: boolean } | null = null;
  const windowOf = (pos: number) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= pos) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const flush = () => {
    if (!run) return;
    let { start, end } = run;
    // A term's text can carry punctuation into the next token ("Novák (tomas"): the name stops at it.
    const stop = joined.slice(start, end).search(/[([{<@/\\|]/u);
    if (stop > 0) end = start + stop;
    while (end > start && /[\s,;:!?)"'»”(]/u.test(joined[end - 1]!)) end--;
    if (
      end > start &&
      joined[end - 1] === "." &&
      !/\p{Lu}\.$|(?:Inc|Ltd|Corp|Co|Jr|Sr|St)\.$/u.test(joined.slice(start, end))
    )
      end--;
    while (start < end && /["'(«“]/u.test(joined[start]!)) start++;
    if (end > start && /\p{Lu}/u.test(joined[start]!)) {
      const base = starts[run.w]!;
      out[run.w]!.push(
        run.bare
          ? { start: start - base, end: end - base, type: run.type, score: 0, bare: true }
          : { start: start - base, end: end - base, type: run.type, score: SCORES[run.type] ?? 0.6 },
      );
    }
    run = null;
  };
  // Terms carry their surrounding text (pre, text, post), so offsets are a running sum, checked against the input.
  let at = 0;
  for (const sentence of sentences) {
    for (let k = 0; k < sentence.length; k++) {
      const term = sentence[k]!;
      const text = term.text ?? "";
      let start = at + (term.pre ?? "").length;
      if (soft.slice(start, start + text.length) !== text) start = soft.indexOf(text, at);
      if (start < 0) return out;
      const end = start + text.length;
      at = end + (term.post ?? "").length;
      let kind = text === "" ? null : kindOf(term.tags);
      // A sentence's first word is capitalized whatever it is.
      const bare = kind === null && k > 0 && text !== "" && bareProperNoun(term.tags);
      if (bare) kind = "PERSON";
      const w = windowOf(start);
      if (!kind) {
        flush();
        continue;
      }
      if (
        run &&
        run.type === kind &&
        run.bare === bare &&
        run.w === w &&
        /^[ \t-]*$/.test(joined.slice(run.end, start))
      )
        run.end = end;
      else {
        flush();
        run = { type: kind, start, end, w, bare };
      }
    }
    flush();
  }
  return out;
}
