import type { InferenceBackend } from "../spec/inference-backend";
import type { ModelSource } from "../spec/model-source";
import { TextTokenizer } from "../tokenization/text-tokenizer";
import { type CreateSessionOptions, openSession } from "./create-session";
import { type ModelConfig, readModelConfig } from "./model-config";
import type { RuntimeSession } from "./runtime-session";

/** Everything a pipeline needs from a model folder. */
export interface LoadedModel {
  readonly session: RuntimeSession;
  readonly config: ModelConfig;
  readonly tokenizer: TextTokenizer;
}

/** Reads config.json and the tokenizer, then opens the session (files first, so a missing one fails fast). */
export async function loadModel(
  backend: InferenceBackend,
  source: ModelSource,
  options: CreateSessionOptions = {},
): Promise<LoadedModel> {
  const config = await readModelConfig(source, options.signal);
  const tokenizer = await TextTokenizer.load(source, options.signal);
  const session = await openSession(backend, source, options);
  return { session, config, tokenizer };
}
