import { type DeviceCapabilities, type ExecutionProvider, httpSource, NoVariantError } from "@hearth/models";
import { createWebModelStore } from "@hearth/models/web";
import { modelSpamScorer, ruleSpamScorer, type SpamScorer, type TextEmbedder } from "@hearth/pam";
import type { ModelWorker } from "@hearth/runtime";
import { cachedFolder, MODEL_CACHE } from "./model-cache";
import workerUrl from "./model-worker?worker&url";

/** One model's download, as the models screen shows it. */
export interface ModelProgress {
  readonly id: string;
  readonly state: "checking" | "downloading" | "ready" | "rules";
  readonly loaded: number;
  readonly total: number;
  /** The variant and providers once chosen, or why the model fell back to rules. */
  readonly note: string;
}

/** The models the browser triages and searches with, run in a Web Worker. */
export interface BrowserModels {
  readonly spam: SpamScorer;
  readonly embedder?: TextEmbedder;
  readonly notes: readonly string[];
  dispose(): void;
}

/** Options of {@link loadBrowserModels}. */
export interface LoadBrowserModelsOptions {
  /** Where `pam web` serves the catalog's model folders (`/models/`, relative to the page). */
  readonly modelsUrl: string;
  /** Bytes the models may use; a model that does not fit falls back to rules. Default: the browser's hint. */
  readonly memoryBudget?: number;
  readonly onProgress?: (progress: ModelProgress) => void;
}

const SPAM_ID = "hearth/email-triage";
const EMBED_ID = "hearth/glove-sif";
const WEB_PROVIDERS = ["webgpu", "webnn", "wasm"];

/**
 * Pulls hearth/email-triage and hearth/glove-sif from the catalog `pam web` serves through @hearth/models/web: the
 * variant that fits this browser (WebGPU when it has an adapter, else int8 on wasm), downloaded with progress into
 * Cache Storage, SHA-256-checked and kept for the next visit; then opens them in a Web Worker through
 * @hearth/runtime/web. A model that does not fit or cannot be loaded falls back to rules, and `notes` says which.
 */
export async function loadBrowserModels(options: LoadBrowserModelsOptions): Promise<BrowserModels> {
  const runtime = await import("@hearth/runtime/web");
  const capabilities: DeviceCapabilities = await runtime.detectCapabilities();
  const webgpu = capabilities.providers.some((p) => p.provider === "webgpu" && p.available);
  const base = new URL(options.modelsUrl, location.href).href.replace(/\/$/, "");
  const store = createWebModelStore({ storage: "cache-api", name: MODEL_CACHE, sources: [httpSource(base)] });
  const worker: ModelWorker = runtime.createModelWorker({ workerUrl: new URL(workerUrl, location.href) });
  const notes: string[] = [];

  const pull = async (id: string) => {
    const progress = (state: ModelProgress["state"], loaded: number, total: number, note: string) =>
      options.onProgress?.({ id, state, loaded, total, note });
    progress("checking", 0, 0, "reading the manifest");
    try {
      let note = "";
      const { model, selection } = await store.pull(id, {
        capabilities,
        ...(options.memoryBudget !== undefined ? { memoryBudget: options.memoryBudget } : {}),
        // On wasm, int8 for its size: about a quarter of fp32's download and memory, at about 1.5x its latency for the
        // email triage model (it has no MatMul for int8 to speed up). A GPU takes what it runs best.
        ...(webgpu ? {} : { prefer: ["int8"] }),
        onProgress: (p) => progress("downloading", p.loaded, p.total, note || p.phase),
      });
      const variant = selection?.variant.name ?? model.variants[0] ?? "fp32";
      const device = (selection?.providers ?? []).filter((p) => WEB_PROVIDERS.includes(p));
      note = `${variant} on ${device.join(" or ") || "wasm"}`;
      progress("ready", model.bytes, model.bytes, note);
      notes.push(`${id}: ${note}`);
      return {
        folder: cachedFolder(model.id, model.revision),
        dtype: variant === "int8" ? ("int8" as const) : ("fp32" as const),
        device,
      };
    } catch (error) {
      const why =
        error instanceof NoVariantError
          ? "it does not fit the memory budget"
          : `it could not be loaded (${error instanceof Error ? error.message.split("\n")[0] : String(error)})`;
      progress("rules", 0, 0, `falling back to rules because ${why}`);
      notes.push(`${id}: falling back to rules because ${why}`);
      return undefined;
    }
  };

  try {
    return await open(worker, notes, await Promise.all([pull(SPAM_ID), pull(EMBED_ID)]));
  } catch (error) {
    worker.dispose();
    throw error;
  }
}

type Pulled = { folder: string; dtype: "int8" | "fp32"; device: ExecutionProvider[] } | undefined;

// Opens what was pulled in the worker; what was not falls back to rules.
function open(worker: ModelWorker, notes: string[], [triage, sif]: Pulled[]): BrowserModels {
  const spam = triage
    ? modelSpamScorer(
        worker.session(triage.folder, {
          dtype: triage.dtype,
          ...(triage.device.length > 0 ? { device: triage.device } : {}),
        }),
      )
    : ruleSpamScorer();
  let embedder: TextEmbedder | undefined;
  if (sif) {
    const embed = worker.pipeline("embed", sif.folder, {
      dtype: sif.dtype,
      ...(sif.device.length > 0 ? { device: sif.device } : {}),
    });
    embedder = {
      embed: async (texts, signal) => (await embed.run([...texts], signal ? { signal } : {})) as Float32Array[],
    };
  } else {
    notes.push("categories and search: rules and keywords only (no embedding model)");
  }
  return { spam, ...(embedder ? { embedder } : {}), notes, dispose: () => worker.dispose() };
}
