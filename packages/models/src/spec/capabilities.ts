/**
 * Execution providers across platforms; the same names as @hearth/runtime's `ExecutionProvider`, so its
 * `detectCapabilities()` result can be passed in as is.
 */
export type ExecutionProvider = "cpu" | "cuda" | "dml" | "coreml" | "webgpu" | "wasm" | "webnn" | "xnnpack" | "nnapi";

/** Whether a provider can run here, and if not, why. */
export interface ProviderAvailability {
  readonly provider: ExecutionProvider;
  readonly available: boolean;
  readonly reason?: string;
}

/**
 * What the device offers, shaped like @hearth/runtime's `Capabilities` (this package sits below the runtime, so it
 * takes the object as input rather than detecting it). Only the fields used for variant selection are required.
 */
export interface DeviceCapabilities {
  readonly platform?: "node" | "web" | "react-native";
  readonly cores?: number;
  /** Total memory in bytes, when the platform says. */
  readonly memoryBytes?: number;
  /** Free memory in bytes, when the platform says. */
  readonly freeMemoryBytes?: number;
  /** Every provider the backend knows, best first, with availability. */
  readonly providers: readonly ProviderAvailability[];
}
