import { NoVariantError } from "../errors/no-variant-error";
import type { DeviceCapabilities, ExecutionProvider } from "../spec/capabilities";
import type { ManifestVariant, ModelManifest, VariantName } from "../spec/manifest";

const GPU_PROVIDERS: readonly ExecutionProvider[] = ["cuda", "dml", "coreml", "webgpu", "webnn", "nnapi"];

/** What the caller wants from variant selection. */
export interface SelectOptions {
  /** What the device offers (e.g. `await detectCapabilities()` from @hearth/runtime). Absent: a plain CPU. */
  readonly capabilities?: DeviceCapabilities;
  /**
   * Bytes the model may use. Default: half of `capabilities.memoryBytes` when known, else no limit (the other half
   * is left to the app and the OS).
   */
  readonly memoryBudget?: number;
  /** Variants in the order the user prefers; those listed are tried first, the rest in the default order. */
  readonly prefer?: readonly VariantName[];
  /** Only these variants may be chosen. */
  readonly only?: readonly VariantName[];
}

/** A variant that was not chosen, and why. */
export interface PassedOver {
  readonly name: VariantName;
  readonly reason: string;
}

/** The chosen variant, the providers that run it here, and the reason each other variant was passed over. */
export interface VariantSelection {
  readonly variant: ManifestVariant;
  /** Available providers that run the chosen variant, best first. */
  readonly providers: readonly ExecutionProvider[];
  readonly reason: string;
  readonly passedOver: readonly PassedOver[];
  /** The budget used, in bytes (`Infinity` when unlimited). */
  readonly memoryBudget: number;
}

const CPU_ONLY: DeviceCapabilities = { providers: [{ provider: "cpu", available: true }] };

function formatBytes(n: number): string {
  if (!Number.isFinite(n)) return "unlimited";
  if (n >= 2 ** 30) return `${(n / 2 ** 30).toFixed(1)} GiB`;
  if (n >= 2 ** 20) return `${(n / 2 ** 20).toFixed(1)} MiB`;
  if (n >= 2 ** 10) return `${(n / 2 ** 10).toFixed(1)} KiB`;
  return `${n} B`;
}

/**
 * Picks the variant to run: int8 on a CPU, fp16 where a GPU provider runs it, fp32 as the fallback, q4 when only it
 * fits; the user's preference first; never one that needs more memory than the budget or runs on no available
 * provider. Throws {@link NoVariantError} (listing every reason) when none fits.
 */
export function selectVariant(manifest: ModelManifest, options: SelectOptions = {}): VariantSelection {
  const caps = options.capabilities ?? CPU_ONLY;
  const available = caps.providers.filter((p) => p.available).map((p) => p.provider);
  const budget =
    options.memoryBudget ??
    (caps.memoryBytes !== undefined ? Math.floor(caps.memoryBytes / 2) : Number.POSITIVE_INFINITY);
  const gpu = available.some((p) => GPU_PROVIDERS.includes(p));
  const base: VariantName[] = gpu ? ["fp16", "fp32", "int8", "q4"] : ["int8", "fp32", "q4", "fp16"];
  const order = [...(options.prefer ?? []), ...base].filter((n, i, all) => all.indexOf(n) === i);

  const passedOver: PassedOver[] = [];
  let chosen: { variant: ManifestVariant; providers: ExecutionProvider[]; rank: number } | undefined;
  const candidates = [...manifest.variants].sort((a, b) => order.indexOf(a.name) - order.indexOf(b.name));
  for (const v of candidates) {
    const runs = available.filter((p) => v.providers.includes(p));
    let reason: string | undefined;
    if (options.only && !options.only.includes(v.name))
      reason = `not among the allowed variants (${options.only.join(", ")})`;
    else if (runs.length === 0) {
      reason = `runs on ${v.providers.join(", ") || "no provider"}; available here: ${available.join(", ") || "none"}`;
    } else if (v.minMemory > budget)
      reason = `needs ${formatBytes(v.minMemory)}, the memory budget is ${formatBytes(budget)}`;
    else if (chosen) reason = `ranked below ${chosen.variant.name} (order: ${order.join(" > ")})`;
    if (reason) passedOver.push({ name: v.name, reason });
    else chosen = { variant: v, providers: runs, rank: order.indexOf(v.name) };
  }
  if (!chosen) {
    const why = passedOver.map((p) => `${p.name}: ${p.reason}`).join("; ");
    throw new NoVariantError(
      `No variant of ${manifest.id}@${manifest.revision} fits this device (${why}). Raise the memory budget, allow another variant, or use a smaller model.`,
    );
  }
  const preferred = options.prefer?.includes(chosen.variant.name);
  const reason = preferred
    ? `${chosen.variant.name} is the user's preference and fits (${formatBytes(chosen.variant.minMemory)} of ${formatBytes(budget)}) on ${chosen.providers.join(", ")}`
    : `${chosen.variant.name} is the best fit for a ${gpu ? "GPU" : "CPU"} device (${formatBytes(chosen.variant.minMemory)} of ${formatBytes(budget)}) on ${chosen.providers.join(", ")}`;
  return { variant: chosen.variant, providers: chosen.providers, reason, passedOver, memoryBudget: budget };
}
