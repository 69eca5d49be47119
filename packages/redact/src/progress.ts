/** The one progress shape every long operation in Hearth reports. */
export interface Progress {
  /** What is being done, e.g. `"analyze"`. */
  phase: string;
  /** Units done so far. */
  loaded: number;
  /** Units in all. */
  total: number;
}
