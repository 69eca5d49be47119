import {
  type AnalyzerOptions,
  createRedactor,
  createStreamRestorer,
  type Redactor,
  restore,
  Vault,
} from "@hearth/redact";
import { AbortedError } from "../errors/aborted-error";
import type { AnonymizedText, Anonymizer, RestoreOptions, StreamRestorer } from "../spec/anonymizer";

/** Options of {@link RedactAnonymizer}. */
export interface RedactAnonymizerOptions {
  /** A redactor built once for many texts (default: `createRedactor(analyzer)`). */
  readonly redactor?: Redactor;
  /** Analyzer options when no redactor is given: types, threshold, language, phone regions, allow and deny lists. */
  readonly analyzer?: AnalyzerOptions;
  /**
   * Where each conversation's vault lives. Pass a persistent store's lookup to keep placeholders stable across
   * restarts; by default vaults are kept in memory for the life of this object.
   */
  readonly vaults?: Map<string, Vault>;
}

/**
 * The {@link Anonymizer} on `@hearth/redact`: detection and typed placeholders from its redactor, one {@link Vault}
 * per conversation (so `[PERSON_1]` names one person on every turn), restore with its tolerant placeholder grammar
 * (`[Person 1]`, `PERSON_1` come back too; unknown placeholders stay visible).
 */
export class RedactAnonymizer implements Anonymizer {
  readonly redactor: Redactor;
  private readonly vaults: Map<string, Vault>;

  constructor(options: RedactAnonymizerOptions = {}) {
    this.redactor = options.redactor ?? createRedactor(options.analyzer ?? {});
    this.vaults = options.vaults ?? new Map();
  }

  /** The conversation's vault, created on first use. It holds the personal values: store it like the data. */
  vault(conversation: string): Vault {
    let vault = this.vaults.get(conversation);
    if (!vault) {
      vault = new Vault();
      this.vaults.set(conversation, vault);
    }
    return vault;
  }

  async anonymize(text: string, conversation: string, options: { signal?: AbortSignal } = {}): Promise<AnonymizedText> {
    if (options.signal?.aborted) throw new AbortedError("Anonymization was aborted.", { cause: options.signal.reason });
    const result = this.redactor.redact(
      text,
      this.vault(conversation),
      options.signal ? { signal: options.signal } : {},
    );
    const counts = new Map<string, number>();
    for (const e of result.entities) counts.set(e.type, (counts.get(e.type) ?? 0) + 1);
    return { text: result.text, entities: [...counts].map(([type, count]) => ({ type, count })) };
  }

  restore(text: string, conversation: string, options: RestoreOptions = {}): string {
    const vault = this.vaults.get(conversation);
    return vault ? restore(text, vault, options) : text;
  }

  /**
   * A push/flush restorer for one streamed text (`@hearth/redact`'s, which `restoreStream` runs on): synchronous,
   * so deltas of interleaved blocks keep their order.
   */
  restorer(conversation: string, options: RestoreOptions = {}): StreamRestorer {
    return createStreamRestorer(this.vault(conversation), options);
  }

  forget(conversation: string): void {
    this.vaults.delete(conversation);
  }
}
