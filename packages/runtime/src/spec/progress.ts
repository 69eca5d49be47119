/** The one progress shape for long work across Hearth packages. */
export interface Progress {
  readonly phase: string;
  readonly loaded: number;
  readonly total: number;
}
