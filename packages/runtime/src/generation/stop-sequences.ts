/**
 * Streams text while watching for stop sequences: text that could still turn out to be the start of a stop
 * sequence is held back until it is known not to be, so a stream never shows part of a stop sequence.
 */
export class StopSequenceFilter {
  private full = "";
  private emitted = 0;
  private readonly longest: number;

  constructor(private readonly stops: readonly string[]) {
    this.longest = Math.max(0, ...stops.map((s) => s.length));
  }

  /** Adds decoded text; returns what may be shown now, and whether a stop sequence was reached. */
  push(text: string): { delta: string; stopped: boolean } {
    this.full += text;
    const from = Math.max(0, this.emitted - this.longest);
    let cut = -1;
    for (const s of this.stops) {
      if (s === "") continue;
      const at = this.full.indexOf(s, from);
      if (at !== -1 && (cut === -1 || at < cut)) cut = at;
    }
    if (cut !== -1) {
      const delta = this.full.slice(this.emitted, Math.max(this.emitted, cut));
      this.full = this.full.slice(0, cut);
      this.emitted = Math.max(this.emitted, cut);
      return { delta, stopped: true };
    }
    const safe = this.full.length - this.heldBack();
    const delta = this.full.slice(this.emitted, Math.max(this.emitted, safe));
    this.emitted = Math.max(this.emitted, safe);
    return { delta, stopped: false };
  }

  /** Whatever was held back, at the end of generation. */
  flush(): string {
    const delta = this.full.slice(this.emitted);
    this.emitted = this.full.length;
    return delta;
  }

  /** The text so far, without any stop sequence. */
  get text(): string {
    return this.full;
  }

  private heldBack(): number {
    for (let n = Math.min(this.longest - 1, this.full.length); n > 0; n--) {
      const tail = this.full.slice(this.full.length - n);
      if (this.stops.some((s) => s.startsWith(tail))) return n;
    }
    return 0;
  }
}
