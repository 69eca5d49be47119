/**
 * @hearth/sync: Automerge documents over an end-to-end encrypted, append-only log through a blind relay.
 *
 * @packageDocumentation
 */

// Backups.
export { type BackupContents, decodeBackup, encodeBackup } from "./backup/backup-format";
export { exportJson } from "./backup/export-json";
// The client.
export { type BackoffOptions, backoffDelay } from "./client/backoff";
export { type DocChangeEvent, DocHandle } from "./client/doc-handle";
export { LOCAL_KEY_RING_PURPOSE, localKeyRingKey, mergeKeyRing } from "./client/key-ring-store";
export { SyncClient, type SyncClientEvents, type SyncClientOptions, type SyncStatus } from "./client/sync-client";
export type { SyncStats } from "./client/sync-stats";
// Entries.
export {
  decodeChangePayload,
  decodeSnapshotPayload,
  encodeChangePayload,
  encodeSnapshotPayload,
  type SnapshotPayload,
} from "./entries/entry-payload";
export { openEntry, verifyEntry } from "./entries/open-entry";
export { type EntryPlace, sealEntry } from "./entries/seal-entry";
// Errors.
export { BackupError } from "./errors/backup-error";
export { ConflictError } from "./errors/conflict-error";
export { ForbiddenError } from "./errors/forbidden-error";
export { GapError } from "./errors/gap-error";
export { NotFoundError } from "./errors/not-found-error";
export { OfflineError } from "./errors/offline-error";
export { RateLimitedError } from "./errors/rate-limited-error";
export { RelayError } from "./errors/relay-error";
export { StorageError } from "./errors/storage-error";
export { TooLargeError } from "./errors/too-large-error";
export { UnauthorizedError } from "./errors/unauthorized-error";
export { VerifyError } from "./errors/verify-error";
export * from "./protocol/index";
// The relay, as a typed API (what the client uses; handy for tools and tests).
export type { LiveWebSocket, WebSocketConstructor } from "./relay/live-socket";
export { type DeviceRecord, type FetchedEntry, RelayApi } from "./relay/relay-api";
export { RelayEndpoints, type RelayUrls } from "./relay/relay-endpoints";
export { type FetchLike, RelayHttp } from "./relay/relay-http";
// Spaces and devices.
export { createSpace } from "./space/create-space";
export { type EnrollDeviceOptions, enrollDevice } from "./space/enroll-device";
export { type JoinedSpace, type JoinSpaceOptions, joinSpace } from "./space/join-space";
export { type RemoveDeviceOptions, removeDevice } from "./space/remove-device";
export type { RelayConnectionOptions } from "./space/space-options";
// Storage adapters (FileStorage is in @hearth/sync/node).
export { checkStorageKey } from "./storage/check-storage-key";
export { IndexedDBStorage } from "./storage/indexeddb-storage";
export { MemoryStorage } from "./storage/memory-storage";
export type { StorageAdapter, StorageChunk, StorageKey } from "./storage/storage-adapter";
