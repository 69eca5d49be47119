import type { ProviderAvailability } from "./execution-provider";

/** What a backend found about the device it runs on. */
export interface Capabilities {
  readonly platform: "node" | "web" | "react-native";
  /** Logical cores (navigator.hardwareConcurrency or os.availableParallelism). */
  readonly cores: number;
  /** Total memory in bytes when the platform says (Node: os.totalmem; Chromium: navigator.deviceMemory). */
  readonly memoryBytes?: number;
  /** Free memory in bytes when the platform says (Node only). */
  readonly freeMemoryBytes?: number;
  /** `globalThis.crossOriginIsolated`: wasm threads need it in browsers. */
  readonly crossOriginIsolated: boolean;
  /** WebGPU: whether an adapter was granted, and if not, why. */
  readonly webgpu: { readonly available: boolean; readonly reason?: string; readonly adapter?: string };
  /** Every provider this backend knows, in its preferred order, with availability. */
  readonly providers: readonly ProviderAvailability[];
}
