import { InvalidArgumentError } from "../errors/invalid-argument-error";
import type { CreateSessionOptions } from "../session/create-session";
import { type LoadedModel, loadModel } from "../session/load-model";
import type { InferenceBackend } from "../spec/inference-backend";
import type { ModelSource } from "../spec/model-source";
import { type ClassifyOptions, ClassifyPipeline } from "./classify-pipeline";
import { type EmbedOptions, EmbedPipeline } from "./embed-pipeline";
import { GeneratePipeline } from "./generate-pipeline";
import { type TokensOptions, TokensPipeline } from "./tokens-pipeline";

/** The tasks `pipeline()` knows. */
export type PipelineTask = "embed" | "classify" | "tokens" | "generate";

/** The pipeline class each task gives. */
export interface PipelineByTask {
  embed: EmbedPipeline;
  classify: ClassifyPipeline;
  tokens: TokensPipeline;
  generate: GeneratePipeline;
}

/** Task-specific options of each task. */
export interface TaskOptionsByTask {
  embed: EmbedOptions;
  classify: ClassifyOptions;
  tokens: TokensOptions;
  // biome-ignore lint/complexity/noBannedTypes: generate takes its options per call.
  generate: {};
}

/** Options of `pipeline(task, ...)`: where and how to open the model, plus the task's own options. */
export type PipelineOptions<T extends PipelineTask> = CreateSessionOptions & TaskOptionsByTask[T];

/** Every task name, for validating input. */
export const PIPELINE_TASKS: readonly PipelineTask[] = ["embed", "classify", "tokens", "generate"];

/** Wraps a loaded model in the pipeline for `task`. */
export function createPipeline<T extends PipelineTask>(
  task: T,
  model: LoadedModel,
  options: TaskOptionsByTask[T] = {} as TaskOptionsByTask[T],
): PipelineByTask[T] {
  switch (task) {
    case "embed":
      return new EmbedPipeline(model, options as EmbedOptions) as PipelineByTask[T];
    case "classify":
      return new ClassifyPipeline(model, options as ClassifyOptions) as PipelineByTask[T];
    case "tokens":
      return new TokensPipeline(model, options as TokensOptions) as PipelineByTask[T];
    case "generate":
      return new GeneratePipeline(model) as PipelineByTask[T];
    default:
      throw new InvalidArgumentError(`Unknown task "${String(task)}": use one of ${PIPELINE_TASKS.join(", ")}.`);
  }
}

/** Loads a model folder through `backend` and wraps it in the pipeline for `task`. */
export async function pipelineFrom<T extends PipelineTask>(
  backend: InferenceBackend,
  source: ModelSource,
  task: T,
  options: PipelineOptions<T> = {} as PipelineOptions<T>,
): Promise<PipelineByTask[T]> {
  if (!PIPELINE_TASKS.includes(task)) {
    throw new InvalidArgumentError(`Unknown task "${String(task)}": use one of ${PIPELINE_TASKS.join(", ")}.`);
  }
  const model = await loadModel(backend, source, options);
  try {
    return createPipeline(task, model, options);
  } catch (error) {
    await model.session.release();
    throw error;
  }
}
