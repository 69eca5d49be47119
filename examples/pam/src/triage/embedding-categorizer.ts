import { CATEGORIES, CATEGORY_PROTOTYPES, type Category } from "./categories";
import { centroid, dot, type TextEmbedder } from "./text-embedder";

/** Cosine similarity of a message to each category's prototype sentences. */
export interface CategoryScores {
  readonly best: Category;
  /** The best similarity minus the runner-up's: how clear the choice is. */
  readonly margin: number;
  readonly scores: Record<Category, number>;
}

/**
 * Zero-shot categories: each category is the centroid of its prototype sentences' embeddings (see
 * {@link CATEGORY_PROTOTYPES}); a message goes to the most similar one.
 */
export class EmbeddingCategorizer {
  private constructor(private readonly prototypes: ReadonlyMap<Category, Float32Array>) {}

  /** Embeds the prototypes once. */
  static async create(embedder: TextEmbedder, signal?: AbortSignal): Promise<EmbeddingCategorizer> {
    const prototypes = new Map<Category, Float32Array>();
    for (const category of CATEGORIES) {
      prototypes.set(category, centroid(await embedder.embed(CATEGORY_PROTOTYPES[category], signal)));
    }
    return new EmbeddingCategorizer(prototypes);
  }

  /** Scores one message vector against every category. */
  score(vector: Float32Array): CategoryScores {
    const scores = {} as Record<Category, number>;
    for (const [category, prototype] of this.prototypes) scores[category] = dot(vector, prototype);
    const ranked = [...CATEGORIES].sort((a, b) => scores[b] - scores[a]);
    const best = ranked[0]!;
    return { best, margin: scores[best] - scores[ranked[1]!], scores };
  }
}
