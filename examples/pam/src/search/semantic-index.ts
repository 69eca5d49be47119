import { dot, type TextEmbedder } from "../triage/text-embedder";

/** One search hit. */
export interface SearchHit {
  readonly id: string;
  readonly score: number;
}

const words = (text: string): string[] => text.toLowerCase().match(/[\p{L}\p{N}]{2,}/gu) ?? [];

/**
 * Semantic search over short texts: each is embedded once; a query is embedded and compared by cosine. Without an
 * embedder (the model did not fit the device) it ranks by shared words instead, and says so in `mode`.
 */
export class SemanticIndex {
  private readonly vectors = new Map<string, Float32Array>();
  private readonly texts = new Map<string, string>();

  constructor(private readonly embedder?: TextEmbedder) {}

  /** `embedding` or `keywords`. */
  get mode(): "embedding" | "keywords" {
    return this.embedder ? "embedding" : "keywords";
  }

  get size(): number {
    return this.texts.size;
  }

  /** Adds (or replaces) documents. */
  async add(items: readonly { id: string; text: string }[], signal?: AbortSignal): Promise<void> {
    const fresh = items.filter((i) => this.texts.get(i.id) !== i.text);
    for (const item of fresh) this.texts.set(item.id, item.text);
    if (!this.embedder || fresh.length === 0) return;
    const vectors = await this.embedder.embed(
      fresh.map((i) => i.text),
      signal,
    );
    for (const [n, item] of fresh.entries()) this.vectors.set(item.id, vectors[n]!);
  }

  /** The `limit` best matches, best first. */
  async search(query: string, limit = 5, signal?: AbortSignal): Promise<SearchHit[]> {
    let hits: SearchHit[];
    if (this.embedder) {
      const [q] = await this.embedder.embed([query], signal);
      hits = [...this.vectors].map(([id, v]) => ({ id, score: dot(q!, v) }));
    } else {
      const terms = new Set(words(query));
      hits = [...this.texts].map(([id, text]) => {
        const seen = words(text);
        const shared = seen.filter((w) => terms.has(w)).length;
        return { id, score: seen.length === 0 ? 0 : shared / Math.sqrt(seen.length) };
      });
    }
    return hits.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id)).slice(0, limit);
  }
}
