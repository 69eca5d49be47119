/** Progress of long work, the one shape every Hearth package reports. */
export interface Progress {
  readonly phase: string;
  readonly loaded: number;
  readonly total: number;
}
