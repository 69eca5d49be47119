import { Tokenizer } from "@huggingface/tokenizers";
import { messageText } from "../email-triage/message-text";
import { cosineSimilarity } from "../glove-sif/cosine-similarity";
import { rocAuc } from "../glove-sif/roc-auc";
import { SIF_EVAL_PAIRS } from "../glove-sif/sif-eval-pairs";
import { sifForward } from "../glove-sif/sif-forward";
import type { SifWeights } from "../glove-sif/sif-weights";
import { GLOVE_SIF_ID } from "../model-ids";
import { dequantizeRows, quantizeRows } from "../quantize-rows";
import { type BuildOptions, throwIfAborted } from "./build-options";
import { exportGloveSif } from "./export-glove-sif";
import { fixed, markdownTable, megabytes } from "./format";
import { gloveTokenizerConfig, gloveTokenizerJson, isSinglePretoken } from "./glove-tokenizer";
import { GLOVE_PACKAGE, loadGlove } from "./load-glove";
import { loadSpamAssassin, SPAM_ASSASSIN_PACKAGE } from "./load-spam-assassin";
import { jsonBytes, type ModelBuild, textBytes } from "./model-build";

/** How hearth/glove-sif is made. */
export const GLOVE_SIF_RECIPE = {
  /** Words kept, most frequent first (only words the tokenizer can produce as one token). */
  words: 100_000,
  /** SIF's a in a / (a + p(w)). */
  a: 1e-3,
  /** Sentences from ham mail the common component is estimated on. */
  componentSentences: 20_000,
  /** Power iterations for the top singular vector. */
  powerIterations: 200,
} as const;

/** The separation the card promises on the evaluation pairs, and the tests hold the model to. */
export const GLOVE_SIF_AUC_FLOOR = 0.9;

/** The result of building glove-sif: the model plus what tests compare it with. */
export interface GloveSifBuild {
  readonly model: ModelBuild;
  readonly weights: SifWeights;
  /** The int8 variant's table, dequantized. */
  readonly int8Weights: SifWeights;
  readonly tokenizerJson: object;
  readonly tokenizerConfig: object;
  readonly auc: number;
  readonly int8Auc: number;
  readonly meanRelated: number;
  readonly meanUnrelated: number;
  /** Smallest cosine between an int8 and an fp32 embedding of the same evaluation sentence. */
  readonly int8MinCosine: number;
}

/** Sentences of ham mail bodies for the common component: plain lines of 5 to 50 words, quotes left out. */
function componentSentences(limit: number): string[] {
  const out: string[] = [];
  for (const m of loadSpamAssassin()) {
    if (m.label !== 0) continue;
    const body = messageText(m.raw).split("\n").slice(1);
    const text = body.filter((line) => !line.startsWith(">") && !/^[\w-]+:/.test(line)).join(" ");
    for (const sentence of text.split(/(?<=[.!?])\s+/)) {
      const words = sentence.trim().split(/\s+/);
      if (words.length < 5 || words.length > 50 || /[<>=@{}|]/.test(sentence)) continue;
      out.push(sentence.trim());
      if (out.length >= limit) return out;
    }
  }
  return out;
}

/** Top right singular vector of the rows (power iteration on XᵀX), with its largest component positive. */
function topComponent(rows: readonly Float32Array[], dim: number, iterations: number): Float32Array {
  const gram = new Float64Array(dim * dim);
  for (const r of rows) for (let i = 0; i < dim; i++) for (let j = 0; j < dim; j++) gram[i * dim + j]! += r[i]! * r[j]!;
  let v = new Float64Array(dim).fill(1 / Math.sqrt(dim));
  for (let it = 0; it < iterations; it++) {
    const next = new Float64Array(dim);
    for (let i = 0; i < dim; i++) for (let j = 0; j < dim; j++) next[i]! += gram[i * dim + j]! * v[j]!;
    const norm = Math.sqrt(next.reduce((s, x) => s + x * x, 0));
    v = next.map((x) => x / norm);
  }
  let big = 0;
  for (let i = 1; i < dim; i++) if (Math.abs(v[i]!) > Math.abs(v[big]!)) big = i;
  const sign = v[big]! < 0 ? -1 : 1;
  return Float32Array.from(v, (x) => x * sign);
}

/** Builds hearth/glove-sif from the GloVe package: vocabulary, SIF weights, common component, ONNX, card. */
export function buildGloveSif(options: BuildOptions = {}): GloveSifBuild {
  const recipe = GLOVE_SIF_RECIPE;
  const report = (phase: string, loaded: number, total: number) =>
    options.onProgress?.({ phase: `glove-sif: ${phase}`, loaded, total });
  report("load vectors", 0, 1);
  const glove = loadGlove();
  report("load vectors", 1, 1);
  throwIfAborted(options.signal);

  const words: string[] = [];
  const ranks: number[] = [];
  const seen = new Set<string>();
  for (let r = 0; r < glove.words.length && words.length < recipe.words; r++) {
    const w = glove.words[r]!;
    if (seen.has(w) || !isSinglePretoken(w) || glove.vector(w) === undefined) continue;
    seen.add(w);
    words.push(w);
    ranks.push(r + 1);
  }
  // GloVe ships ranks, not counts: p(w) follows Zipf's law over the full list, p(rank) = (1/rank) / H(N).
  let harmonic = 0;
  for (let r = 1; r <= glove.words.length; r++) harmonic += 1 / r;
  const vocabSize = words.length + 2;
  const dim = glove.dim;
  const table = new Float32Array(vocabSize * dim);
  const sifWeights = new Float32Array(vocabSize);
  words.forEach((w, i) => {
    const v = glove.vector(w)!;
    for (let k = 0; k < dim; k++) table[(i + 2) * dim + k] = v[k]!;
    const p = 1 / ranks[i]! / harmonic;
    sifWeights[i + 2] = recipe.a / (recipe.a + p);
  });
  const tokenizerJson = gloveTokenizerJson(words);
  const tokenizerConfig = gloveTokenizerConfig();
  const tokenizer = new Tokenizer(tokenizerJson, tokenizerConfig);
  const encode = (text: string) => tokenizer.encode(text, { add_special_tokens: false }).ids;
  throwIfAborted(options.signal);

  const sentences = componentSentences(recipe.componentSentences);
  const noComponent: SifWeights = { vocabSize, dim, table, sifWeights, component: new Float32Array(dim) };
  const rows: Float32Array[] = [];
  sentences.forEach((s, i) => {
    if (i % 1000 === 0) {
      throwIfAborted(options.signal);
      report("common component", i, sentences.length);
    }
    rows.push(sifForward(noComponent, encode(s)));
  });
  report("common component", sentences.length, sentences.length);
  const component = topComponent(rows, dim, recipe.powerIterations);
  const weights: SifWeights = { vocabSize, dim, table, sifWeights, component };
  const int8Weights: SifWeights = { ...weights, table: dequantizeRows(quantizeRows(table, vocabSize, dim)) };

  const score = (w: SifWeights) =>
    SIF_EVAL_PAIRS.map((p) => cosineSimilarity(sifForward(w, encode(p.a)), sifForward(w, encode(p.b))));
  const related = SIF_EVAL_PAIRS.map((p) => p.related);
  const scores = score(weights);
  const auc = rocAuc(scores, related);
  const int8Auc = rocAuc(score(int8Weights), related);
  const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
  const meanRelated = mean(scores.filter((_, i) => related[i]));
  const meanUnrelated = mean(scores.filter((_, i) => !related[i]));
  let int8MinCosine = 1;
  for (const text of new Set(SIF_EVAL_PAIRS.flatMap((p) => [p.a, p.b]))) {
    const ids = encode(text);
    int8MinCosine = Math.min(int8MinCosine, cosineSimilarity(sifForward(weights, ids), sifForward(int8Weights, ids)));
  }

  report("export", 0, 2);
  const fp32Onnx = exportGloveSif(weights, "fp32");
  report("export", 1, 2);
  const int8Onnx = exportGloveSif(weights, "int8");
  report("export", 2, 2);
  const config = {
    model_type: "hearth-sif",
    architectures: ["HearthSifModel"],
    hidden_size: dim,
    vocab_size: vocabSize,
    pad_token_id: 0,
    hearth_sif: { a: recipe.a, frequency: "zipf-by-glove-rank", removed_components: 1 },
  };
  const card = sifCard({
    vocabSize,
    lastRank: ranks.at(-1) ?? 0,
    gloveWords: glove.words.length,
    sentences: sentences.length,
    auc,
    int8Auc,
    meanRelated,
    meanUnrelated,
    int8MinCosine,
    fp32Bytes: fp32Onnx.length,
    int8Bytes: int8Onnx.length,
  });
  const files = new Map<string, Uint8Array>([
    ["README.md", textBytes(card)],
    ["config.json", jsonBytes(config)],
    ["tokenizer.json", jsonBytes(tokenizerJson)],
    ["tokenizer_config.json", jsonBytes(tokenizerConfig)],
    ["onnx/model.onnx", fp32Onnx],
    ["onnx/model_int8.onnx", int8Onnx],
  ]);
  const model: ModelBuild = {
    id: GLOVE_SIF_ID,
    revision: "r1",
    license: "PDDL-1.0",
    task: "embed",
    files,
    variants: [
      { name: "fp32", file: "onnx/model.onnx", providers: ["cpu", "wasm", "webgpu"], workingMemory: 32 * 2 ** 20 },
      { name: "int8", file: "onnx/model_int8.onnx", providers: ["cpu", "wasm"], workingMemory: 32 * 2 ** 20 },
    ],
    tokenizer: ["tokenizer.json", "tokenizer_config.json"],
    metrics: { auc, int8Auc, meanRelated, meanUnrelated, int8MinCosine },
  };
  return {
    model,
    weights,
    int8Weights,
    tokenizerJson,
    tokenizerConfig,
    auc,
    int8Auc,
    meanRelated,
    meanUnrelated,
    int8MinCosine,
  };
}

interface SifCardFacts {
  vocabSize: number;
  lastRank: number;
  gloveWords: number;
  sentences: number;
  auc: number;
  int8Auc: number;
  meanRelated: number;
  meanUnrelated: number;
  int8MinCosine: number;
  fp32Bytes: number;
  int8Bytes: number;
}

function sifCard(f: SifCardFacts): string {
  const r = GLOVE_SIF_RECIPE;
  const related = SIF_EVAL_PAIRS.filter((p) => p.related).length;
  const quality = markdownTable(
    ["measure", "fp32", "int8"],
    [
      ["ROC AUC, related vs unrelated by cosine", fixed(f.auc), fixed(f.int8Auc)],
      ["mean cosine, related pairs", fixed(f.meanRelated), ""],
      ["mean cosine, unrelated pairs", fixed(f.meanUnrelated), ""],
      ["smallest cosine int8 vs fp32, same sentence", "", fixed(f.int8MinCosine)],
    ],
  );
  const sizes = markdownTable(
    ["variant", "file", "size"],
    [
      ["fp32", "onnx/model.onnx", megabytes(f.fp32Bytes)],
      ["int8", "onnx/model_int8.onnx", `${megabytes(f.int8Bytes)} (word vectors as int8 with a float scale per row)`],
    ],
  );
  return `# hearth/glove-sif

A sentence embedder for short English text: GloVe word vectors combined with smooth inverse frequency (SIF)
weighting and common component removal (Arora, Liang and Ma, "A Simple but Tough-to-Beat Baseline for Sentence
Embeddings", ICLR 2017), all inside one ONNX graph. Built by \`@hearth/zoo\`, reproducibly.

## Model

- Inputs: \`input_ids\`, \`attention_mask\` (int64 [batch, sequence]) from \`tokenizer.json\`; output
  \`sentence_embedding\` [batch, 100]. \`@hearth/runtime\`'s \`embed\` pipeline runs it unchanged (it L2-normalizes).
- Tokenizer: lowercase, BERT pre-tokenization (spaces and punctuation split), WordLevel over ${f.vocabSize - 2} words plus
  \`[PAD]\` (id 0) and \`[UNK]\` (id 1). Unknown words and padding have weight 0: they neither add nor count.
- Graph: v = (1/n) Σ a/(a + p(w)) · vec(w) over the n known words, then v - (v·u) u, where u is the common
  component. a = ${r.a}.

## Data and license

- Vectors: the npm package \`${GLOVE_PACKAGE}\` 1.1.0: GloVe 100-d vectors (Wikipedia 2014 + Gigaword 5, ${f.gloveWords} words,
  most frequent first). The package is MIT-licensed (its code and packaging); its ACKNOWLEDGEMENT says the GloVe
  vectors are under the Open Data Commons Public Domain Dedication and License (PDDL 1.0), which is what the weights
  here derive from: this model's license is PDDL-1.0.
- Vocabulary: the ${f.vocabSize - 2} most frequent GloVe words the tokenizer can produce as one token (entries like \`n't\` or
  \`u.s.\` cannot be, so they are skipped); the last kept word has GloVe rank ${f.lastRank}.
- p(w): GloVe ships ranks, not counts, so p(w) follows Zipf's law over the full list: p = (1/rank) / H(${f.gloveWords}).
- Common component: the top singular vector (${r.powerIterations} power iterations, deterministic start) of the SIF vectors of
  ${f.sentences} sentences from the ham messages of the SpamAssassin corpus (\`${SPAM_ASSASSIN_PACKAGE}\` 0.2.3,
  Apache-2.0): plain lines of 5 to 50 words, quoted lines and headers left out.
- No training and no randomness: the build is a pure function of the two packages.

## Quality

A hand-written evaluation set of ${SIF_EVAL_PAIRS.length} sentence pairs about email topics (meetings, bills, deliveries, accounts,
travel, work, family): ${related} related pairs (the same thing said in other words) and ${SIF_EVAL_PAIRS.length - related} unrelated pairs (topics
mixed). It ships in \`@hearth/zoo\` as \`SIF_EVAL_PAIRS\`.

${quality}

AUC floor: **${fixed(GLOVE_SIF_AUC_FLOOR)}** (the tests fail below it).

## Variants

${sizes}

## Limits

A bag of words: word order and negation are invisible ("not urgent" is close to "urgent"). English only, lowercase
GloVe vocabulary from news and encyclopedia text; rare, new or misspelled words are unknown. Good for topic
similarity and clustering of short mail text, not for fine semantic distinctions.
`;
}
