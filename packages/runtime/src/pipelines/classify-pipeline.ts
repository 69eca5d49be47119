import type { BatchingOptions } from "../batching/dynamic-batcher";
import { InferenceError } from "../errors/inference-error";
import type { LoadedModel } from "../session/load-model";
import { type EncoderItemOutput, EncoderRunner } from "./encoder-runner";
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
  private labels: string[] | undefined;

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
    if (typeof input === "string") return this.classificationOf(await this.runner.run(input, options.signal));
    const outs = await this.runner.runAll(input, options.signal);
    return outs.map((out) => this.classificationOf(out));
  }

  private classificationOf(out: EncoderItemOutput): Classification {
    if (out.dims.length !== 1) {
      throw new InferenceError(
        `The model's logits have shape [batch, ${out.dims.join(", ")}]; classify needs [batch, labels].`,
      );
    }
    const probs =
      this.activation === "softmax" ? softmax(out.data) : Float64Array.from(out.data, (x) => 1 / (1 + Math.exp(-x)));
    if (this.labels?.length !== probs.length) this.labels = labelsOf(this.model, probs.length);
    const labels = this.labels;
    const scores = labels.map((label, i) => ({ label, score: probs[i]! })).sort((a, b) => b.score - a.score);
    return { label: scores[0]!.label, score: scores[0]!.score, scores };
  }

  dispose(): Promise<void> {
    return this.model.session.release();
  }
}
