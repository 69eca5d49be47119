import * as ort from "onnxruntime-react-native";
import type { Capabilities } from "../spec/capabilities";
import type { ExecutionProvider, ProviderAvailability } from "../spec/execution-provider";
import type { InferenceBackend, ModelSession, OpenSessionOptions } from "../spec/inference-backend";
import type { HostTensor, TensorMap } from "../spec/tensor";

/** Options of the onnxruntime-react-native backend. */
export interface ReactNativeBackendOptions {
  /** Provider order for `device: "auto"` (default: coreml, nnapi, xnnpack, cpu; absent ones are skipped). */
  readonly auto?: readonly ExecutionProvider[];
}

const NATIVE: readonly ExecutionProvider[] = ["coreml", "nnapi", "xnnpack", "cpu"];

/** Providers the native onnxruntime build reports, with the others marked unavailable and why. */
function detectProviders(): ProviderAvailability[] {
  let names: string[] = [];
  try {
    names = ort.listSupportedBackends().map((b) => b.name.toLowerCase());
  } catch {
    // Older native modules do not list their backends; cpu is always compiled in.
    names = ["cpu"];
  }
  return NATIVE.map((provider) =>
    provider === "cpu" || names.includes(provider)
      ? { provider, available: true }
      : { provider, available: false, reason: `this onnxruntime-react-native build lists no ${provider} backend` },
  );
}

function toOrt(t: HostTensor): ort.Tensor {
  return new ort.Tensor(t.type, t.data as ort.Tensor.DataType, [...t.dims]);
}

/**
 * The onnxruntime-react-native backend: coreml (iOS), nnapi (Android), xnnpack and cpu, as the native build
 * reports them. Model bytes are handed to the native session directly.
 */
export function reactNativeBackend(options: ReactNativeBackendOptions = {}): InferenceBackend {
  let capabilities: Capabilities | undefined;
  return {
    name: "react-native",
    providers: options.auto ?? NATIVE,
    baseline: "cpu",
    async detect() {
      const nav = globalThis.navigator as { hardwareConcurrency?: number } | undefined;
      capabilities ??= {
        platform: "react-native",
        cores: nav?.hardwareConcurrency ?? 1,
        crossOriginIsolated: false,
        webgpu: { available: false, reason: "React Native has no WebGPU" },
        providers: detectProviders(),
      };
      return capabilities;
    },
    async open(model: Uint8Array, provider: ExecutionProvider, open: OpenSessionOptions = {}): Promise<ModelSession> {
      const session = await ort.InferenceSession.create(model, {
        executionProviders: [provider],
        graphOptimizationLevel: open.graphOptimization ?? "all",
        ...(open.threads ? { intraOpNumThreads: open.threads } : {}),
      });
      return {
        provider,
        inputNames: session.inputNames,
        outputNames: session.outputNames,
        async run(feeds: TensorMap, outputs?: readonly string[]): Promise<TensorMap> {
          const ortFeeds: Record<string, ort.Tensor> = {};
          for (const [name, t] of Object.entries(feeds)) ortFeeds[name] = toOrt(t);
          const result = outputs ? await session.run(ortFeeds, [...outputs]) : await session.run(ortFeeds);
          const out: TensorMap = {};
          for (const [name, t] of Object.entries(result)) {
            out[name] = { type: t.type as HostTensor["type"], data: t.data as HostTensor["data"], dims: [...t.dims] };
          }
          return out;
        },
        release: () => session.release(),
      };
    },
  };
}
