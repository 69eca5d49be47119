/** The one progress shape for long work across Hearth packages. */
export interface Progress {
  /** What is being done: `resolve`, `download`, `verify`, `install`, `quantize`. */
  readonly phase: string;
  /** Units done so far (bytes for downloads and verification). */
  readonly loaded: number;
  /** Units in all. */
  readonly total: number;
}

/** Download progress: the common shape plus throughput and time left. */
export interface DownloadProgress extends Progress {
  /** The file that last moved, when one did. */
  readonly file?: string;
  /** Bytes per second over the last few seconds (0 until measured). */
  readonly rate: number;
  /** Seconds left at that rate (`Infinity` until measured). */
  readonly eta: number;
}
