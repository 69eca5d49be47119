/**
 * Restricts which tokens may come next during generation (constrained decoding). The generator asks for the
 * allowed ids before each step and reports the token it picked.
 */
export interface TokenConstraint {
  /** Ids that may come next, given how many tokens may still be generated after this one. */
  allowedTokens(remaining: number): number[];
  /** True when the text so far is a complete document: end-of-sequence is allowed. */
  readonly complete: boolean;
  /** True when the document is complete and nothing may follow it. */
  readonly finished: boolean;
  /** Records the token the generator picked. */
  accept(id: number): void;
}
