/**
 * @hearth/models: model manifests, variant selection for the device, resumable verified downloads and the cache
 * interface. This entry runs anywhere (no `fs`); the file-system cache, local sources and lock live in
 * `@hearth/models/node`, the browser caches (Cache API, OPFS) in `@hearth/models/web`, the quantizer in `@hearth/models/quantize`.
 *
 * @packageDocumentation
 */

export { type CachedModelFolder, cachedModelFolder } from "./cache/cached-model-folder";
export { backoffDelay, sleep } from "./download/backoff";
export { type DownloadFileOptions, downloadFile } from "./download/download-file";
export { mapLimit } from "./download/map-limit";
export { nobleSha256 } from "./download/noble-hasher";
export { type FetchLike, openUrl } from "./download/open-url";
export type { PartialFile } from "./download/partial-file";
export { ProgressMeter } from "./download/progress-meter";
export { type WebCryptoSha256Options, webCryptoSha256 } from "./download/web-crypto-sha256";
export { AbortedError } from "./errors/aborted-error";
export { CacheError } from "./errors/cache-error";
export { HttpError } from "./errors/http-error";
export { IntegrityError } from "./errors/integrity-error";
export { InvalidArgumentError } from "./errors/invalid-argument-error";
export { LockError } from "./errors/lock-error";
export { ManifestError } from "./errors/manifest-error";
export { ModelsError, type ModelsErrorCode } from "./errors/models-error";
export { NetworkError } from "./errors/network-error";
export { NoVariantError } from "./errors/no-variant-error";
export { NotFoundError } from "./errors/not-found-error";
export { OfflineError } from "./errors/offline-error";
export { QuantizeError } from "./errors/quantize-error";
export { QuotaError } from "./errors/quota-error";
export { filesForVariants, isModelId, isRevision, isSafePath, parseManifest } from "./manifest/parse-manifest";
export { type PassedOver, type SelectOptions, selectVariant, type VariantSelection } from "./selection/select-variant";
export { httpSource, hubSource, MANIFEST_FILE, type UrlSourceOptions } from "./sources/url-source";
export type { DeviceCapabilities, ExecutionProvider, ProviderAvailability } from "./spec/capabilities";
export type { Hasher, HasherFactory } from "./spec/hasher";
export {
  MANIFEST_SCHEMA,
  type ManifestFile,
  type ManifestVariant,
  type ModelManifest,
  VARIANT_NAMES,
  type VariantName,
} from "./spec/manifest";
export type {
  CachedModel,
  CacheUsage,
  DownloadOptions,
  GcReport,
  InstallRequest,
  ModelCache,
  VerifiedFile,
  VerifyOptions,
  VerifyReport,
} from "./spec/model-cache";
export type { FileBody, ManifestRequest, ModelSource } from "./spec/model-source";
export type { DownloadProgress, Progress } from "./spec/progress";
export {
  createModelStore,
  type ModelStore,
  type ModelStoreOptions,
  type PullOptions,
  type PullResult,
} from "./store/model-store";
