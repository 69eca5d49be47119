import {
  type ExecutionProvider,
  filesForVariants,
  IntegrityError,
  type ModelManifest,
  NoVariantError,
  nobleSha256,
  parseManifest,
  selectVariant,
} from "@hearth/models";
import { modelSpamScorer, ruleSpamScorer, type SpamScorer, type TextEmbedder } from "@hearth/pam";
import type { ModelWorker } from "@hearth/runtime";
import { cachedFetch, MODEL_CACHE } from "./model-cache";
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
const WEB_PROVIDERS: readonly ExecutionProvider[] = ["webgpu", "webnn", "wasm"];

async function download(
  folderUrl: string,
  manifest: ModelManifest,
  variant: string,
  report: (loaded: number, total: number) => void,
): Promise<void> {
  const cache = await caches.open(MODEL_CACHE);
  const files = filesForVariants(manifest, [variant]);
  const total = files.reduce((sum, f) => sum + f.size, 0);
  let loaded = 0;
  report(loaded, total);
  for (const file of files) {
    const url = new URL(file.path, folderUrl).href;
    // Cached entries were checked against the manifest before they were stored.
    if (await cache.match(url)) {
      loaded += file.size;
      report(loaded, total);
      continue;
    }
    const response = await fetch(url);
    if (!response.ok || !response.body) throw new Error(`${url} answered HTTP ${response.status}`);
    const hasher = nobleSha256();
    const chunks: Uint8Array[] = [];
    const reader = response.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      hasher.update(value);
      chunks.push(value);
      loaded += value.byteLength;
      report(loaded, total);
    }
    const digest = hasher.digestHex();
    if (digest !== file.sha256) {
      throw new IntegrityError(`${file.path} of ${manifest.id} does not match its manifest (sha256 ${digest}).`);
    }
    const body = new Blob(chunks as BlobPart[]);
    await cache.put(url, new Response(body, { headers: { "content-length": String(body.size) } }));
  }
}

/**
 * Pulls hearth/email-triage and hearth/glove-sif from the catalog `pam web` serves: picks the variant that fits
 * this browser (WebGPU when it has an adapter, else wasm), downloads it with progress into Cache Storage
 * (SHA-256-checked against the manifest), and opens it in a Web Worker through @hearth/runtime/web. A model that
 * does not fit or cannot be loaded falls back to rules, and `notes` says which.
 */
export async function loadBrowserModels(options: LoadBrowserModelsOptions): Promise<BrowserModels> {
  const runtime = await import("@hearth/runtime/web");
  const capabilities = await runtime.detectCapabilities();
  const webgpu = capabilities.providers.some((p) => p.provider === "webgpu" && p.available);
  const worker: ModelWorker = runtime.createModelWorker({ workerUrl: new URL(workerUrl, location.href) });
  const notes: string[] = [];

  const pull = async (id: string) => {
    const folderUrl = new URL(`${id}/`, new URL(options.modelsUrl, location.href)).href;
    const progress = (state: ModelProgress["state"], loaded: number, total: number, note: string) =>
      options.onProgress?.({ id, state, loaded, total, note });
    progress("checking", 0, 0, "reading the manifest");
    try {
      const response = await cachedFetch(new URL("hearth-manifest.json", folderUrl));
      if (!response.ok) throw new Error(`its manifest answered HTTP ${response.status}`);
      const manifest = parseManifest(await response.json(), `${id} manifest`);
      const selection = selectVariant(manifest, {
        capabilities,
        ...(options.memoryBudget !== undefined ? { memoryBudget: options.memoryBudget } : {}),
        // On wasm the int8 weights are the smaller download and run as fast; a GPU takes what it runs best.
        ...(webgpu ? {} : { prefer: ["int8"] }),
      });
      const variant = selection.variant.name;
      const device = selection.providers.filter((p) => WEB_PROVIDERS.includes(p));
      const note = `${variant} on ${device.join(" or ") || "wasm"}`;
      await download(folderUrl, manifest, variant, (loaded, total) => progress("downloading", loaded, total, note));
      const size = selection.variant.bytes;
      progress("ready", size, size, note);
      notes.push(`${id}: ${note}`);
      return { folderUrl, dtype: variant === "int8" ? ("int8" as const) : ("fp32" as const), device };
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

  const [triage, sif] = await Promise.all([pull(SPAM_ID), pull(EMBED_ID)]);
  const spam = triage
    ? modelSpamScorer(
        worker.session(triage.folderUrl, {
          dtype: triage.dtype,
          ...(triage.device.length > 0 ? { device: triage.device } : {}),
        }),
      )
    : ruleSpamScorer();
  let embedder: TextEmbedder | undefined;
  if (sif) {
    const embed = worker.pipeline("embed", sif.folderUrl, {
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
