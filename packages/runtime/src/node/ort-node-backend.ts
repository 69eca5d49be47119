import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { availableParallelism, freemem, totalmem } from "node:os";
import { dirname, join } from "node:path";
import type * as Ort from "onnxruntime-node";
import type { Capabilities } from "../spec/capabilities";
import type { ExecutionProvider, ProviderAvailability } from "../spec/execution-provider";
import type { InferenceBackend, ModelSession, OpenSessionOptions } from "../spec/inference-backend";
import type { HostTensor, TensorMap } from "../spec/tensor";

type OrtModule = typeof Ort;

// This module is built both as ESM and CJS: __filename exists only in the CJS build, import.meta only in ESM.
const localRequire = createRequire(typeof __filename === "string" ? __filename : import.meta.url);

/** Input shapes from onnxruntime's metadata (tensors only). */
function shapesOf(
  metadata: readonly Ort.InferenceSession.ValueMetadata[],
): Record<string, readonly (number | string)[]> {
  const shapes: Record<string, readonly (number | string)[]> = {};
  for (const m of metadata) if (m.isTensor) shapes[m.name] = m.shape;
  return shapes;
}

let ortModule: Promise<OrtModule> | undefined;
// Loaded on first use: importing @hearth/runtime/node must not load a native addon a caller may never need.
const loadOrt = (logLevel: NodeBackendOptions["logLevel"]): Promise<OrtModule> => {
  ortModule ??= import("onnxruntime-node").then((m) => {
    const ort = ((m as { default?: OrtModule }).default ?? m) as OrtModule;
    // onnxruntime prints warnings to stderr from native code (read once, at its first session): stay quiet by default.
    ort.env.logLevel = logLevel ?? "error";
    return ort;
  });
  return ortModule;
};

/** Where onnxruntime-node keeps its native libraries for this platform. */
function bindingFolder(): string | undefined {
  try {
    const main = localRequire.resolve("onnxruntime-node");
    return join(dirname(main), "..", "bin", "napi-v6", process.platform, process.arch);
  } catch {
    return undefined;
  }
}

/** Whether onnxruntime-node's CUDA provider library is installed, and if not, why. */
export function detectCuda(): ProviderAvailability {
  if (!(process.platform === "linux" || process.platform === "win32") || process.arch !== "x64") {
    return {
      provider: "cuda",
      available: false,
      reason: `onnxruntime-node has no CUDA build for ${process.platform}/${process.arch}`,
    };
  }
  const folder = bindingFolder();
  if (!folder) return { provider: "cuda", available: false, reason: "onnxruntime-node is not installed" };
  const library = process.platform === "win32" ? "onnxruntime_providers_cuda.dll" : "libonnxruntime_providers_cuda.so";
  const path = join(folder, library);
  if (!existsSync(path)) {
    return {
      provider: "cuda",
      available: false,
      reason: `the CUDA provider library ${path} is absent: onnxruntime-node's install script did not fetch it (allow its build, or install with ONNXRUNTIME_NODE_INSTALL=cuda12)`,
    };
  }
  return { provider: "cuda", available: true };
}

function detectProviders(): ProviderAvailability[] {
  const windows = process.platform === "win32";
  const mac = process.platform === "darwin";
  return [
    detectCuda(),
    windows
      ? { provider: "dml", available: true }
      : { provider: "dml", available: false, reason: "DirectML is Windows-only" },
    mac
      ? { provider: "coreml", available: true }
      : { provider: "coreml", available: false, reason: "Core ML is macOS-only" },
    { provider: "webgpu", available: true },
    { provider: "cpu", available: true },
  ];
}

// Tensors cross the boundary without copies (onnxruntime-node reads and returns plain typed arrays), and as plain
// objects, which structured clone can send to and from workers as they are.
function toOrt(ort: OrtModule, t: HostTensor): Ort.Tensor {
  return new ort.Tensor(t.type, t.data as Ort.Tensor.DataType, t.dims as number[]);
}

function fromOrt(t: Ort.Tensor): HostTensor {
  return { type: t.type as HostTensor["type"], data: t.data as HostTensor["data"], dims: t.dims };
}

// onnxruntime's session log severities, by env.logLevel name.
const SEVERITY = { verbose: 0, info: 1, warning: 2, error: 3, fatal: 4 } as const;

/** Options of the onnxruntime-node backend. */
export interface NodeBackendOptions {
  /** Try webgpu (Dawn) under `device: "auto"` too; off by default, as it is slower than cpu without a real GPU. */
  readonly autoWebgpu?: boolean;
  /** onnxruntime's own log level (default "error"); the first backend to open a session sets it for the process. */
  readonly logLevel?: "verbose" | "info" | "warning" | "error" | "fatal";
}

/**
 * The onnxruntime-node backend: cpu everywhere, cuda when its provider library is installed, dml on Windows,
 * coreml on macOS, webgpu (Dawn) where onnxruntime-node bundles it.
 */
export function nodeBackend(options: NodeBackendOptions = {}): InferenceBackend {
  let capabilities: Capabilities | undefined;
  const auto: ExecutionProvider[] = [
    "cuda",
    "dml",
    "coreml",
    ...(options.autoWebgpu ? (["webgpu"] as const) : []),
    "cpu",
  ];
  return {
    name: "node",
    providers: auto,
    baseline: "cpu",
    async detect() {
      capabilities ??= {
        platform: "node",
        cores: availableParallelism(),
        memoryBytes: totalmem(),
        freeMemoryBytes: freemem(),
        crossOriginIsolated: false,
        webgpu: {
          available: false,
          reason: "Node has no navigator.gpu; onnxruntime-node's webgpu provider uses Dawn directly",
        },
        providers: detectProviders(),
      };
      return capabilities;
    },
    async open(model: Uint8Array, provider: ExecutionProvider, open: OpenSessionOptions = {}): Promise<ModelSession> {
      const ort = await loadOrt(options.logLevel);
      const session = await ort.InferenceSession.create(model, {
        executionProviders: [provider],
        graphOptimizationLevel: open.graphOptimization ?? "all",
        logSeverityLevel: SEVERITY[options.logLevel ?? "error"],
        ...(open.threads ? { intraOpNumThreads: open.threads } : {}),
      });
      return {
        provider,
        inputNames: session.inputNames,
        outputNames: session.outputNames,
        inputShapes: shapesOf(session.inputMetadata),
        async run(feeds: TensorMap, outputs?: readonly string[]): Promise<TensorMap> {
          const ortFeeds: Record<string, Ort.Tensor> = {};
          for (const name in feeds) ortFeeds[name] = toOrt(ort, feeds[name]!);
          const result = outputs ? await session.run(ortFeeds, outputs as string[]) : await session.run(ortFeeds);
          const out: TensorMap = {};
          for (const name in result) out[name] = fromOrt(result[name]!);
          return out;
        },
        release: () => session.release(),
      };
    },
  };
}
