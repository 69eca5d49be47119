/** The progress shape every long Hearth operation reports. */
export interface Progress {
  readonly phase: string;
  readonly loaded: number;
  readonly total: number;
}
