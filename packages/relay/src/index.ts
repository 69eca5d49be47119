/**
 * @hearth/relay: the blind relay of Hearth sync. It stores end-to-end encrypted, append-only document logs it
 * cannot read, checks every entry's signature against the enrolled device keys, and pushes new entries to the
 * other devices of a space over a WebSocket.
 *
 * @packageDocumentation
 */

export { BodyAbandonedError } from "./errors/body-abandoned-error";
export { ConflictError } from "./errors/conflict-error";
export { ForbiddenError } from "./errors/forbidden-error";
export { MethodNotAllowedError } from "./errors/method-not-allowed-error";
export { NotFoundError } from "./errors/not-found-error";
export { RateLimitedError } from "./errors/rate-limited-error";
export { RelayOptionsError } from "./errors/relay-options-error";
export { StorageError } from "./errors/storage-error";
export { TooLargeError } from "./errors/too-large-error";
export { UnauthorizedError } from "./errors/unauthorized-error";
export type { RateLimitOptions } from "./rate-limiter";
export type { RelayLogger, RelayLogLevel, RelayLogRecord } from "./relay-logger";
export { DEFAULT_RATE_LIMIT, DEFAULT_RETENTION_MS, type RelayOptions } from "./relay-options";
export { createRelay, type Relay } from "./relay-server";
export { RELAY_VERSION } from "./relay-version";
export { DEFAULT_FETCH_LIMIT, MAX_ENTRIES_PER_APPEND, MAX_FETCH_LIMIT } from "./routes/entry-routes";
export type { AppendFeed, AppendNotice } from "./store/append-feed";
export { PostgresStore, type PostgresStoreOptions } from "./store/postgres-store";
export type {
  AppendResult,
  CompactedEntry,
  CompactionQuery,
  CompactionResult,
  DeviceRecord,
  DocumentHead,
  FetchQuery,
  FetchResult,
  GrantRecord,
  NewDevice,
  NewGrant,
  NewSpace,
  RelayStore,
  SpaceRecord,
} from "./store/relay-store";
export { COMPACTED_POSITION } from "./store/relay-store";
export { SQLITE_FILE_NAME, SqliteStore } from "./store/sqlite-store";
