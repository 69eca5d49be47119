import type { BatchingOptions } from "../batching/dynamic-batcher";
import { InferenceError } from "../errors/inference-error";
import type { LoadedModel } from "../session/load-model";
import { EncoderRunner } from "./encoder-runner";
import { softmax } from "./tensor-math";

/** A label and its probability. */
export interface LabelScore {
  readonly label: string;
  readonly score: number;
}

/** The top label of a text and every label's score, highest first. */
export interface Classification extends LabelScore {
  readonly scores: readonly LabelScore[];
}

/** Options of the `classify` (sequence classification) pipeline. */
export interface ClassifyOptions {
  /** `softmax` (default: one label per text) or `sigmoid` (independent labels); config.problem_type decides if unset. */
  readonly activation?: "softmax" | "sigmoid";
  readonly batching?: BatchingOptions;
}

/** The label names of a model, from config.json's id2label (LABEL_i when absent). */
export function labelsOf(model: LoadedModel, count: number): string[] {
  const id2label = model.config.id2label ?? {};
  return Array.from({ length: count }, (_, i) => id2label[String(i)] ?? `LABEL_${i}`);
}

/** Sequence classification: text in, labels from id2label with softmax scores out. Concurrent calls are batched. */
export class ClassifyPipeline {
  readonly task = "classify" as const;
  private readonly runner: EncoderRunner;
  private readonly activation: "softmax" | "sigmoid";

  constructor(
    readonly model: LoadedModel,
    options: ClassifyOptions = {},
  ) {
    if (!model.session.outputNames.includes("logits")) {
      throw new InferenceError("The model has no logits output: it is not a sequence classification model.");
    }
    this.activation =
      options.activation ?? (model.config.problem_type === "multi_label_classification" ? "sigmoid" : "softmax");
    this.runner = new EncoderRunner(model, "logits", options.batching);
  }

  get batchSizes(): readonly number[] {
    return this.runner.batchSizes;
  }

  run(text: string, options?: { signal?: AbortSignal }): Promise<Classification>;
  run(texts: readonly string[], options?: { signal?: AbortSignal }): Promise<Classification[]>;
  async run(
    input: string | readonly string[],
    options: { signal?: AbortSignal } = {},
  ): Promise<Classification | Classification[]> {
    const texts = typeof input === "string" ? [input] : input;
    const results = await Promise.all(texts.map((t) => this.classifyOne(t, options.signal)));
    return typeof input === "string" ? results[0]! : results;
  }

  private async classifyOne(text: string, signal?: AbortSignal): Promise<Classification> {
    const out = await this.runner.run(text, signal);
    if (out.dims.length !== 1) {
      throw new InferenceError(
        `The model's logits have shape [batch, ${out.dims.join(", ")}]; classify needs [batch, labels].`,
      );
    }
    const probs =
      this.activation === "softmax" ? softmax(out.data) : Float64Array.from(out.data, (x) => 1 / (1 + Math.exp(-x)));
    const labels = labelsOf(this.model, probs.length);
    const scores = labels.map((label, i) => ({ label, score: probs[i]! })).sort((a, b) => b.score - a.score);
    return { label: scores[0]!.label, score: scores[0]!.score, scores };
  }

  dispose(): Promise<void> {
    return this.model.session.release();
  }
}
