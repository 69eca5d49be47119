/** A span of text: `start` inclusive, `end` exclusive. */
interface Span {
  readonly start: number;
  readonly end: number;
}

/**
 * Whether a span overlaps any of a fixed set of spans, in logarithmic time: the passes that run after the recognizers
 * ask this once per candidate, and a 10 MB text may hold a hundred thousand spans, so a scan of them all per
 * candidate would cost the square of that.
 */
export class SpanIndex {
  readonly #starts: number[];
  /** The furthest end among the spans up to each position, in order of start. */
  readonly #reach: number[];

  constructor(spans: readonly Span[]) {
    const sorted = [...spans].sort((a, b) => a.start - b.start);
    this.#starts = sorted.map((s) => s.start);
    this.#reach = [];
    let reach = -1;
    for (const s of sorted) {
      reach = Math.max(reach, s.end);
      this.#reach.push(reach);
    }
  }

  /** Whether some span starts before `end` and ends after `start`. */
  overlaps(start: number, end: number): boolean {
    // The number of spans that start before `end`: those are the only ones that may overlap.
    let lo = 0;
    let hi = this.#starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.#starts[mid]! < end) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && this.#reach[lo - 1]! > start;
  }
}
