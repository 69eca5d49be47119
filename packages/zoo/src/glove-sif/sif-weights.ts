/** The weights of hearth/glove-sif. */
export interface SifWeights {
  /** Rows of `table`: the tokenizer's vocabulary ([PAD], [UNK], then the words). */
  readonly vocabSize: number;
  /** Vector width (100). */
  readonly dim: number;
  /** [vocabSize, dim] GloVe vectors, row-major; zero rows for [PAD] and [UNK]. */
  readonly table: Float32Array;
  /** [vocabSize] SIF weights a / (a + p(w)); 0 for [PAD] and [UNK], so they neither add nor count. */
  readonly sifWeights: Float32Array;
  /** [dim] the unit common component removed from every sentence vector. */
  readonly component: Float32Array;
}
