/** How many entities of one type were replaced: what the audit log keeps, never the values. */
export interface EntityCount {
  readonly type: string;
  readonly count: number;
}

/** What {@link Anonymizer.anonymize} returns. */
export interface AnonymizedText {
  /** The text with every detected entity replaced by a typed placeholder such as `[PERSON_1]`. */
  readonly text: string;
  readonly entities: readonly EntityCount[];
}

/** Options of a restore. */
export interface RestoreOptions {
  /** Applied to each value before insertion, e.g. JSON string escaping inside tool-call arguments. */
  readonly encode?: (value: string) => string;
}

/** Incremental restore of one streamed text: feed deltas in order, then flush what was held back. */
export interface StreamRestorer {
  /** Restored text that is safe to show now; a possible placeholder prefix at the end is held back. */
  push(delta: string): string;
  /** Whatever was held back, restored where it is a whole placeholder and verbatim otherwise. */
  flush(): string;
}

/**
 * Reversible anonymization keyed by conversation: the same value gets the same placeholder on every turn of one
 * conversation, and placeholders from one conversation never restore in another.
 */
export interface Anonymizer {
  anonymize(text: string, conversation: string, options?: { signal?: AbortSignal }): Promise<AnonymizedText>;
  /** Replaces every placeholder known to the conversation with its value; unknown ones are left as they are. */
  restore(text: string, conversation: string, options?: RestoreOptions): string;
  /**
   * A restorer for one streamed text of the conversation. `encode` transforms each restored value before it is
   * inserted (tool-call arguments are JSON, so a value is inserted JSON-escaped there).
   */
  restorer(conversation: string, options?: RestoreOptions): StreamRestorer;
  /** Forgets a conversation's vault. */
  forget?(conversation: string): void;
}
