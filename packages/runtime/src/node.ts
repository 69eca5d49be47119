/**
 * @hearth/runtime/node: the onnxruntime-node backend (cpu; cuda, dml, coreml, webgpu where the platform and
 * installed libraries allow), model folders on the file system, and process isolation for heavy models.
 *
 * @packageDocumentation
 */
import type { ModelPoolOptions } from "./isolation/model-pool";
import { ModelWorker } from "./isolation/model-worker";
import type { WorkerLimits } from "./isolation/worker-host";
import { fileModelSource } from "./node/file-model-source";
import { processSpawner, threadSpawner } from "./node/node-worker-spawner";
import { nodeBackend } from "./node/ort-node-backend";
import { type PipelineByTask, type PipelineOptions, type PipelineTask, pipelineFrom } from "./pipelines/pipeline";
import { type CreateSessionOptions, openSession } from "./session/create-session";
import type { RuntimeSession } from "./session/runtime-session";
import type { Capabilities } from "./spec/capabilities";
import type { InferenceBackend } from "./spec/inference-backend";
import type { ModelSource } from "./spec/model-source";

export { fileModelSource } from "./node/file-model-source";
export { defaultWorkerScript, processSpawner, residentBytes, threadSpawner } from "./node/node-worker-spawner";
export { detectCuda, type NodeBackendOptions, nodeBackend } from "./node/ort-node-backend";

let defaultBackend: InferenceBackend | undefined;
const backend = (): InferenceBackend => {
  defaultBackend ??= nodeBackend();
  return defaultBackend;
};

const toSource = (folder: string | URL | ModelSource): ModelSource =>
  typeof folder === "string" || folder instanceof URL ? fileModelSource(folder) : folder;

/** Options of the Node `createSession` and `pipeline`: which backend to use (default: onnxruntime-node). */
export interface NodeOptions {
  readonly backend?: InferenceBackend;
}

/**
 * Opens `onnx/model*.onnx` of a model folder on the first execution provider that works; the session says which
 * one ran (`provider`) and why the others were passed over (`attempts`).
 */
export function createSession(
  folder: string | URL | ModelSource,
  options: CreateSessionOptions & NodeOptions = {},
): Promise<RuntimeSession> {
  return openSession(options.backend ?? backend(), toSource(folder), options);
}

/** Loads a model folder and wraps it in the pipeline for `task` ("embed", "classify", "tokens", "generate"). */
export function pipeline<T extends PipelineTask>(
  task: T,
  folder: string | URL | ModelSource,
  options: PipelineOptions<T> & NodeOptions = {} as PipelineOptions<T> & NodeOptions,
): Promise<PipelineByTask[T]> {
  return pipelineFrom(options.backend ?? backend(), toSource(folder), task, options);
}

/** What this machine offers onnxruntime-node: cores, memory, and each provider's availability with reasons. */
export function detectCapabilities(): Promise<Capabilities> {
  return backend().detect();
}

/** Options of a Node model worker. */
export interface NodeModelWorkerOptions extends WorkerLimits, ModelPoolOptions {
  /** `process` (default: child_process.fork, own memory, RSS watchdog) or `thread` (worker_threads, V8 heap cap). */
  readonly isolation?: "process" | "thread";
  /** The worker entry (default: dist/node-worker.js beside this module). */
  readonly workerScript?: string | URL;
}

/**
 * Starts (on first call) an isolated worker for heavy models: a child process by default, watched against
 * `memoryLimitBytes` (resident memory, from /proc on Linux); over it, the worker is killed, in-flight calls reject
 * with WorkerMemoryError, and the next call starts a fresh one. Inside, models live in an LRU pool under
 * `memoryBudgetBytes` and unload after `idleTimeoutMs`.
 */
export function createModelWorker(options: NodeModelWorkerOptions = {}): ModelWorker {
  const pool: ModelPoolOptions = {
    ...(options.memoryBudgetBytes !== undefined ? { memoryBudgetBytes: options.memoryBudgetBytes } : {}),
    ...(options.idleTimeoutMs !== undefined ? { idleTimeoutMs: options.idleTimeoutMs } : {}),
  };
  const spawnOptions = {
    ...(options.workerScript !== undefined ? { script: options.workerScript } : {}),
    pool,
    ...(options.memoryLimitBytes !== undefined ? { heapLimitMb: Math.ceil(options.memoryLimitBytes / 2 ** 20) } : {}),
  };
  const spawn = options.isolation === "thread" ? threadSpawner(spawnOptions) : processSpawner(spawnOptions);
  return new ModelWorker(spawn, options);
}
