import type { DownloadProgress } from "../spec/progress";

/**
 * Adds up byte counts of files downloading at once into one {@link DownloadProgress}, with the rate over a sliding
 * window of a few seconds and the ETA at that rate.
 */
export class ProgressMeter {
  private readonly loadedByFile = new Map<string, number>();
  private readonly samples: Array<{ t: number; loaded: number }> = [];
  private lastEmit = 0;

  constructor(
    private readonly total: number,
    private readonly emit: ((p: DownloadProgress) => void) | undefined,
    private readonly phase = "download",
    private readonly windowMs = 3000,
    private readonly now: () => number = () => Date.now(),
  ) {}

  /** Bytes counted so far, over every file. */
  get loaded(): number {
    let sum = 0;
    for (const v of this.loadedByFile.values()) sum += v;
    return sum;
  }

  /** Sets how many bytes of `file` are present (already there from a previous run, or just received). */
  update(file: string, loaded: number, force = false): void {
    this.loadedByFile.set(file, loaded);
    const t = this.now();
    // Progress events at most every 50 ms, except forced ones (a file started or finished).
    if (!this.emit || (!force && t - this.lastEmit < 50)) return;
    this.lastEmit = t;
    const all = this.loaded;
    this.samples.push({ t, loaded: all });
    while (this.samples.length > 2 && (this.samples[0]?.t ?? t) < t - this.windowMs) this.samples.shift();
    const first = this.samples[0];
    const dt = first ? (t - first.t) / 1000 : 0;
    const rate = first && dt > 0 ? Math.max(0, (all - first.loaded) / dt) : 0;
    const left = Math.max(0, this.total - all);
    const eta = left === 0 ? 0 : rate > 0 ? left / rate : Number.POSITIVE_INFINITY;
    this.emit({ phase: this.phase, loaded: all, total: this.total, file, rate, eta });
  }
}
