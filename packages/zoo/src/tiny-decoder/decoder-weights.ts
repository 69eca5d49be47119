/** One transformer block of the decoder (GPT-2 layout, pre-LayerNorm). Matrices are [in, out], row-major. */
export interface DecoderBlock {
  readonly ln1Gamma: Float32Array;
  readonly ln1Beta: Float32Array;
  readonly qWeight: Float32Array;
  readonly qBias: Float32Array;
  readonly kWeight: Float32Array;
  readonly kBias: Float32Array;
  readonly vWeight: Float32Array;
  readonly vBias: Float32Array;
  readonly projWeight: Float32Array;
  readonly projBias: Float32Array;
  readonly ln2Gamma: Float32Array;
  readonly ln2Beta: Float32Array;
  /** [hidden, 4 * hidden] */
  readonly fcWeight: Float32Array;
  readonly fcBias: Float32Array;
  /** [4 * hidden, hidden] */
  readonly fcProjWeight: Float32Array;
  readonly fcProjBias: Float32Array;
}

/** The weights of hearth/tiny-decoder. The LM head is tied to the token embedding, as in GPT-2. */
export interface DecoderWeights {
  readonly vocabSize: number;
  readonly hidden: number;
  readonly heads: number;
  readonly positions: number;
  /** [vocabSize, hidden] */
  readonly wte: Float32Array;
  /** [positions, hidden] */
  readonly wpe: Float32Array;
  readonly blocks: readonly DecoderBlock[];
  readonly lnfGamma: Float32Array;
  readonly lnfBeta: Float32Array;
}
