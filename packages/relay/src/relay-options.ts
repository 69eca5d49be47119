import { MAX_ENTRY_BYTES } from "@hearth/sync/protocol";
import { RelayOptionsError } from "./errors/relay-options-error";
import type { RateLimitOptions } from "./rate-limiter";
import type { RelayLogger } from "./relay-logger";
import type { RelayStore } from "./store/relay-store";

/** Options of {@link createRelay}. Give either `store` or `dataDir`. */
export interface RelayOptions {
  /** A storage adapter; the relay closes it on `close()`. */
  store?: RelayStore;
  /** Directory of a {@link SqliteStore} (`<dataDir>/relay.sqlite`), created if missing. */
  dataDir?: string;
  /** TCP port; 0 (the default) picks a free one, reported in the result. */
  port?: number;
  /** Interface to listen on. Default `127.0.0.1`; `0.0.0.0` or `::` to serve the network. */
  host?: string;
  /** Largest envelope accepted, in bytes. Default `MAX_ENTRY_BYTES` (4 MiB); larger entries get 413. */
  maxEntryBytes?: number;
  /** Largest request body, in bytes. Default 16 MiB, and always room for one entry of `maxEntryBytes`. */
  maxBodyBytes?: number;
  /** Per-device (and, on open routes, per-address) token bucket; `false` turns it off. Default 200/s, burst 1000. */
  rateLimit?: RateLimitOptions | false;
  /** How long entries covered by a snapshot are kept before compaction drops them. Default 7 days; 0 = at once. */
  retentionMs?: number;
  /** Receives structured log records; default: none (the relay never prints). */
  logger?: RelayLogger;
}

/** {@link RelayOptions} with defaults applied and values checked. */
export interface ResolvedRelayOptions {
  port: number;
  host: string;
  maxEntryBytes: number;
  maxBodyBytes: number;
  maxFetchBytes: number;
  rateLimit: RateLimitOptions | false;
  retentionMs: number;
  logger: RelayLogger;
}

/** Default token bucket: far above what a syncing device needs, low enough to stop a runaway loop. */
export const DEFAULT_RATE_LIMIT: RateLimitOptions = { perSecond: 200, burst: 1000 };
/** Default retention of compacted entries: 7 days. */
export const DEFAULT_RETENTION_MS = 7 * 24 * 60 * 60 * 1000;
const DEFAULT_MAX_BODY_BYTES = 16 * 1024 * 1024;
const DEFAULT_MAX_FETCH_BYTES = 16 * 1024 * 1024;

function integer(value: number | undefined, fallback: number, name: string, min: number, max: number): number {
  if (value === undefined) return fallback;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new RelayOptionsError(`Option ${name} must be an integer from ${min} to ${max}; got ${value}.`);
  }
  return value;
}

/** Applies defaults; throws {@link RelayOptionsError} for values the relay cannot run with. */
export function resolveRelayOptions(options: RelayOptions): ResolvedRelayOptions {
  const maxEntryBytes = integer(options.maxEntryBytes, MAX_ENTRY_BYTES, "maxEntryBytes", 1024, 1024 ** 3);
  // One entry of the largest size, base64 in its JSON wrapping, must always fit.
  const minBody = Math.ceil(maxEntryBytes / 3) * 4 + 64 * 1024;
  const maxBodyBytes = integer(
    options.maxBodyBytes,
    Math.max(DEFAULT_MAX_BODY_BYTES, minBody),
    "maxBodyBytes",
    minBody,
    4 * 1024 ** 3,
  );
  let rateLimit: RateLimitOptions | false = DEFAULT_RATE_LIMIT;
  if (options.rateLimit === false) {
    rateLimit = false;
  } else if (options.rateLimit !== undefined) {
    const { perSecond, burst } = options.rateLimit;
    if (!(perSecond > 0) || !Number.isFinite(perSecond) || !(burst >= 1) || !Number.isFinite(burst)) {
      throw new RelayOptionsError("Option rateLimit needs perSecond > 0 and burst >= 1 (or false to turn it off).");
    }
    rateLimit = { perSecond, burst };
  }
  return {
    port: integer(options.port, 0, "port", 0, 65535),
    host: options.host ?? "127.0.0.1",
    maxEntryBytes,
    maxBodyBytes,
    maxFetchBytes: Math.max(DEFAULT_MAX_FETCH_BYTES, maxEntryBytes),
    rateLimit,
    retentionMs: integer(options.retentionMs, DEFAULT_RETENTION_MS, "retentionMs", 0, Number.MAX_SAFE_INTEGER),
    logger: options.logger ?? (() => {}),
  };
}
