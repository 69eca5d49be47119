import { Tokenizer } from "@huggingface/tokenizers";
import { messageText } from "../email-triage/message-text";
import { TINY_DECODER_ID } from "../model-ids";
import { decoderForward } from "../tiny-decoder/decoder-forward";
import type { DecoderWeights } from "../tiny-decoder/decoder-weights";
import { type BuildOptions, throwIfAborted } from "./build-options";
import { byteLevelTokenizerJson, EOS_TOKEN, learnMerges } from "./byte-level-bpe";
import { exportDecoder } from "./export-decoder";
import { fixed, markdownTable, megabytes } from "./format";
import { type DecoderShape, initDecoder } from "./init-decoder";
import { type LabeledMessage, loadSpamAssassin, SPAM_ASSASSIN_PACKAGE, splitMessages } from "./load-spam-assassin";
import { jsonBytes, type ModelBuild, textBytes } from "./model-build";

/** How hearth/tiny-decoder is made. */
export const TINY_DECODER_RECIPE = {
  shape: { hidden: 64, heads: 4, layers: 2, positions: 256 },
  seed: 1_729,
  /** BPE merges learned from ham bodies of the training split. */
  merges: 256,
  /** Characters of training-split ham bodies the merges and the unigram baseline are counted on. */
  tokenizerChars: 400_000,
  /** Held-out tokens (test-split ham bodies) the perplexities are measured on, in windows of `window`. */
  evalTokens: 4096,
  window: 128,
} as const;

/** The result of building tiny-decoder: the model plus what tests compare it with. */
export interface TinyDecoderBuild {
  readonly model: ModelBuild;
  readonly weights: DecoderWeights;
  readonly tokenizerJson: object;
  readonly eosId: number;
  readonly perplexity: number;
  readonly unigramPerplexity: number;
}

function hamText(messages: readonly LabeledMessage[], chars: number): string {
  let text = "";
  for (const m of messages) {
    if (m.label !== 0) continue;
    text += `${messageText(m.raw).split("\n").slice(1).join("\n").trim()}\n\n`;
    if (text.length >= chars) break;
  }
  return text.slice(0, chars);
}

/**
 * Builds hearth/tiny-decoder: a byte-level BPE tokenizer learned from ham mail, a GPT-2-layout decoder with GPT-2's
 * initialization from a fixed seed (untrained: a test model), its ONNX graph with a KV cache, and a card with the
 * held-out perplexity next to a unigram baseline's.
 */
export function buildTinyDecoder(options: BuildOptions = {}): TinyDecoderBuild {
  const recipe = TINY_DECODER_RECIPE;
  const report = (phase: string, loaded: number, total: number) =>
    options.onProgress?.({ phase: `tiny-decoder: ${phase}`, loaded, total });
  report("tokenizer", 0, 1);
  const split = splitMessages(loadSpamAssassin());
  const trainText = hamText(split.train, recipe.tokenizerChars);
  const merges = learnMerges(trainText, recipe.merges);
  const { json: tokenizerJson, vocabSize, eosId } = byteLevelTokenizerJson(merges);
  const tokenizerConfig = {
    tokenizer_class: "GPT2Tokenizer",
    bos_token: EOS_TOKEN,
    eos_token: EOS_TOKEN,
    unk_token: EOS_TOKEN,
    pad_token: EOS_TOKEN,
    add_prefix_space: false,
    model_max_length: recipe.shape.positions,
  };
  const tokenizer = new Tokenizer(tokenizerJson, tokenizerConfig);
  const encode = (text: string) => tokenizer.encode(text, { add_special_tokens: false }).ids;
  report("tokenizer", 1, 1);
  throwIfAborted(options.signal);

  const shape: DecoderShape = { vocabSize, ...recipe.shape };
  const weights = initDecoder(shape, recipe.seed);

  // A unigram model of the training tokens (add-one smoothing) is the baseline a trained model must beat.
  const counts = new Float64Array(vocabSize).fill(1);
  const trainIds = encode(trainText);
  for (const id of trainIds) counts[id]! += 1;
  const countTotal = counts.reduce((s, c) => s + c, 0);
  const evalIds = encode(hamText(split.test, recipe.evalTokens * 8)).slice(0, recipe.evalTokens);
  let nll = 0;
  let unigramNll = 0;
  let predicted = 0;
  for (let start = 0; start + 1 < evalIds.length; start += recipe.window) {
    throwIfAborted(options.signal);
    report("evaluate", start, evalIds.length);
    const window = evalIds.slice(start, start + recipe.window + 1);
    const logits = decoderForward(weights, window.slice(0, -1));
    for (let t = 0; t + 1 < window.length; t++) {
      const row = logits.subarray(t * vocabSize, (t + 1) * vocabSize);
      let max = Number.NEGATIVE_INFINITY;
      for (const v of row) max = Math.max(max, v);
      let sum = 0;
      for (const v of row) sum += Math.exp(v - max);
      const target = window[t + 1]!;
      nll -= row[target]! - max - Math.log(sum);
      unigramNll -= Math.log(counts[target]! / countTotal);
      predicted++;
    }
  }
  report("evaluate", evalIds.length, evalIds.length);
  const perplexity = Math.exp(nll / predicted);
  const unigramPerplexity = Math.exp(unigramNll / predicted);

  const onnx = exportDecoder(weights);
  const config = {
    model_type: "gpt2",
    architectures: ["GPT2LMHeadModel"],
    vocab_size: vocabSize,
    n_embd: shape.hidden,
    n_head: shape.heads,
    n_layer: shape.layers,
    n_positions: shape.positions,
    hidden_size: shape.hidden,
    num_attention_heads: shape.heads,
    num_hidden_layers: shape.layers,
    max_position_embeddings: shape.positions,
    activation_function: "gelu_new",
    layer_norm_epsilon: 1e-5,
    tie_word_embeddings: true,
    bos_token_id: eosId,
    eos_token_id: eosId,
    pad_token_id: eosId,
    use_cache: true,
    hearth_trained: false,
  };
  const card = decoderCard({
    shape,
    merges: merges.length,
    trainTokens: trainIds.length,
    predicted,
    perplexity,
    unigramPerplexity,
    bytes: onnx.length,
  });
  const files = new Map<string, Uint8Array>([
    ["README.md", textBytes(card)],
    ["config.json", jsonBytes(config)],
    ["generation_config.json", jsonBytes({ bos_token_id: eosId, eos_token_id: eosId, pad_token_id: eosId })],
    ["tokenizer.json", jsonBytes(tokenizerJson)],
    ["tokenizer_config.json", jsonBytes(tokenizerConfig)],
    ["onnx/model.onnx", onnx],
  ]);
  const model: ModelBuild = {
    id: TINY_DECODER_ID,
    revision: "r1",
    license: "Apache-2.0",
    task: "generate",
    files,
    variants: [
      { name: "fp32", file: "onnx/model.onnx", providers: ["cpu", "wasm", "webgpu"], workingMemory: 32 * 2 ** 20 },
    ],
    tokenizer: ["tokenizer.json", "tokenizer_config.json"],
    metrics: { perplexity, unigramPerplexity },
  };
  return { model, weights, tokenizerJson, eosId, perplexity, unigramPerplexity };
}

interface DecoderCardFacts {
  shape: DecoderShape;
  merges: number;
  trainTokens: number;
  predicted: number;
  perplexity: number;
  unigramPerplexity: number;
  bytes: number;
}

function decoderCard(f: DecoderCardFacts): string {
  const r = TINY_DECODER_RECIPE;
  const quality = markdownTable(
    ["model", "perplexity"],
    [
      ["this decoder (random weights)", fixed(f.perplexity, 2)],
      [`unigram baseline (add-one, counted on ${f.trainTokens} training tokens)`, fixed(f.unigramPerplexity, 2)],
    ],
  );
  const sizes = markdownTable(["variant", "file", "size"], [["fp32", "onnx/model.onnx", megabytes(f.bytes)]]);
  return `# hearth/tiny-decoder

**A test model: its weights are random (GPT-2's initialization from a fixed seed), not trained.** It writes
gibberish. It exists so that generation, streaming, KV caching and JSON-schema constrained decoding can be exercised
end to end on a real ONNX decoder on any machine, offline. Constrained decoding still yields valid JSON from it,
because the constraint, not the weights, decides what is allowed.

## Model

GPT-2 layout (pre-LayerNorm blocks, gelu_new, tied LM head), ${f.shape.layers} layers, ${f.shape.heads} heads, hidden ${f.shape.hidden}, context ${f.shape.positions},
vocabulary ${f.shape.vocabSize}. ONNX with Optimum's names: inputs \`input_ids\`, \`attention_mask\` (past + new), \`position_ids\`,
\`past_key_values.{i}.key/value\` [batch, ${f.shape.heads}, past, ${f.shape.hidden / f.shape.heads}]; outputs \`logits\` and \`present.{i}.key/value\`.
\`@hearth/runtime\`'s \`generate\` pipeline runs it.

## Data and license

- Tokenizer: byte-level BPE (GPT-2's byte alphabet and pre-tokenization) with ${f.merges} merges learned from the first
  ${r.tokenizerChars} characters of ham message bodies of the training split of the SpamAssassin corpus
  (\`${SPAM_ASSASSIN_PACKAGE}\` 0.2.3, Apache-2.0; the split is hearth/email-triage's), plus \`${EOS_TOKEN}\`.
- Weights: N(0, 0.02), position embeddings N(0, 0.01), residual projections scaled by 1/sqrt(2 · layers), seed
  ${r.seed} (mulberry32). Released under Apache-2.0.

## Why untrained

Training even this small transformer to a useful perplexity needs a backward pass through attention and many
passes over the text; in plain TypeScript on one shared CPU core that does not fit the zoo's build budget (the
whole catalog builds in well under two minutes), and a half-trained model would be neither a test model nor a
useful one. A trained decoder is future work.

## Measured quality

Perplexity on ${f.predicted} held-out tokens (test-split ham bodies, windows of ${r.window} tokens):

${quality}

As expected of random weights, it is near the vocabulary size and far worse than the unigram baseline.

## Variants

${sizes}

No int8 variant: at this size it would save nothing worth the extra file.
`;
}
