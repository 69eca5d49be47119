import {
  type AnalyzerOptions,
  createRedactor,
  createStreamRestorer,
  type Redactor,
  restore,
  Vault,
} from "@hearth/redact";
import { AbortedError } from "../errors/aborted-error";
import { InvalidArgumentError } from "../errors/invalid-argument-error";
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
  /**
   * Texts remembered per conversation with their anonymized form (default 256; 0 analyzes every text every time).
   * A conversation's history is sent again on every turn: a text already anonymized with the same vault comes back
   * from memory instead of being analyzed again, so a turn costs what its new text costs. The answer is the one a
   * new analysis would give, as long as detection itself does not change mid-conversation (see {@link
   * RedactAnonymizer.forgetTexts}). The least recently used text goes first when a conversation has more.
   */
  readonly rememberTexts?: number;
}

/** Default of {@link RedactAnonymizerOptions.rememberTexts}. */
export const DEFAULT_REMEMBER_TEXTS = 256;

/**
 * The {@link Anonymizer} on `@hearth/redact`: detection and typed placeholders from its redactor, one {@link Vault}
 * per conversation (so `[PERSON_1]` names one person on every turn), restore with its tolerant placeholder grammar
 * (`[Person 1]`, `PERSON_1` come back too; unknown placeholders stay visible). Texts it anonymized are remembered
 * per vault, so the history a conversation sends again on every turn is not analyzed again.
 */
export class RedactAnonymizer implements Anonymizer {
  readonly redactor: Redactor;
  private readonly vaults: Map<string, Vault>;
  private readonly rememberTexts: number;
  /**
   * What each vault anonymized, by text. Keyed by the vault itself, not the conversation: a redacted text is only
   * valid with the vault whose placeholders it holds, so a vault replaced in `vaults` starts with an empty memory.
   */
  private readonly memory = new WeakMap<Vault, Map<string, AnonymizedText>>();

  constructor(options: RedactAnonymizerOptions = {}) {
    this.redactor = options.redactor ?? createRedactor(options.analyzer ?? {});
    this.vaults = options.vaults ?? new Map();
    this.rememberTexts = options.rememberTexts ?? DEFAULT_REMEMBER_TEXTS;
    if (!(Number.isInteger(this.rememberTexts) && this.rememberTexts >= 0)) {
      throw new InvalidArgumentError("rememberTexts must be an integer >= 0.");
    }
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
    const vault = this.vault(conversation);
    let memory = this.memory.get(vault);
    const known = memory?.get(text);
    if (known !== undefined && memory !== undefined) {
      // Most recently used last, so the oldest is the first key when one must go.
      memory.delete(text);
      memory.set(text, known);
      return known;
    }
    // Detection does not read the vault, and the vault gives a value the placeholder it gave it before: analyzing
    // a text again with a grown vault would give the same result as the first time.
    const result = this.redactor.redact(text, vault, options.signal ? { signal: options.signal } : {});
    const counts = new Map<string, number>();
    for (const e of result.entities) counts.set(e.type, (counts.get(e.type) ?? 0) + 1);
    const anonymized: AnonymizedText = Object.freeze({
      text: result.text,
      entities: Object.freeze([...counts].map(([type, count]) => Object.freeze({ type, count }))),
    });
    if (this.rememberTexts > 0) {
      if (memory === undefined) {
        memory = new Map();
        this.memory.set(vault, memory);
      }
      memory.set(text, anonymized);
      if (memory.size > this.rememberTexts) memory.delete(memory.keys().next().value as string);
    }
    return anonymized;
  }

  /**
   * Forgets the texts remembered for a conversation (all conversations without an argument), keeping its vault and
   * placeholders. Call it when detection changed, say a contact was added to the analyzer, so that texts already
   * seen are analyzed again on the next turn.
   */
  forgetTexts(conversation?: string): void {
    if (conversation === undefined) {
      for (const vault of this.vaults.values()) this.memory.delete(vault);
      return;
    }
    const vault = this.vaults.get(conversation);
    if (vault) this.memory.delete(vault);
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
    const vault = this.vaults.get(conversation);
    if (vault) this.memory.delete(vault);
    this.vaults.delete(conversation);
  }
}
