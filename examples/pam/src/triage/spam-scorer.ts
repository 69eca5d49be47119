/** Gives each text a spam probability in [0, 1]. */
export interface SpamScorer {
  /** `model` when hearth/email-triage runs, `rules` for the keyword fallback. */
  readonly engine: "model" | "rules";
  score(texts: readonly string[], signal?: AbortSignal): Promise<number[]>;
}
