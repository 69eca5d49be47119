/**
 * @hearth/runtime/react-native: a thin backend over onnxruntime-react-native (cpu, xnnpack, nnapi on Android,
 * coreml on iOS). Model folders come as bytes or through a ModelSource of your own (e.g. over expo-file-system).
 *
 * @packageDocumentation
 */
import { type PipelineByTask, type PipelineOptions, type PipelineTask, pipelineFrom } from "./pipelines/pipeline";
import { reactNativeBackend } from "./react-native/ort-react-native-backend";
import { type CreateSessionOptions, openSession } from "./session/create-session";
import { memoryModelSource } from "./session/memory-model-source";
import type { RuntimeSession } from "./session/runtime-session";
import type { InferenceBackend } from "./spec/inference-backend";
import type { ModelSource } from "./spec/model-source";

export { type ReactNativeBackendOptions, reactNativeBackend } from "./react-native/ort-react-native-backend";

let defaultBackend: InferenceBackend | undefined;
const backend = (): InferenceBackend => {
  defaultBackend ??= reactNativeBackend();
  return defaultBackend;
};

/** A model folder: a ModelSource, or the files themselves (path -> bytes or text). */
export type NativeModelFolder = ModelSource | Readonly<Record<string, Uint8Array | string>>;

const toSource = (folder: NativeModelFolder): ModelSource =>
  typeof (folder as ModelSource).read === "function"
    ? (folder as ModelSource)
    : memoryModelSource(folder as Readonly<Record<string, Uint8Array | string>>);

/** Opens the model on the first provider that works (default order coreml/nnapi -> xnnpack -> cpu). */
export function createSession(
  folder: NativeModelFolder,
  options: CreateSessionOptions & { backend?: InferenceBackend } = {},
): Promise<RuntimeSession> {
  return openSession(options.backend ?? backend(), toSource(folder), options);
}

/** Loads a model folder and wraps it in the pipeline for `task`. */
export function pipeline<T extends PipelineTask>(
  task: T,
  folder: NativeModelFolder,
  options: PipelineOptions<T> & { backend?: InferenceBackend } = {} as PipelineOptions<T> & {
    backend?: InferenceBackend;
  },
): Promise<PipelineByTask[T]> {
  return pipelineFrom(options.backend ?? backend(), toSource(folder), task, options);
}
