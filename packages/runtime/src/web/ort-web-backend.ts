import * as ort from "onnxruntime-web";
import type { Capabilities } from "../spec/capabilities";
import type { ExecutionProvider, ProviderAvailability } from "../spec/execution-provider";
import type { InferenceBackend, ModelSession, OpenSessionOptions } from "../spec/inference-backend";
import type { HostTensor, TensorMap } from "../spec/tensor";

// onnxruntime's session log severities, by env.logLevel name.
const SEVERITY = { verbose: 0, info: 1, warning: 2, error: 3, fatal: 4 } as const;

/** Options of the onnxruntime-web backend. */
export interface WebBackendOptions {
  /** Where onnxruntime-web's .wasm and .mjs files are served from, when the bundler does not place them. */
  readonly wasmPaths?: string;
  /** wasm threads; default: min(4, cores) when cross-origin isolated, else 1 (threads need SharedArrayBuffer). */
  readonly numThreads?: number;
  /** onnxruntime's own log level (default "error"). */
  readonly logLevel?: "verbose" | "info" | "warning" | "error" | "fatal";
}

interface GpuLike {
  requestAdapter(): Promise<{ info?: { vendor?: string; architecture?: string } } | null>;
}

/** WebGPU availability: `navigator.gpu` present and an adapter granted. */
export async function detectWebGpu(): Promise<Capabilities["webgpu"]> {
  const gpu = (globalThis.navigator as { gpu?: GpuLike } | undefined)?.gpu;
  if (!gpu) {
    return {
      available: false,
      reason: "navigator.gpu is missing: this browser or context (insecure origin, Node) has no WebGPU",
    };
  }
  try {
    const adapter = await gpu.requestAdapter();
    if (!adapter)
      return { available: false, reason: "navigator.gpu.requestAdapter() returned null: no WebGPU adapter" };
    const info = adapter.info;
    return { available: true, adapter: [info?.vendor, info?.architecture].filter(Boolean).join(" ") || "unknown" };
  } catch (error) {
    return { available: false, reason: `navigator.gpu.requestAdapter() failed: ${String(error)}` };
  }
}

function toOrt(t: HostTensor): ort.Tensor {
  return new ort.Tensor(t.type, t.data as ort.Tensor.DataType, t.dims as number[]);
}

/** Input shapes from onnxruntime's metadata (tensors only). */
function shapesOf(
  metadata: readonly ort.InferenceSession.ValueMetadata[],
): Record<string, readonly (number | string)[]> {
  const shapes: Record<string, readonly (number | string)[]> = {};
  for (const m of metadata) if (m.isTensor) shapes[m.name] = m.shape;
  return shapes;
}

let configured = false;

/**
 * The onnxruntime-web backend: webgpu when an adapter is granted, webnn where the browser has `navigator.ml`,
 * and wasm (SIMD; threads only when cross-origin isolated) everywhere, including Node.
 */
export function webBackend(options: WebBackendOptions = {}): InferenceBackend {
  let capabilities: Promise<Capabilities> | undefined;
  const probe = async (): Promise<Capabilities> => {
    const nav = globalThis.navigator as (Navigator & { deviceMemory?: number; ml?: unknown }) | undefined;
    const isolated = globalThis.crossOriginIsolated === true;
    const webgpu = await detectWebGpu();
    const providers: ProviderAvailability[] = [
      webgpu.available
        ? { provider: "webgpu", available: true }
        : { provider: "webgpu", available: false, reason: webgpu.reason ?? "no WebGPU" },
      nav?.ml
        ? { provider: "webnn", available: true }
        : { provider: "webnn", available: false, reason: "navigator.ml is missing: this browser has no WebNN" },
      { provider: "wasm", available: true },
    ];
    return {
      platform: "web",
      cores: nav?.hardwareConcurrency ?? 1,
      ...(nav?.deviceMemory ? { memoryBytes: nav.deviceMemory * 2 ** 30 } : {}),
      crossOriginIsolated: isolated,
      webgpu,
      providers,
    };
  };
  return {
    name: "web",
    providers: ["webgpu", "webnn", "wasm"],
    baseline: "wasm",
    detect() {
      capabilities ??= probe();
      return capabilities;
    },
    async open(model: Uint8Array, provider: ExecutionProvider, open: OpenSessionOptions = {}): Promise<ModelSession> {
      const caps = await this.detect();
      // onnxruntime-web reads its wasm settings once, when the first session initializes the runtime.
      if (!configured) {
        configured = true;
        if (options.wasmPaths) ort.env.wasm.wasmPaths = options.wasmPaths;
        ort.env.wasm.numThreads = options.numThreads ?? (caps.crossOriginIsolated ? Math.min(4, caps.cores) : 1);
        ort.env.wasm.proxy = false;
        // onnxruntime logs node placement warnings to the console; a library stays quiet unless asked.
        ort.env.logLevel = options.logLevel ?? "error";
      }
      const session = await ort.InferenceSession.create(model, {
        executionProviders: [provider],
        graphOptimizationLevel: open.graphOptimization ?? "all",
        logSeverityLevel: SEVERITY[options.logLevel ?? "error"],
      });
      return {
        provider,
        inputNames: session.inputNames,
        outputNames: session.outputNames,
        inputShapes: shapesOf(session.inputMetadata),
        async run(feeds: TensorMap, outputs?: readonly string[]): Promise<TensorMap> {
          const ortFeeds: Record<string, ort.Tensor> = {};
          for (const name in feeds) ortFeeds[name] = toOrt(feeds[name]!);
          const result = outputs ? await session.run(ortFeeds, outputs as string[]) : await session.run(ortFeeds);
          const out: TensorMap = {};
          for (const name in result) {
            const t = result[name]!;
            // webgpu outputs may live on the GPU; getData() brings them to the host either way.
            const data = t.location === "cpu" ? t.data : await t.getData(true);
            out[name] = { type: t.type as HostTensor["type"], data: data as HostTensor["data"], dims: t.dims };
          }
          return out;
        },
        release: () => session.release(),
      };
    },
  };
}
