/**
 * @hearth/runtime/web: the onnxruntime-web backend (webgpu, webnn, wasm with SIMD and, when cross-origin
 * isolated, threads), model folders from a base URL or from bytes, and Web Worker isolation.
 *
 * @packageDocumentation
 */
import type { ModelPoolOptions } from "./isolation/model-pool";
import { ModelWorker } from "./isolation/model-worker";
import type { WorkerLimits } from "./isolation/worker-host";
import { type PipelineByTask, type PipelineOptions, type PipelineTask, pipelineFrom } from "./pipelines/pipeline";
import { type CreateSessionOptions, openSession } from "./session/create-session";
import { memoryModelSource } from "./session/memory-model-source";
import type { RuntimeSession } from "./session/runtime-session";
import type { Capabilities } from "./spec/capabilities";
import type { InferenceBackend } from "./spec/inference-backend";
import type { ModelSource } from "./spec/model-source";
import { webBackend } from "./web/ort-web-backend";
import { urlModelSource } from "./web/url-model-source";
import { webWorkerSpawner } from "./web/web-worker-spawner";

export { detectWebGpu, type WebBackendOptions, webBackend } from "./web/ort-web-backend";
export { type UrlModelSourceOptions, urlModelSource } from "./web/url-model-source";
export { type WebWorkerSpawnOptions, webWorkerSpawner } from "./web/web-worker-spawner";

let defaultBackend: InferenceBackend | undefined;
const backend = (): InferenceBackend => {
  defaultBackend ??= webBackend();
  return defaultBackend;
};

/** A model folder: a base URL, a ModelSource, or the files themselves (path -> bytes or text). */
export type WebModelFolder = string | URL | ModelSource | Readonly<Record<string, Uint8Array | string>>;

const toSource = (folder: WebModelFolder): ModelSource => {
  if (typeof folder === "string" || folder instanceof URL) return urlModelSource(folder);
  if (typeof (folder as ModelSource).read === "function") return folder as ModelSource;
  return memoryModelSource(folder as Readonly<Record<string, Uint8Array | string>>);
};

/** Options of the web `createSession` and `pipeline`: a backend of your own, or options for the default one. */
export interface WebOptions {
  readonly backend?: InferenceBackend;
}

/** The backend for a call: the caller's, else the shared default (built once, as onnxruntime-web is global). */
function backendFor(options: WebOptions): InferenceBackend {
  return options.backend ?? backend();
}

/**
 * Opens `onnx/model*.onnx` of a model folder on the first execution provider that works (default order
 * webgpu -> webnn -> wasm); the session says which one ran (`provider`) and why others were passed over.
 */
export function createSession(
  folder: WebModelFolder,
  options: CreateSessionOptions & WebOptions = {},
): Promise<RuntimeSession> {
  return openSession(backendFor(options), toSource(folder), options);
}

/** Loads a model folder and wraps it in the pipeline for `task` ("embed", "classify", "tokens", "generate"). */
export function pipeline<T extends PipelineTask>(
  task: T,
  folder: WebModelFolder,
  options: PipelineOptions<T> & WebOptions = {} as PipelineOptions<T> & WebOptions,
): Promise<PipelineByTask[T]> {
  return pipelineFrom(backendFor(options), toSource(folder), task, options);
}

/** What this browser offers: WebGPU adapter, WebNN, cross-origin isolation (wasm threads), cores, memory. */
export function detectCapabilities(): Promise<Capabilities> {
  return backend().detect();
}

/** Options of a browser model worker. */
export interface WebModelWorkerOptions extends WorkerLimits, ModelPoolOptions {
  /** The worker module (default: web-worker.js beside this module; bundlers may need it passed explicitly). */
  readonly workerUrl?: string | URL;
}

/**
 * Starts (on first call) a Web Worker for heavy models, watched against `memoryLimitBytes` (its WebAssembly memory
 * and JS heap, as it reports them); over it, the worker is terminated, in-flight calls reject with
 * WorkerMemoryError, and the next call starts a fresh one. The page never runs the model itself.
 */
export function createModelWorker(options: WebModelWorkerOptions = {}): ModelWorker {
  const pool: ModelPoolOptions = {
    ...(options.memoryBudgetBytes !== undefined ? { memoryBudgetBytes: options.memoryBudgetBytes } : {}),
    ...(options.idleTimeoutMs !== undefined ? { idleTimeoutMs: options.idleTimeoutMs } : {}),
  };
  return new ModelWorker(
    webWorkerSpawner({ ...(options.workerUrl !== undefined ? { url: options.workerUrl } : {}), pool }),
    options,
  );
}
