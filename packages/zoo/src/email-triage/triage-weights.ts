/** The weights of hearth/email-triage: an embedding bag over hashed n-grams and a linear layer. */
export interface TriageWeights {
  /** Hash buckets (rows of `embedding`). */
  readonly buckets: number;
  /** Embedding width. */
  readonly dim: number;
  /** Labels, in logit order (`ham`, `spam`). */
  readonly labels: readonly string[];
  /** [buckets, dim], row-major. */
  readonly embedding: Float32Array;
  /** [dim, labels], row-major. */
  readonly weight: Float32Array;
  /** [labels]. */
  readonly bias: Float32Array;
}
