/**
 * @hearth/runtime: ONNX inference behind one interface on Node, the web and React Native. This entry is
 * platform-neutral (pipelines, specs, errors); the backends live in `@hearth/runtime/node`, `/web` and
 * `/react-native`, each with its own `pipeline()` and `createSession()`.
 *
 * @packageDocumentation
 */

export { type BatchingOptions, DynamicBatcher } from "./batching/dynamic-batcher";
export {
  type GrammarState,
  initialState,
  isComplete,
  minCompletionLength,
  step as stepGrammar,
} from "./constrained/json-grammar";
export { compileSchema, type JsonSchema, type JsonSchemaType, type SchemaNode } from "./constrained/json-schema";
export { JsonSchemaConstraint, jsonSchemaConstraint } from "./constrained/json-schema-constraint";
export type { TokenConstraint } from "./constrained/token-constraint";
export { AbortedError } from "./errors/aborted-error";
export { DisposedError } from "./errors/disposed-error";
export { InferenceError } from "./errors/inference-error";
export { InvalidArgumentError } from "./errors/invalid-argument-error";
export { ModelFileMissingError } from "./errors/model-file-missing-error";
export { ModelInvalidError } from "./errors/model-invalid-error";
export { NoProviderError } from "./errors/no-provider-error";
export { RuntimeError, type RuntimeErrorCode } from "./errors/runtime-error";
export { SchemaError } from "./errors/schema-error";
export { WorkerCrashedError } from "./errors/worker-crashed-error";
export { WorkerMemoryError } from "./errors/worker-memory-error";
export { checkSamplingOptions, type SamplingOptions, sampleToken } from "./generation/sample-token";
export { SeededRandom } from "./generation/seeded-random";
export { StopSequenceFilter } from "./generation/stop-sequences";
export { type IsolatedCallOptions, type IsolatedIO, IsolatedModel } from "./isolation/isolated-model";
export { ModelPool, type ModelPoolOptions, type Poolable } from "./isolation/model-pool";
export { type IsolatedLoadOptions, ModelWorker } from "./isolation/model-worker";
export { createWorkerCore, type WorkerLoaders } from "./isolation/worker-core";
export {
  type WorkerExit,
  type WorkerHandle,
  WorkerHost,
  type WorkerLimits,
  type WorkerSpawner,
} from "./isolation/worker-host";
export {
  fromWireError,
  type HostMessage,
  type IsolatedTask,
  type ModelSpec,
  toWireError,
  type WireError,
  type WorkerMessage,
} from "./isolation/worker-protocol";
export {
  type Classification,
  type ClassifyOptions,
  ClassifyPipeline,
  type LabelScore,
} from "./pipelines/classify-pipeline";
export { type EmbedOptions, EmbedPipeline } from "./pipelines/embed-pipeline";
export { type EncodedBatch, encodeBatch } from "./pipelines/encode-batch";
export {
  type FinishReason,
  type GeneratedToken,
  type GenerateOptions,
  GeneratePipeline,
  type GenerationResult,
} from "./pipelines/generate-pipeline";
export {
  createPipeline,
  PIPELINE_TASKS,
  type PipelineByTask,
  type PipelineOptions,
  type PipelineTask,
  pipelineFrom,
  type TaskOptionsByTask,
} from "./pipelines/pipeline";
export { halfToFloat } from "./pipelines/tensor-math";
export { type EntitySpan, type TaggedToken, type TokensOptions, TokensPipeline } from "./pipelines/tokens-pipeline";
export { checkOnnxBytes } from "./session/check-onnx-bytes";
export { type CreateSessionOptions, openSession } from "./session/create-session";
export { type LoadedModel, loadModel } from "./session/load-model";
export { memoryModelSource } from "./session/memory-model-source";
export { type ModelConfig, readModelConfig } from "./session/model-config";
export { MODEL_DTYPES, type ModelDtype, modelFilePath } from "./session/model-dtype";
export { resolveProviders } from "./session/resolve-providers";
export type { RuntimeSession } from "./session/runtime-session";
export type { Capabilities } from "./spec/capabilities";
export type {
  DeviceOption,
  ExecutionProvider,
  ProviderAttempt,
  ProviderAvailability,
} from "./spec/execution-provider";
export type { InferenceBackend, ModelSession, OpenSessionOptions } from "./spec/inference-backend";
export type { ModelSource } from "./spec/model-source";
export type { Progress } from "./spec/progress";
export type { HostTensor, TensorData, TensorElementType, TensorMap } from "./spec/tensor";
export { type TextEncoding, TextTokenizer } from "./tokenization/text-tokenizer";
export { type TokenSpan, tokenOffsets } from "./tokenization/token-offsets";
