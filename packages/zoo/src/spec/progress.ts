/** The one progress shape for long work across Hearth packages. */
export interface Progress {
  /** What is being done, e.g. `email-triage: train`. */
  readonly phase: string;
  /** Units done so far. */
  readonly loaded: number;
  /** Units in all. */
  readonly total: number;
}
