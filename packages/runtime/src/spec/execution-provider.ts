/** Execution providers across the three platforms; each backend supports a subset. */
export type ExecutionProvider = "cpu" | "cuda" | "dml" | "coreml" | "webgpu" | "wasm" | "webnn" | "xnnpack" | "nnapi";

/** Which providers to try: `"auto"` (the backend's best-first order), one provider, or an explicit order. */
export type DeviceOption = "auto" | ExecutionProvider | readonly ExecutionProvider[];

/** One provider that was tried and did not open the model, and why. */
export interface ProviderAttempt {
  readonly provider: ExecutionProvider;
  readonly error: string;
}

/** Whether a provider can run here, and if not, why (for logs and for `createSession`'s attempts). */
export interface ProviderAvailability {
  readonly provider: ExecutionProvider;
  readonly available: boolean;
  readonly reason?: string;
}
