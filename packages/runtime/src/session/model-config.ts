import { ModelInvalidError } from "../errors/model-invalid-error";
import type { ModelSource } from "../spec/model-source";

/** The parts of a Hugging Face `config.json` the pipelines read; everything else is kept as is. */
export interface ModelConfig {
  readonly model_type?: string;
  readonly architectures?: readonly string[];
  readonly id2label?: Readonly<Record<string, string>>;
  readonly pad_token_id?: number | null;
  readonly bos_token_id?: number | null;
  readonly eos_token_id?: number | readonly number[] | null;
  readonly max_position_embeddings?: number;
  readonly n_positions?: number;
  readonly [key: string]: unknown;
}

/** Reads and parses a JSON file of the model folder; bad JSON is a ModelInvalidError naming the file. */
export async function readJsonFile(source: ModelSource, file: string, signal?: AbortSignal): Promise<unknown> {
  const bytes = await source.read(file, signal);
  try {
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch (error) {
    throw new ModelInvalidError(file, `${file} is not valid JSON: download the model folder again.`, { cause: error });
  }
}

/** Reads `config.json`. */
export async function readModelConfig(source: ModelSource, signal?: AbortSignal): Promise<ModelConfig> {
  const config = await readJsonFile(source, "config.json", signal);
  if (typeof config !== "object" || config === null || Array.isArray(config)) {
    throw new ModelInvalidError("config.json", "config.json is not a JSON object: download the model folder again.");
  }
  return config as ModelConfig;
}
