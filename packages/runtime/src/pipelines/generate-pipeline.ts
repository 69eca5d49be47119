import type { JsonSchema } from "../constrained/json-schema";
import { jsonSchemaConstraint } from "../constrained/json-schema-constraint";
import type { TokenConstraint } from "../constrained/token-constraint";
import { AbortedError } from "../errors/aborted-error";
import { InferenceError } from "../errors/inference-error";
import { InvalidArgumentError } from "../errors/invalid-argument-error";
import { checkSamplingOptions, type SamplingOptions, sampleToken } from "../generation/sample-token";
import { SeededRandom } from "../generation/seeded-random";
import { StopSequenceFilter } from "../generation/stop-sequences";
import type { LoadedModel } from "../session/load-model";
import type { HostTensor, TensorMap } from "../spec/tensor";
import { floatData, logSoftmaxAt } from "./tensor-math";

/** Why generation ended. */
export type FinishReason = "eos" | "stop" | "length" | "complete";

/**
 * One generated token and the text it added (empty while a multi-byte character or a possible stop sequence is
 * pending). A last chunk with `id: null` carries text that was held back that way, when there is any.
 */
export interface GeneratedToken {
  readonly id: number | null;
  readonly text: string;
  /** The token's log-probability under the model, when `logprobs` was asked for (absent on the `id: null` chunk). */
  readonly logprob?: number;
}

/** What a whole generation produced. */
export interface GenerationResult {
  readonly text: string;
  readonly tokenIds: readonly number[];
  readonly finishReason: FinishReason;
  /** Each generated token's log-probability, aligned with `tokenIds`, when `logprobs` was asked for. */
  readonly logprobs?: readonly number[];
}

/** Options of one generation. */
export interface GenerateOptions extends SamplingOptions {
  /** Most new tokens (default 64). */
  readonly maxTokens?: number;
  /** Strings that end generation; the text stops before them. */
  readonly stop?: readonly string[];
  /** Stops generation at the next step boundary (the current model run is not interrupted). */
  readonly signal?: AbortSignal;
  /**
   * Report each token's log-probability under the model's own distribution (log-softmax of the raw logits, before
   * temperature, top-k/top-p and constraints), e.g. for a confidence signal. Off by default: it costs one pass over
   * the vocabulary per token.
   */
  readonly logprobs?: boolean;
  /** Reuse past keys and values (default true when the model has past_key_values inputs). */
  readonly useCache?: boolean;
  /**
   * JSON-schema constrained decoding: the output is compact JSON matching the schema (see `jsonSchemaConstraint`).
   * Generation ends as soon as the document closes; maxTokens must cover its shortest form.
   */
  readonly schema?: JsonSchema;
  /** Any other constraint on the next token; ignored when `schema` is given. */
  readonly constraint?: (model: LoadedModel) => TokenConstraint;
}

interface PastLayout {
  readonly names: readonly string[];
  /** The output that feeds each of `names` at the next step (`present.N.key` for `past_key_values.N.key`). */
  readonly presentNames: readonly string[];
  /** Dims of an empty past for batch 1: [1, heads, 0, headDim]. */
  readonly emptyDims: Readonly<Record<string, readonly number[]>>;
}

const PAST = /^past_key_values\.(\d+)\.(key|value)$/;

/** Where the model keeps its KV cache, from its input metadata and config.json. */
function pastLayout(model: LoadedModel): PastLayout | undefined {
  const { session, config } = model;
  const names = session.inputNames.filter((n) => PAST.test(n));
  if (names.length === 0) return undefined;
  const num = (...keys: string[]): number | undefined => {
    for (const k of keys) if (typeof config[k] === "number") return config[k] as number;
    return undefined;
  };
  const heads = num("num_key_value_heads", "num_attention_heads", "n_head");
  const hidden = num("hidden_size", "n_embd", "d_model");
  const headDim =
    num("head_dim") ?? (heads && hidden ? hidden / (num("num_attention_heads", "n_head") ?? heads) : undefined);
  const emptyDims: Record<string, number[]> = {};
  for (const name of names) {
    const shape = session.inputShapes?.[name];
    const h = typeof shape?.[1] === "number" ? shape[1] : heads;
    const d = typeof shape?.[3] === "number" ? shape[3] : headDim;
    if (h === undefined || d === undefined) {
      throw new InferenceError(`Cannot tell the shape of ${name}: config.json lacks num_attention_heads/hidden_size.`);
    }
    emptyDims[name] = [1, h, 0, d];
  }
  return { names, presentNames: names.map((n) => n.replace("past_key_values", "present")), emptyDims };
}

/**
 * Decoder-only text generation (GPT-2 style causal LMs in the Optimum layout) with a KV cache, greedy or seeded
 * sampling (temperature, top-k, top-p), stop sequences, token streaming, abort, and constrained decoding.
 */
export class GeneratePipeline {
  readonly task = "generate" as const;
  private readonly past: PastLayout | undefined;
  private readonly eosIds: ReadonlySet<number>;
  private readonly maxPositions: number | undefined;
  /** Which optional inputs the model declares (looked up once, not at every step). */
  private readonly inputs: { attentionMask: boolean; positionIds: boolean; useCacheBranch: boolean };
  /** Model runs so far (one per generated token with the cache): for tests and benchmarks. */
  steps = 0;

  constructor(readonly model: LoadedModel) {
    const { session, config } = model;
    if (!session.inputNames.includes("input_ids") || !session.outputNames.includes("logits")) {
      throw new InferenceError("The model lacks input_ids or logits: it is not a causal language model.");
    }
    this.past = pastLayout(model);
    this.inputs = {
      attentionMask: session.inputNames.includes("attention_mask"),
      positionIds: session.inputNames.includes("position_ids"),
      useCacheBranch: session.inputNames.includes("use_cache_branch"),
    };
    const eos = config.eos_token_id;
    this.eosIds = new Set(typeof eos === "number" ? [eos] : Array.isArray(eos) ? eos : []);
    const n = config.n_positions ?? config.max_position_embeddings;
    this.maxPositions = typeof n === "number" ? n : undefined;
  }

  /** Generates a completion of `prompt` and returns it whole. */
  async run(prompt: string, options: GenerateOptions = {}): Promise<GenerationResult> {
    const ids: number[] = [];
    const logprobs: number[] = [];
    let text = "";
    const stream = this.generate(prompt, options);
    for (;;) {
      const next = await stream.next();
      if (next.done) {
        return { text, tokenIds: ids, finishReason: next.value, ...(options.logprobs ? { logprobs } : {}) };
      }
      if (next.value.id !== null) ids.push(next.value.id);
      if (next.value.logprob !== undefined) logprobs.push(next.value.logprob);
      text += next.value.text;
    }
  }

  /** Generates a completion of `prompt` token by token. */
  async *stream(
    prompt: string,
    options: GenerateOptions = {},
  ): AsyncGenerator<GeneratedToken, FinishReason, undefined> {
    return yield* this.generate(prompt, options);
  }

  private async *generate(
    prompt: string,
    options: GenerateOptions,
  ): AsyncGenerator<GeneratedToken, FinishReason, undefined> {
    checkSamplingOptions(options);
    const maxTokens = options.maxTokens ?? 64;
    if (!(Number.isInteger(maxTokens) && maxTokens >= 1))
      throw new InvalidArgumentError("maxTokens must be a positive integer.");
    const { session, tokenizer, config } = this.model;
    const signal = options.signal;
    const useCache = (options.useCache ?? true) && this.past !== undefined;
    let promptIds = [...tokenizer.encode(prompt).ids];
    if (promptIds.length === 0) {
      const bos = typeof config.bos_token_id === "number" ? config.bos_token_id : [...this.eosIds][0];
      if (bos === undefined) throw new InvalidArgumentError("The prompt is empty and the model has no bos_token_id.");
      promptIds = [bos];
    }
    const budget =
      this.maxPositions === undefined ? maxTokens : Math.min(maxTokens, this.maxPositions - promptIds.length);
    if (budget < 1) throw new InvalidArgumentError(`The prompt fills the model's ${this.maxPositions} positions.`);

    const constraint = (options.schema ? jsonSchemaConstraint(options.schema) : options.constraint)?.(this.model);
    const shortest = (constraint as { minRemainingChars?: number } | undefined)?.minRemainingChars;
    if (shortest !== undefined && shortest > budget) {
      throw new InvalidArgumentError(
        `The shortest document for this schema needs ${shortest} tokens; maxTokens allows ${budget}.`,
      );
    }
    const random = new SeededRandom(options.seed ?? 0);
    const stops = new StopSequenceFilter(options.stop ?? []);
    const utf8 = new TextDecoder();
    const sequence = [...promptIds];
    let past: TensorMap | undefined;
    let generated = 0;

    for (;;) {
      if (signal?.aborted) throw new AbortedError("Generation was aborted by its AbortSignal.");
      if (constraint?.finished) return yield* this.finish(stops, utf8, "complete");
      if (generated >= budget) return yield* this.finish(stops, utf8, "length");

      const fresh = useCache && past ? sequence.slice(-1) : sequence;
      const feeds = this.feeds(fresh, sequence.length, useCache ? past : undefined);
      const outputs = await session.run(feeds);
      this.steps += 1;
      // A run in flight is not interrupted; its token is dropped, so abort takes effect within one step.
      if (signal?.aborted) throw new AbortedError("Generation was aborted by its AbortSignal.");
      const logitsTensor = outputs.logits;
      const logits = floatData(logitsTensor, "logits");
      const vocab = logitsTensor!.dims.at(-1)!;
      const offset = (fresh.length - 1) * vocab;
      if (useCache) past = this.presentsAsPast(outputs);

      let allowed: number[] | undefined;
      if (constraint) {
        allowed = constraint.allowedTokens(budget - generated - 1).filter((id) => id < vocab);
        if (constraint.complete) for (const eos of this.eosIds) if (eos < vocab) allowed.push(eos);
        if (allowed.length === 0) {
          if (constraint.complete) return yield* this.finish(stops, utf8, "complete");
          throw new InferenceError(
            "Constrained decoding found no token that keeps the output valid: the vocabulary lacks one.",
          );
        }
      }
      const id = sampleToken(logits, offset, vocab, options, random, allowed);
      if (this.eosIds.has(id)) return yield* this.finish(stops, utf8, "eos");
      constraint?.accept(id);
      sequence.push(id);
      generated += 1;
      const bytes = tokenizer.tokenBytes(id);
      const { delta, stopped } = stops.push(bytes ? utf8.decode(bytes, { stream: true }) : "");
      yield options.logprobs
        ? { id, text: delta, logprob: logSoftmaxAt(logits, offset, vocab, id) }
        : { id, text: delta };
      if (stopped) return "stop";
    }
  }

  private *finish(
    stops: StopSequenceFilter,
    utf8: TextDecoder,
    reason: FinishReason,
  ): Generator<GeneratedToken, FinishReason> {
    // Bytes of an unfinished character and text held back for stop sequences are released at the end.
    const { delta } = stops.push(utf8.decode());
    const text = delta + stops.flush();
    if (text !== "") yield { id: null, text };
    return reason;
  }

  private feeds(ids: readonly number[], total: number, past: TensorMap | undefined): TensorMap {
    const n = ids.length;
    const inputIds = new BigInt64Array(n);
    for (let i = 0; i < n; i++) inputIds[i] = BigInt(ids[i]!);
    const feeds: TensorMap = { input_ids: { type: "int64", data: inputIds, dims: [1, n] } };
    if (this.inputs.attentionMask) {
      feeds.attention_mask = { type: "int64", data: new BigInt64Array(total).fill(1n), dims: [1, total] };
    }
    if (this.inputs.positionIds) {
      const positions = new BigInt64Array(n);
      for (let i = 0; i < n; i++) positions[i] = BigInt(total - n + i);
      feeds.position_ids = { type: "int64", data: positions, dims: [1, n] };
    }
    if (this.past) {
      for (const name of this.past.names) {
        feeds[name] = past?.[name] ?? emptyFloat(this.past.emptyDims[name]!);
      }
    }
    if (this.inputs.useCacheBranch) {
      feeds.use_cache_branch = { type: "bool", data: Uint8Array.of(past ? 1 : 0), dims: [1] };
    }
    return feeds;
  }

  private presentsAsPast(outputs: TensorMap): TensorMap {
    const past: TensorMap = {};
    const layout = this.past;
    if (!layout) return past;
    for (let i = 0; i < layout.names.length; i++) {
      const name = layout.names[i]!;
      const present = outputs[layout.presentNames[i]!];
      if (!present) throw new InferenceError(`The model has ${name} but no matching present output.`);
      past[name] = present;
    }
    return past;
  }

  dispose(): Promise<void> {
    return this.model.session.release();
  }
}

function emptyFloat(dims: readonly number[]): HostTensor {
  return { type: "float32", data: new Float32Array(0), dims };
}
