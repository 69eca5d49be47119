import { type BatchingOptions, DynamicBatcher } from "../batching/dynamic-batcher";
import { InferenceError } from "../errors/inference-error";
import type { LoadedModel } from "../session/load-model";
import type { TextEncoding } from "../tokenization/text-tokenizer";
import { encodeBatch } from "./encode-batch";
import { floatData } from "./tensor-math";

/** One text's share of a batched encoder run. */
export interface EncoderItemOutput {
  readonly encoding: TextEncoding;
  /** The output for this text only: [sequenceLength, ...rest] for per-token outputs, [...rest] otherwise. */
  readonly data: Float32Array;
  /** Dims of `data`; for per-token outputs the first is the padded length, of which `encoding.ids.length` are real. */
  readonly dims: readonly number[];
}

/**
 * Runs an encoder on texts from concurrent callers in padded batches and hands each caller its own slice of one
 * output. Shared by the embed, classify and tokens pipelines.
 */
export class EncoderRunner {
  private readonly batcher: DynamicBatcher<string, EncoderItemOutput>;
  private readonly maxLength: number | undefined;

  constructor(
    private readonly model: LoadedModel,
    private readonly outputName: string,
    batching?: BatchingOptions,
  ) {
    const c = model.config;
    this.maxLength =
      model.tokenizer.modelMaxLength ??
      (typeof c.max_position_embeddings === "number" ? c.max_position_embeddings : undefined);
    this.batcher = new DynamicBatcher((texts) => this.runBatch(texts), batching);
  }

  /** Sizes of the batches run so far. */
  get batchSizes(): readonly number[] {
    return this.batcher.batchSizes;
  }

  run(text: string, signal?: AbortSignal): Promise<EncoderItemOutput> {
    return this.batcher.add(text, signal);
  }

  /** One caller's texts, queued together so that they share runs. */
  runAll(texts: readonly string[], signal?: AbortSignal): Promise<EncoderItemOutput[]> {
    return this.batcher.addAll(texts, signal);
  }

  private async runBatch(texts: string[]): Promise<EncoderItemOutput[]> {
    const { session, tokenizer } = this.model;
    const batch = encodeBatch(tokenizer, texts, session.inputNames, this.maxLength);
    const outputs = await session.run(batch.feeds, [this.outputName]);
    const tensor = outputs[this.outputName];
    const data = floatData(tensor, this.outputName);
    const dims = tensor!.dims;
    if (dims[0] !== batch.batch) {
      throw new InferenceError(`The model's "${this.outputName}" output has batch ${dims[0]}, not ${batch.batch}.`);
    }
    const itemDims = dims.slice(1);
    let size = 1;
    for (const d of itemDims) size *= d;
    // Views, not copies: the output buffer is this run's own, and each caller reads only its rows.
    return batch.encodings.map((encoding, i) => ({
      encoding,
      data: batch.batch === 1 ? data : data.subarray(i * size, (i + 1) * size),
      dims: itemDims,
    }));
  }
}
