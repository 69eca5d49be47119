import type { Capabilities } from "./capabilities";
import type { ExecutionProvider } from "./execution-provider";
import type { TensorMap } from "./tensor";

/** A model opened on one execution provider. Implementations wrap an onnxruntime InferenceSession. */
export interface ModelSession {
  readonly provider: ExecutionProvider;
  readonly inputNames: readonly string[];
  readonly outputNames: readonly string[];
  /** Declared input shapes (symbolic dimensions as names), where the backend reports them. */
  readonly inputShapes?: Readonly<Record<string, readonly (number | string)[]>>;
  /** Runs the model; `outputs` limits which outputs are fetched. */
  run(feeds: TensorMap, outputs?: readonly string[]): Promise<TensorMap>;
  release(): Promise<void>;
}

/** Options a backend passes to onnxruntime when it opens a session. */
export interface OpenSessionOptions {
  /** Intra-op threads; the backend picks a default from the device when absent. */
  readonly threads?: number;
  /** onnxruntime's graph optimization level. */
  readonly graphOptimization?: "disabled" | "basic" | "extended" | "all";
}

/**
 * One onnxruntime build behind one interface: onnxruntime-node, onnxruntime-web or onnxruntime-react-native.
 * Platform-neutral code (sessions, pipelines) only ever talks to this.
 */
export interface InferenceBackend {
  readonly name: "node" | "web" | "react-native";
  /** Every provider this backend can try, best first: the order `device: "auto"` uses. */
  readonly providers: readonly ExecutionProvider[];
  /** The provider that always works here (cpu or wasm): a failure on it means the model itself is bad. */
  readonly baseline: ExecutionProvider;
  /** Probes the device: cores, memory, WebGPU adapter, provider libraries. Cached after the first call. */
  detect(): Promise<Capabilities>;
  /** Opens the model bytes on one provider; throws when the provider cannot be used or rejects the model. */
  open(model: Uint8Array, provider: ExecutionProvider, options?: OpenSessionOptions): Promise<ModelSession>;
}
