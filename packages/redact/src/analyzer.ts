import { asciiDigits } from "./ascii-digits";
import { boostWithContext } from "./context-boost";
import { defaultRecognizers } from "./default-recognizers";
import { denyListRecognizer } from "./deny-list-recognizer";
import type { Entity } from "./entity";
import type { EntityType } from "./entity-type";
import { AbortedError } from "./errors/aborted-error";
import { InvalidArgumentError } from "./errors/invalid-argument-error";
import { withEscapedNewlines } from "./escaped-newlines";
import { caselessNamesAgain } from "./ner/caseless-names-again";
import { GUESSED_NAME_SCORE } from "./ner/name-recognizer";
import { placesAfterAddresses } from "./place-after-address";
import { placesBeforeDates } from "./place-before-date";
import { postcodesNearPlaces } from "./postcode-near-place";
import type { Progress } from "./progress";
import type { Recognizer, RecognizerContext, RecognizerResult } from "./recognizer";
import { resolveOverlaps } from "./resolve-overlaps";
import { rolesNearNames } from "./roles-near-names";
import { SpanIndex } from "./span-index";

/** Options of {@link createAnalyzer}. */
export interface AnalyzerOptions {
  /** Replaces the built-in recognizers (default: {@link defaultRecognizers}). */
  readonly recognizers?: readonly Recognizer[];
  /** Custom recognizers added to the built-in ones. */
  readonly extraRecognizers?: readonly Recognizer[];
  /**
   * Report only these types. Recognizers of other types do not run, so the passes that read one type from another
   * (a place before a date, a role next to a person) find only what the types asked for give them.
   */
  readonly types?: readonly EntityType[];
  /** Minimum score, after context words, for an entity to be reported (default 0.5). */
  readonly threshold?: number;
  /** Primary language of the text (`"en"`, `"de"`, ...): orders phone-region guesses. */
  readonly language?: string;
  /** Phone regions (ISO 3166 alpha-2) to try first for numbers written without a country code. */
  readonly regions?: readonly string[];
  /**
   * Leave times of day ("3pm", "14:30") and weekday references ("next Tuesday", "Friday at 10") unredacted, and cut a
   * time off a date ("12 March at 3pm" reports "12 March"), while calendar dates such as a date of birth are still
   * reported (default false: every date and time is DATE_TIME). For scheduling prompts, where the time is the point
   * and identifies nobody.
   */
  readonly keepTimes?: boolean;
  /** Values never reported, compared case-insensitively after trimming. */
  readonly allow?: readonly string[];
  /** Values always reported, per type, as whole words. */
  readonly deny?: Readonly<Partial<Record<EntityType, readonly string[]>>>;
}

/** Options of one {@link Analyzer.analyze} call. */
export interface AnalyzeOptions {
  readonly signal?: AbortSignal;
  /** Reports `{ phase: "analyze", loaded, total }` in UTF-16 code units after each chunk. */
  readonly onProgress?: (progress: Progress) => void;
  /** Characters per chunk for long inputs (default 200,000). */
  readonly chunkSize?: number;
}

/** Finds entities in text. One analyzer is meant to be built once and used for many texts. */
export interface Analyzer {
  /** Entities in `text`, disjoint and sorted by start. */
  analyze(text: string, options?: AnalyzeOptions): Entity[];
  /** Like `analyze`, yielding to the event loop between chunks so a 10 MB input does not block a page. */
  analyzeAsync(text: string, options?: AnalyzeOptions): Promise<Entity[]>;
  /**
   * `analyze` on many texts at once, with the same results. Recognizers with a per-call cost (the compromise pass)
   * pay it once per batch, so this is the fast path for streams of short messages.
   */
  analyzeBatch(texts: readonly string[], options?: Pick<AnalyzeOptions, "signal">): Entity[][];
}

const DEFAULT_CHUNK = 200_000;
// Larger than any single entity we report (URLs are capped at 2,048 characters), so an entity that starts in a
// chunk is seen whole.
const OVERLAP = 4_096;

/**
 * The text as recognizers read it, at the same offsets: escaped line breaks as line breaks, and the digits of other
 * scripts as ASCII digits, so that dates, times and numbers written in Bengali, Persian or Thai digits are read as
 * the same numbers written in ASCII ones.
 */
function viewOf(text: string): string {
  return withEscapedNewlines(asciiDigits(text));
}

/** Builds an {@link Analyzer} from recognizers, a threshold, allow and deny lists. */
export function createAnalyzer(options: AnalyzerOptions = {}): Analyzer {
  const threshold = options.threshold ?? 0.5;
  if (!(threshold >= 0 && threshold <= 1)) throw new InvalidArgumentError("threshold must be between 0 and 1.");
  const types = options.types ? new Set<string>(options.types) : null;
  const recognizers = [
    ...(options.recognizers ?? defaultRecognizers()),
    ...(options.extraRecognizers ?? []),
    ...Object.entries(options.deny ?? {}).map(([type, values]) => denyListRecognizer(type, values ?? [])),
  ].filter((r) => !types || r.types.some((t) => types.has(t)));
  const allow = new Set((options.allow ?? []).map((v) => v.trim().toLowerCase()));
  const context: RecognizerContext = {
    regions: (options.regions ?? []).map((r) => r.toUpperCase()),
    ...(options.language ? { language: options.language.toLowerCase().slice(0, 2) } : {}),
    ...(options.keepTimes ? { keepTimes: true } : {}),
  };

  const toEntities = (
    text: string,
    recognizer: Recognizer,
    results: readonly RecognizerResult[],
    from: number,
    coreFrom: number,
    coreTo: number,
    found: Entity[],
  ): void => {
    for (const r of results) {
      const start = r.start + from;
      const end = r.end + from;
      if (start < coreFrom || start >= coreTo) continue;
      if (types && !types.has(r.type)) continue;
      const score = boostWithContext(text, start, end, r.score, r.context);
      if (score < threshold) continue;
      const value = text.slice(start, end);
      if (allow.size > 0 && allow.has(value.trim().toLowerCase())) continue;
      found.push({ start, end, type: r.type, score, text: value, recognizer: recognizer.name });
    }
  };

  // A person named again in a script without capitals (see caselessNamesAgain), from the persons every recognizer
  // found that hold after overlaps are resolved.
  const namesAgain = (!types || types.has("PERSON")) && recognizers.some((r) => r.types.includes("PERSON"));
  // A place before a date at a line's start (see placesBeforeDates), from the dates every recognizer found, and a
  // town after an address or a firm (see placesAfterAddresses).
  const placesToo = !types || types.has("LOCATION");
  // Bare digits next to a place or an address the recognizers found (see postcodesNearPlaces).
  const postcodesToo = !types || types.has("ZIP_CODE");
  // Roles next to the persons found, and Korean and Japanese names next to a role (see rolesNearNames).
  const rolesToo = !types || types.has("TITLE") || types.has("PERSON");
  const isGuessedName = (e: Entity) => e.type === "PERSON" && e.recognizer === "names" && e.score <= GUESSED_NAME_SCORE;
  const finish = (text: string, found: Entity[]): Entity[] => {
    const resolved = resolveOverlaps(text, found);
    // The passes after the recognizers read the text as the recognizers did (escaped line breaks, other scripts'
    // digits), at the same offsets; what they find is reported as the text has it, under the same checks.
    const view = viewOf(text);
    const keep = (found: readonly Entity[]) => {
      for (const e of found) {
        const value = text.slice(e.start, e.end);
        if (types && !types.has(e.type)) continue;
        if (e.score < threshold || (allow.size > 0 && allow.has(value.trim().toLowerCase()))) continue;
        resolved.push({ ...e, text: value });
      }
    };
    if (placesToo) {
      // A person guessed from a capital letter alone gives way to a place these passes read from where it stands
      // ("…, sala 7 – Trindade", "U Vrgorcu, 2. travnja"): they see the text without the guesses.
      const guesses = resolved.filter(isGuessedName);
      const sure = guesses.length > 0 ? resolved.filter((e) => !isGuessedName(e)) : resolved;
      const before = resolved.length;
      keep(placesBeforeDates(view, sure));
      if (sure !== resolved) sure.push(...resolved.slice(before));
      keep(placesAfterAddresses(view, sure));
      if (guesses.length > 0 && resolved.length > before) {
        const places = new SpanIndex(resolved.slice(before));
        const kept = resolved.filter((e) => !(isGuessedName(e) && places.overlaps(e.start, e.end)));
        resolved.length = 0;
        resolved.push(...kept);
      }
    }
    if (postcodesToo) keep(postcodesNearPlaces(view, resolved));
    if (rolesToo) keep(rolesNearNames(view, resolved));
    if (namesAgain) keep(caselessNamesAgain(view, resolved));
    return resolved.sort((x, y) => x.start - y.start);
  };

  const analyzeWindow = (text: string, from: number, to: number, coreFrom: number, coreTo: number): Entity[] => {
    const window = viewOf(from === 0 && to === text.length ? text : text.slice(from, to));
    const found: Entity[] = [];
    for (const recognizer of recognizers) {
      toEntities(text, recognizer, recognizer.analyze(window, context), from, coreFrom, coreTo, found);
    }
    return found;
  };

  function* chunks(text: string, chunkSize: number): Generator<[number, number]> {
    let at = 0;
    while (at < text.length) {
      let end = Math.min(text.length, at + chunkSize);
      if (end < text.length) {
        // End the core on a line or word break when one is near, so sentences are rarely cut.
        const nl = text.lastIndexOf("\n", end);
        const sp = text.lastIndexOf(" ", end);
        const cut = nl > at + chunkSize / 2 ? nl : sp > at + chunkSize / 2 ? sp : end;
        end = cut + 1;
      }
      yield [at, end];
      at = end;
    }
  }

  const run = function* (text: string, opts: AnalyzeOptions): Generator<void, Entity[]> {
    const chunkSize = opts.chunkSize ?? DEFAULT_CHUNK;
    if (!(chunkSize >= 1_000)) throw new InvalidArgumentError("chunkSize must be at least 1,000 characters.");
    const all: Entity[] = [];
    for (const [a, b] of chunks(text, chunkSize)) {
      if (opts.signal?.aborted) throw new AbortedError("Analysis was aborted.", { cause: opts.signal.reason });
      all.push(...analyzeWindow(text, Math.max(0, a - OVERLAP), Math.min(text.length, b + OVERLAP), a, b));
      opts.onProgress?.({ phase: "analyze", loaded: b, total: text.length });
      yield;
    }
    return finish(text, all);
  };

  return {
    analyze(text, opts = {}) {
      const chunkSize = opts.chunkSize ?? DEFAULT_CHUNK;
      // One chunk (every message): what `run` does, without its generators and copies.
      if (text.length > 0 && text.length <= chunkSize && chunkSize >= 1_000) {
        if (opts.signal?.aborted) throw new AbortedError("Analysis was aborted.", { cause: opts.signal.reason });
        const found = analyzeWindow(text, 0, text.length, 0, text.length);
        opts.onProgress?.({ phase: "analyze", loaded: text.length, total: text.length });
        return finish(text, found);
      }
      const it = run(text, opts);
      for (let r = it.next(); ; r = it.next()) if (r.done) return r.value;
    },
    analyzeBatch(texts, opts = {}) {
      if (opts.signal?.aborted) throw new AbortedError("Analysis was aborted.", { cause: opts.signal.reason });
      const out: Entity[][] = texts.map(() => []);
      const short: number[] = [];
      texts.forEach((text, i) => {
        if (text.length > DEFAULT_CHUNK) out[i] = this.analyze(text, opts);
        else short.push(i);
      });
      const batch = short.map((i) => texts[i]!);
      const views = batch.map(viewOf);
      const batched = recognizers.map((r) => (r.analyzeBatch ? r.analyzeBatch(views, context) : null));
      // The other recognizers run text by text, all of them on one text before the next, so what they share about a
      // text (its digits, its words, a keyword test) is worked out once per text, not once per recognizer.
      batch.forEach((text, k) => {
        const found: Entity[] = [];
        recognizers.forEach((recognizer, r) => {
          const results = batched[r] ? (batched[r][k] ?? []) : recognizer.analyze(views[k]!, context);
          toEntities(text, recognizer, results, 0, 0, text.length, found);
        });
        out[short[k]!] = finish(text, found);
      });
      return out;
    },
    async analyzeAsync(text, opts = {}) {
      const it = run(text, opts);
      for (let r = it.next(); ; r = it.next()) {
        if (r.done) return r.value;
        await new Promise<void>((resolve) => setTimeout(resolve, 0));
      }
    },
  };
}
