import type { DownloadProgress } from "@hearth/models";
import { NoVariantError } from "@hearth/models";
import { catalogSource, createNodeModelStore } from "@hearth/models/node";
import { createSession, pipeline } from "@hearth/runtime/node";
import { EMAIL_TRIAGE_ID, GLOVE_SIF_ID } from "@hearth/zoo";
import { catalogPath } from "@hearth/zoo/node";
import { modelSpamScorer } from "../triage/model-spam-scorer";
import { ruleSpamScorer } from "../triage/rule-spam-scorer";
import type { SpamScorer } from "../triage/spam-scorer";
import type { TextEmbedder } from "../triage/text-embedder";

/** Options of {@link loadModels}. */
export interface LoadModelsOptions {
  /** The model cache folder (the demo uses a temporary one). */
  readonly cacheRoot: string;
  /** The catalog to pull from (default: the zoo's local catalog, `catalogPath()`). */
  readonly catalog?: string;
  /** Bytes the models may use; a model whose smallest variant needs more falls back to rules. */
  readonly memoryBudget?: number;
  readonly signal?: AbortSignal;
  /** Download progress per model. */
  readonly onProgress?: (id: string, progress: DownloadProgress) => void;
}

/** What ran and what fell back. */
export interface LoadedModels {
  readonly spam: SpamScorer;
  readonly embedder?: TextEmbedder;
  /** One line per model: the variant and provider, or the fallback and why. */
  readonly notes: readonly string[];
  /** Releases the sessions. */
  dispose(): Promise<void>;
}

const GIB = 2 ** 30;

/**
 * Pulls hearth/email-triage and hearth/glove-sif through @hearth/models (verified, cached, the variant that fits
 * the memory budget) and opens them with @hearth/runtime. A model that does not fit, or whose catalog is missing,
 * is replaced by the rules, and `notes` says which.
 */
export async function loadModels(options: LoadModelsOptions): Promise<LoadedModels> {
  const store = createNodeModelStore({
    root: options.cacheRoot,
    sources: [catalogSource(options.catalog ?? catalogPath())],
    offline: true,
  });
  const capabilities = { memoryBytes: 8 * GIB, providers: [{ provider: "cpu" as const, available: true }] };
  const notes: string[] = [];
  const releases: (() => Promise<void>)[] = [];
  const pull = async (id: string) => {
    try {
      const { model, selection } = await store.pull(id, {
        capabilities,
        ...(options.memoryBudget !== undefined ? { memoryBudget: options.memoryBudget } : {}),
        ...(options.signal ? { signal: options.signal } : {}),
        onProgress: (p) => options.onProgress?.(id, p),
      });
      return { path: model.path!, variant: selection?.variant.name ?? model.variants[0] ?? "fp32" };
    } catch (error) {
      const why =
        error instanceof NoVariantError
          ? "it does not fit the memory budget"
          : `it could not be loaded (${error instanceof Error ? error.message.split("\n")[0] : String(error)})`;
      notes.push(`${id}: falling back to rules because ${why}`);
      return undefined;
    }
  };

  let spam: SpamScorer = ruleSpamScorer();
  const triage = await pull(EMAIL_TRIAGE_ID);
  if (triage) {
    const dtype = triage.variant === "int8" ? "int8" : "fp32";
    const session = await createSession(triage.path, { dtype });
    releases.push(() => session.release());
    spam = modelSpamScorer(session);
    notes.push(`${EMAIL_TRIAGE_ID}: ${triage.variant} on ${session.provider}`);
  }

  let embedder: TextEmbedder | undefined;
  const sif = await pull(GLOVE_SIF_ID);
  if (sif) {
    const dtype = sif.variant === "int8" ? "int8" : "fp32";
    const embed = await pipeline("embed", sif.path, { dtype });
    releases.push(() => embed.dispose());
    embedder = { embed: (texts, signal) => embed.run(texts, signal ? { signal } : {}) };
    notes.push(`${GLOVE_SIF_ID}: ${sif.variant} on ${embed.model.session.provider}`);
  } else {
    notes.push("categories and search: rules and keywords only (no embedding model)");
  }
  return {
    spam,
    ...(embedder ? { embedder } : {}),
    notes,
    async dispose() {
      await Promise.all(releases.map((r) => r()));
    },
  };
}
