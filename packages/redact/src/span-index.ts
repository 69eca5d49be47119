/** A span of text: `start` inclusive, `end` exclusive. */
interface Span {
  readonly start: number;
  readonly end: number;
}

/**
 * Whether a span overlaps any of a fixed set of spans, and which of them start in a range, in logarithmic time: the
 * passes that run after the recognizers ask this once per candidate, and a 10 MB text may hold a hundred thousand
 * spans, so a scan of them all per candidate would cost the square of that.
 */
export class SpanIndex<T extends Span = Span> {
  /** The spans in order of start. */
  readonly #sorted: readonly T[];
  readonly #starts: number[];
  /** The furthest end among the spans up to each position, in order of start. */
  readonly #reach: number[];

  constructor(spans: readonly T[]) {
    this.#sorted = [...spans].sort((a, b) => a.start - b.start);
    this.#starts = this.#sorted.map((s) => s.start);
    this.#reach = [];
    let reach = -1;
    for (const s of this.#sorted) {
      reach = Math.max(reach, s.end);
      this.#reach.push(reach);
    }
  }

  /** How many spans start before `at`. */
  #before(at: number): number {
    let lo = 0;
    let hi = this.#starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.#starts[mid]! < at) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Whether some span starts before `end` and ends after `start`. */
  overlaps(start: number, end: number): boolean {
    // The spans that start before `end` are the only ones that may overlap.
    const before = this.#before(end);
    return before > 0 && this.#reach[before - 1]! > start;
  }

  /** The spans that start in `[from, to)`, in order of start. */
  startingIn(from: number, to: number): T[] {
    return this.#sorted.slice(this.#before(from), this.#before(to));
  }
}
