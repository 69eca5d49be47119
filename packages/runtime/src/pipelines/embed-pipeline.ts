import type { BatchingOptions } from "../batching/dynamic-batcher";
import { InferenceError } from "../errors/inference-error";
import type { LoadedModel } from "../session/load-model";
import { type EncoderItemOutput, EncoderRunner } from "./encoder-runner";
import { normalizeL2 } from "./tensor-math";

/** Options of the `embed` (feature extraction) pipeline. */
export interface EmbedOptions {
  /** `mean` over real tokens (default), or the first token (`cls`). Ignored for models with a pooled output. */
  readonly pooling?: "mean" | "cls";
  /** Scale each vector to unit length (default true), so a dot product is the cosine similarity. */
  readonly normalize?: boolean;
  readonly batching?: BatchingOptions;
}

/** Feature extraction: text in, one fixed-size vector out. Concurrent calls are batched. */
export class EmbedPipeline {
  readonly task = "embed" as const;
  private readonly runner: EncoderRunner;
  private readonly pooled: boolean;

  constructor(
    readonly model: LoadedModel,
    private readonly options: EmbedOptions = {},
  ) {
    const names = model.session.outputNames;
    // Sentence-transformers exports carry a pooled output; plain encoders give per-token states.
    const output = names.includes("sentence_embedding")
      ? "sentence_embedding"
      : names.includes("last_hidden_state")
        ? "last_hidden_state"
        : names[0];
    if (output === undefined) throw new InferenceError("The model has no outputs to embed with.");
    this.pooled = output === "sentence_embedding";
    this.runner = new EncoderRunner(model, output, options.batching);
  }

  /** Sizes of the model runs so far (how well concurrent calls were batched). */
  get batchSizes(): readonly number[] {
    return this.runner.batchSizes;
  }

  /** Embeds one text, or several (all sent to the batcher together). */
  run(text: string, options?: { signal?: AbortSignal }): Promise<Float32Array>;
  run(texts: readonly string[], options?: { signal?: AbortSignal }): Promise<Float32Array[]>;
  async run(
    input: string | readonly string[],
    options: { signal?: AbortSignal } = {},
  ): Promise<Float32Array | Float32Array[]> {
    if (typeof input === "string") return this.vectorOf(await this.runner.run(input, options.signal));
    const outs = await this.runner.runAll(input, options.signal);
    return outs.map((out) => this.vectorOf(out));
  }

  private vectorOf(out: EncoderItemOutput): Float32Array {
    let vector: Float32Array;
    if (this.pooled || out.dims.length === 1) {
      vector = out.data.slice();
    } else {
      const hidden = out.dims.at(-1)!;
      const length = out.encoding.ids.length;
      vector = new Float32Array(hidden);
      if ((this.options.pooling ?? "mean") === "cls") {
        vector.set(out.data.subarray(0, hidden));
      } else {
        for (let t = 0; t < length; t++)
          for (let h = 0; h < hidden; h++) vector[h] = vector[h]! + out.data[t * hidden + h]!;
        for (let h = 0; h < hidden; h++) vector[h] = vector[h]! / length;
      }
    }
    return this.options.normalize === false ? vector : normalizeL2(vector);
  }

  dispose(): Promise<void> {
    return this.model.session.release();
  }
}
