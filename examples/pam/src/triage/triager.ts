import type { Correction, TriageLabel } from "../documents/document-shapes";
import type { MailMessage } from "../mail/mail-message";
import type { Progress } from "../progress";
import { CATEGORIES, CATEGORY_PROTOTYPES, type Category } from "./categories";
import { CorrectionHead, type LabeledVector } from "./correction-head";
import { EmbeddingCategorizer } from "./embedding-categorizer";
import { embeddingText, triageText } from "./message-text";
import { ruleCategory } from "./rule-categorizer";
import type { SpamScorer } from "./spam-scorer";
import { centroid, type TextEmbedder } from "./text-embedder";

/** Options of {@link Triager.create}. */
export interface TriagerOptions {
  readonly spam: SpamScorer;
  /** hearth/glove-sif (or any embedder); without one, categories come from the rules alone. */
  readonly embedder?: TextEmbedder;
  /** P(spam) at or above which a message is spam (default 0.5). */
  readonly spamThreshold?: number;
  readonly signal?: AbortSignal;
}

/** Options of one {@link Triager.triage} run. */
export interface TriageRunOptions {
  /** The person's corrections: they win over every model, and teach the head. */
  readonly corrections?: Readonly<Record<string, Correction>>;
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: Progress) => void;
}

// A rule this sure of itself beats the embeddings (a booking confirmation is travel whatever else it says).
const STRONG_RULE = 0.6;
const MIN_MARGIN = 0.01;
const HEAD_CONFIDENCE = 0.5;

/**
 * Triage on the device: spam or not (hearth/email-triage, or rules), then a category from, in order, the person's
 * correction, the correction head they trained, strong rules, the zero-shot embeddings, and the rules.
 */
export class Triager {
  private head: CorrectionHead | undefined;

  private constructor(
    private readonly options: TriagerOptions,
    private readonly categorizer: EmbeddingCategorizer | undefined,
    private readonly prototypes: ReadonlyMap<Category, Float32Array>,
  ) {}

  static async create(options: TriagerOptions): Promise<Triager> {
    const prototypes = new Map<Category, Float32Array>();
    let categorizer: EmbeddingCategorizer | undefined;
    if (options.embedder) {
      categorizer = await EmbeddingCategorizer.create(options.embedder, options.signal);
      for (const c of CATEGORIES) prototypes.set(c, centroid(await options.embedder.embed(CATEGORY_PROTOTYPES[c])));
    }
    return new Triager(options, categorizer, prototypes);
  }

  /** Which engines run: for the app to say what fell back to rules. */
  get engines(): { spam: "model" | "rules"; categories: "embedding" | "rules" } {
    return { spam: this.options.spam.engine, categories: this.categorizer ? "embedding" : "rules" };
  }

  /** The trained head, for the device to save (never synced). */
  get correctionHead(): CorrectionHead | undefined {
    return this.head;
  }

  /** Uses a head saved earlier on this device. */
  useHead(head: CorrectionHead): void {
    this.head = head;
  }

  /**
   * Retrains the head from the person's corrections (needs the embedder). Returns it, or undefined without
   * an embedder or corrections.
   */
  async learn(
    messages: readonly MailMessage[],
    corrections: Readonly<Record<string, Correction>>,
    signal?: AbortSignal,
  ): Promise<CorrectionHead | undefined> {
    const embedder = this.options.embedder;
    if (!embedder) return undefined;
    const labeled = messages.filter((m) => corrections[m.id]);
    if (labeled.length === 0) return undefined;
    const vectors = await embedder.embed(labeled.map(embeddingText), signal);
    const examples: LabeledVector[] = labeled.map((m, i) => ({
      vector: vectors[i]!,
      category: corrections[m.id]!.category,
    }));
    this.head = CorrectionHead.train(examples, this.prototypes);
    return this.head;
  }

  /** Labels every message. */
  async triage(messages: readonly MailMessage[], options: TriageRunOptions = {}): Promise<Map<string, TriageLabel>> {
    const { signal, onProgress } = options;
    const corrections = options.corrections ?? {};
    const total = messages.length;
    onProgress?.({ phase: "spam", loaded: 0, total });
    const spamScores = await this.options.spam.score(
      messages.map((m) => triageText(m)),
      signal,
    );
    onProgress?.({ phase: "spam", loaded: total, total });
    const vectors = this.options.embedder
      ? await this.options.embedder.embed(messages.map(embeddingText), signal)
      : undefined;
    const threshold = this.options.spamThreshold ?? 0.5;
    const labels = new Map<string, TriageLabel>();
    messages.forEach((message, i) => {
      const spamScore = Math.round((spamScores[i] ?? 0) * 1000) / 1000;
      const base = { spam: spamScore >= threshold, spamScore, engine: this.options.spam.engine };
      const corrected = corrections[message.id];
      if (corrected) {
        labels.set(message.id, { ...base, category: corrected.category, source: "correction" });
        return;
      }
      const rule = ruleCategory(message);
      const vector = vectors?.[i];
      if (vector && this.head && this.head.examples > 0) {
        const guess = this.head.predict(vector);
        if (guess.confidence >= HEAD_CONFIDENCE) {
          labels.set(message.id, { ...base, category: guess.category, source: "head" });
          return;
        }
      }
      if (vector && this.categorizer && rule.strength < STRONG_RULE) {
        const scores = this.categorizer.score(vector);
        if (scores.margin >= MIN_MARGIN) {
          labels.set(message.id, { ...base, category: scores.best, source: "embedding" });
          return;
        }
      }
      labels.set(message.id, { ...base, category: rule.category, source: "rules" });
    });
    onProgress?.({ phase: "categories", loaded: total, total });
    return labels;
  }
}
