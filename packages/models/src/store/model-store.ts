import { InvalidArgumentError } from "../errors/invalid-argument-error";
import { ModelsError } from "../errors/models-error";
import { NotFoundError } from "../errors/not-found-error";
import { OfflineError } from "../errors/offline-error";
import { filesForVariants, parseManifest } from "../manifest/parse-manifest";
import { type SelectOptions, selectVariant, type VariantSelection } from "../selection/select-variant";
import type { ModelManifest, VariantName } from "../spec/manifest";
import type { CachedModel, DownloadOptions, ModelCache, VerifyReport } from "../spec/model-cache";
import type { ModelSource } from "../spec/model-source";

/** Options of {@link createModelStore}. */
export interface ModelStoreOptions extends DownloadOptions, SelectOptions {
  readonly cache: ModelCache;
  /** Tried in order for manifests; the source that gave the manifest gives the files. */
  readonly sources?: readonly ModelSource[];
  /** Never ask a remote source anything: only the cache and local sources (no socket is opened). */
  readonly offline?: boolean;
}

/** Options of one pull. */
export interface PullOptions extends DownloadOptions, SelectOptions {
  readonly revision?: string;
  /** A variant to install regardless of selection, or `all`. */
  readonly variant?: VariantName | "all";
  /** Pin the model on install. */
  readonly pin?: boolean;
  /** Overrides the store's offline setting for this call. */
  readonly offline?: boolean;
}

/** What a pull did. */
export interface PullResult {
  readonly model: CachedModel;
  /** The variant chosen and why the others were passed over (absent when `variant: "all"`). */
  readonly selection?: VariantSelection;
  /** True when everything was already cached and nothing was fetched. */
  readonly cached: boolean;
}

/** Resolves ids to manifests, picks the variant for the device and keeps the cache filled. */
export interface ModelStore {
  readonly cache: ModelCache;
  /** The manifest of `id`: from the first source that has it (offline: from the cache). */
  resolve(
    id: string,
    options?: { revision?: string; signal?: AbortSignal; offline?: boolean },
  ): Promise<{ manifest: ModelManifest; source?: ModelSource }>;
  /** Makes sure the best variant for this device (or the one asked for) is cached and verified; returns it. */
  pull(idOrManifest: string | ModelManifest, options?: PullOptions): Promise<PullResult>;
  verify(id: string, options?: { revision?: string; repair?: boolean } & DownloadOptions): Promise<VerifyReport>;
}

/**
 * A model store: sources + cache + variant selection. In offline mode it opens no socket: a cached model is returned
 * as is, a missing one raises {@link OfflineError} naming it.
 */
export function createModelStore(options: ModelStoreOptions): ModelStore {
  const { cache } = options;
  const sources = options.sources ?? [];

  async function resolve(id: string, o: { revision?: string; signal?: AbortSignal; offline?: boolean } = {}) {
    const offline = o.offline ?? options.offline ?? false;
    const usable = offline ? sources.filter((s) => !s.remote) : sources;
    const failures: string[] = [];
    for (const source of usable) {
      try {
        const request = {
          ...(o.revision !== undefined ? { revision: o.revision } : {}),
          ...(o.signal ? { signal: o.signal } : {}),
        };
        return { manifest: await source.manifest(id, request), source };
      } catch (e) {
        if (!(e instanceof NotFoundError)) throw e;
        failures.push(`${source.name}: ${e.message}`);
      }
    }
    const cached = await cache.get(id, o.revision, { touch: false });
    if (cached) return { manifest: cached.manifest };
    const at = o.revision ? `${id}@${o.revision}` : id;
    if (offline) {
      throw new OfflineError(
        `${at} is not in the cache and offline mode forbids downloading it. Pull it once while online, or turn offline mode off.`,
      );
    }
    throw new NotFoundError(
      `No source has ${at}${failures.length ? ` (${failures.join("; ")})` : " (no source is configured)"}.`,
    );
  }

  async function pull(idOrManifest: string | ModelManifest, o: PullOptions = {}): Promise<PullResult> {
    const offline = o.offline ?? options.offline ?? false;
    const id = typeof idOrManifest === "string" ? idOrManifest : idOrManifest.id;
    const select: SelectOptions = {
      ...pick(options, o, "capabilities"),
      ...pick(options, o, "memoryBudget"),
      ...pick(options, o, "prefer"),
      ...pick(options, o, "only"),
    };
    // A cached model that already holds the right variant is served without asking any source: offline works, and an
    // online pull of a pinned revision costs no request.
    const revision = typeof idOrManifest === "string" ? o.revision : idOrManifest.revision;
    const known = await cache.get(id, revision, { touch: false });
    const manifest0 = typeof idOrManifest === "string" ? known?.manifest : parseManifest(idOrManifest);
    if (known && manifest0 && (revision !== undefined || offline)) {
      const hit = satisfied(known, manifest0, o.variant, select);
      if (hit) {
        const model = (await cache.get(id, known.revision)) ?? known;
        return { model, ...(hit.selection ? { selection: hit.selection } : {}), cached: true };
      }
    }
    if (offline && typeof idOrManifest === "string" && !sources.some((s) => !s.remote)) {
      const at = revision ? `${id}@${revision}` : id;
      throw new OfflineError(
        known
          ? `${at} is cached without the variant this device needs, and offline mode forbids downloading it. Pull it while online.`
          : `${at} is not in the cache and offline mode forbids downloading it. Pull it once while online, or turn offline mode off.`,
      );
    }
    let manifest: ModelManifest;
    let source: ModelSource | undefined;
    if (typeof idOrManifest === "string") {
      ({ manifest, source } = await resolve(id, { ...pick({}, o, "revision"), ...pick({}, o, "signal"), offline }));
    } else {
      manifest = parseManifest(idOrManifest);
      source = (offline ? sources.filter((s) => !s.remote) : sources)[0];
    }
    const existing = await cache.get(manifest.id, manifest.revision, { touch: false });
    if (existing) {
      const hit = satisfied(existing, manifest, o.variant, select);
      if (hit) {
        if (o.pin) await cache.pin(manifest.id, true, manifest.revision);
        const model = (await cache.get(manifest.id, manifest.revision)) ?? existing;
        return { model, ...(hit.selection ? { selection: hit.selection } : {}), cached: true };
      }
    }
    const selection = o.variant === undefined ? selectVariant(manifest, select) : undefined;
    const variants: VariantName[] =
      o.variant === "all"
        ? manifest.variants.map((v) => v.name)
        : [o.variant ?? (selection as VariantSelection).variant.name];
    for (const v of variants) {
      if (!manifest.variants.some((x) => x.name === v)) {
        throw new InvalidArgumentError(
          `${manifest.id}@${manifest.revision} has no ${v} variant (it has ${manifest.variants.map((x) => x.name).join(", ")}).`,
        );
      }
    }
    if (!source) {
      if (offline)
        throw new OfflineError(
          `${manifest.id}@${manifest.revision} is not fully cached and offline mode forbids downloading it.`,
        );
      throw new NotFoundError(`No source is configured to download ${manifest.id}@${manifest.revision}.`);
    }
    const model = await cache.install({
      ...downloadOptions(options, o),
      manifest,
      files: filesForVariants(manifest, [...variants, ...(existing?.variants ?? [])]),
      variants: [...new Set([...(existing?.variants ?? []), ...variants])],
      source,
      ...(o.pin !== undefined ? { pin: o.pin } : {}),
    });
    return { model, ...(selection ? { selection } : {}), cached: false };
  }

  async function verify(
    id: string,
    o: { revision?: string; repair?: boolean } & DownloadOptions = {},
  ): Promise<VerifyReport> {
    const cached = await cache.get(id, o.revision, { touch: false });
    if (!cached) throw new NotFoundError(`${o.revision ? `${id}@${o.revision}` : id} is not in the cache.`);
    let repair: ModelSource | undefined;
    if (o.repair) {
      if (options.offline) throw new OfflineError(`Repairing ${id} needs a download, and offline mode forbids it.`);
      repair = (await resolve(id, { revision: cached.revision })).source;
    }
    return cache.verify(id, cached.revision, { ...downloadOptions(options, o), ...(repair ? { repair } : {}) });
  }

  return { cache, resolve, pull, verify };
}

/** Whether `model` already holds what a pull asks for; with the selection that says so. */
function satisfied(
  model: CachedModel,
  manifest: ModelManifest,
  variant: VariantName | "all" | undefined,
  select: SelectOptions,
): { selection?: VariantSelection } | undefined {
  if (variant === "all") return manifest.variants.every((v) => model.variants.includes(v.name)) ? {} : undefined;
  if (variant !== undefined) return model.variants.includes(variant) ? {} : undefined;
  try {
    const selection = selectVariant(manifest, select);
    return model.variants.includes(selection.variant.name) ? { selection } : undefined;
  } catch (e) {
    if (e instanceof ModelsError) return undefined;
    throw e;
  }
}

function pick<K extends string>(
  a: Partial<Record<K, unknown>>,
  b: Partial<Record<K, unknown>>,
  key: K,
): Partial<Record<K, never>> {
  const v = b[key] ?? a[key];
  return (v === undefined ? {} : { [key]: v }) as Partial<Record<K, never>>;
}

function downloadOptions(a: DownloadOptions, b: DownloadOptions): DownloadOptions {
  return {
    ...pick(a, b, "retries"),
    ...pick(a, b, "backoffMs"),
    ...pick(a, b, "maxBackoffMs"),
    ...pick(a, b, "stallTimeoutMs"),
    ...pick(a, b, "concurrency"),
    ...pick(a, b, "signal"),
    ...pick(a, b, "onProgress"),
  };
}
