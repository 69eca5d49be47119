import { AbortedError } from "../errors/aborted-error";
import { InvalidArgumentError } from "../errors/invalid-argument-error";
import { ModelFileMissingError } from "../errors/model-file-missing-error";
import { ModelInvalidError } from "../errors/model-invalid-error";
import { NoProviderError } from "../errors/no-provider-error";
import type { DeviceOption, ProviderAttempt } from "../spec/execution-provider";
import type { InferenceBackend, OpenSessionOptions } from "../spec/inference-backend";
import type { ModelSource } from "../spec/model-source";
import type { Progress } from "../spec/progress";
import { checkOnnxBytes } from "./check-onnx-bytes";
import { MODEL_DTYPES, type ModelDtype, modelFilePath } from "./model-dtype";
import { resolveProviders } from "./resolve-providers";
import type { RuntimeSession } from "./runtime-session";

/** Options of `createSession` on every platform. */
export interface CreateSessionOptions extends OpenSessionOptions {
  /** Providers to try, in order; `"auto"` (the default) is the backend's best-first list. */
  readonly device?: DeviceOption;
  /** Weight format, or formats in order of preference (the first whose file exists is used). Default `"fp32"`. */
  readonly dtype?: ModelDtype | readonly ModelDtype[];
  /** Base name of the model file in `onnx/` (default `model`, e.g. `decoder_model_merged`). */
  readonly fileName?: string;
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: Progress) => void;
}

function errorText(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  // onnxruntime messages can run to many lines of native context; the first one says what happened.
  return text.split("\n")[0]?.slice(0, 300) ?? "unknown error";
}

/**
 * Opens the model in a folder on the first execution provider that works, and says which one ran and why the
 * others were passed over. A provider the device lacks is skipped without trying it (its reason is recorded);
 * one that fails to open the model is recorded and the next is tried. A failure on the backend's baseline
 * provider (cpu, wasm) means the model itself is bad: that throws ModelInvalidError rather than trying on.
 */
export async function openSession(
  backend: InferenceBackend,
  source: ModelSource,
  options: CreateSessionOptions = {},
): Promise<RuntimeSession> {
  const { signal, onProgress } = options;
  const dtypes: readonly ModelDtype[] =
    options.dtype === undefined ? ["fp32"] : typeof options.dtype === "string" ? [options.dtype] : options.dtype;
  for (const d of dtypes) {
    if (!MODEL_DTYPES.includes(d))
      throw new InvalidArgumentError(`dtype "${String(d)}" is not one of ${MODEL_DTYPES.join(", ")}.`);
  }
  if (dtypes.length === 0) throw new InvalidArgumentError("dtype is an empty list: name at least one weight format.");
  const providers = resolveProviders(options.device, backend.providers);

  let chosen: { dtype: ModelDtype; file: string } | undefined;
  for (const dtype of dtypes) {
    const file = modelFilePath(dtype, options.fileName);
    if (dtypes.length === 1 || (await source.exists(file, signal))) {
      chosen = { dtype, file };
      break;
    }
  }
  if (!chosen) {
    const first = modelFilePath(dtypes[0]!, options.fileName);
    throw new ModelFileMissingError(first, source.describe(first));
  }
  onProgress?.({ phase: "read", loaded: 0, total: 1 });
  const bytes = await source.read(chosen.file, signal);
  onProgress?.({ phase: "read", loaded: 1, total: 1 });
  checkOnnxBytes(bytes, chosen.file);

  const capabilities = await backend.detect();
  const attempts: ProviderAttempt[] = [];
  for (const [index, provider] of providers.entries()) {
    if (signal?.aborted) throw new AbortedError();
    onProgress?.({ phase: "open", loaded: index, total: providers.length });
    const availability = capabilities.providers.find((p) => p.provider === provider);
    if (!availability) {
      attempts.push({ provider, error: `the ${backend.name} backend has no ${provider} execution provider` });
      continue;
    }
    if (!availability.available) {
      attempts.push({ provider, error: availability.reason ?? `${provider} is not available on this device` });
      continue;
    }
    try {
      const session = await backend.open(bytes, provider, options);
      onProgress?.({ phase: "open", loaded: providers.length, total: providers.length });
      return Object.assign(session, {
        attempts,
        file: chosen.file,
        dtype: chosen.dtype,
        byteLength: bytes.byteLength,
      }) as RuntimeSession;
    } catch (error) {
      if (provider === backend.baseline) {
        throw new ModelInvalidError(
          chosen.file,
          `onnxruntime could not load ${chosen.file} on ${provider}: ${errorText(error)}. The file is corrupted or uses operators this build lacks.`,
          { cause: error },
        );
      }
      attempts.push({ provider, error: errorText(error) });
    }
  }
  throw new NoProviderError(attempts);
}
