import { normalFrom, seededRandom } from "../seeded-random";
import type { DecoderBlock, DecoderWeights } from "../tiny-decoder/decoder-weights";

/** The shape of hearth/tiny-decoder. */
export interface DecoderShape {
  readonly vocabSize: number;
  readonly hidden: number;
  readonly heads: number;
  readonly layers: number;
  readonly positions: number;
}

/**
 * GPT-2's initialization from a seed: weights N(0, 0.02), position embeddings N(0, 0.01), the residual projections
 * scaled by 1/sqrt(2 * layers), biases 0, LayerNorm gains 1 and shifts 0.
 */
export function initDecoder(shape: DecoderShape, seed: number): DecoderWeights {
  const rand = seededRandom(seed);
  const normal = (size: number, std: number) => Float32Array.from({ length: size }, () => normalFrom(rand) * std);
  const { vocabSize, hidden, heads, layers, positions } = shape;
  const residual = 0.02 / Math.sqrt(2 * layers);
  const ones = () => new Float32Array(hidden).fill(1);
  const zeros = (n: number) => new Float32Array(n);
  const wte = normal(vocabSize * hidden, 0.02);
  const wpe = normal(positions * hidden, 0.01);
  const blocks: DecoderBlock[] = [];
  for (let l = 0; l < layers; l++) {
    blocks.push({
      ln1Gamma: ones(),
      ln1Beta: zeros(hidden),
      qWeight: normal(hidden * hidden, 0.02),
      qBias: zeros(hidden),
      kWeight: normal(hidden * hidden, 0.02),
      kBias: zeros(hidden),
      vWeight: normal(hidden * hidden, 0.02),
      vBias: zeros(hidden),
      projWeight: normal(hidden * hidden, residual),
      projBias: zeros(hidden),
      ln2Gamma: ones(),
      ln2Beta: zeros(hidden),
      fcWeight: normal(hidden * 4 * hidden, 0.02),
      fcBias: zeros(4 * hidden),
      fcProjWeight: normal(4 * hidden * hidden, residual),
      fcProjBias: zeros(hidden),
    });
  }
  return { vocabSize, hidden, heads, positions, wte, wpe, blocks, lnfGamma: ones(), lnfBeta: zeros(hidden) };
}
