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
    const size = itemDims.reduce((a, b) => a * b, 1);
    return batch.encodings.map((encoding, i) => ({
      encoding,
      data: data.slice(i * size, (i + 1) * size),
      dims: itemDims,
    }));
  }
}
