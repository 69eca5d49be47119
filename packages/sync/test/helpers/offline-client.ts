// A client that never touches the network: opened paused, with a relay URL nothing listens on.
import { type DeviceIdentity, generateDeviceIdentity, KeyRing } from "@hearth/transport";
import { MemoryStorage, type StorageAdapter, SyncClient } from "../../src/index";

export const NO_RELAY = "http://127.0.0.1:9";

export async function offlineClient(
  options: {
    storage?: StorageAdapter;
    identity?: DeviceIdentity;
    /** null: pass none (the client must find one in storage). */
    keyRing?: KeyRing | null;
    spaceId?: string;
    localKey?: Uint8Array;
    batchDelayMs?: number;
  } = {},
): Promise<SyncClient> {
  return SyncClient.open({
    relayUrl: NO_RELAY,
    identity: options.identity ?? generateDeviceIdentity(),
    spaceId: options.spaceId ?? "space-1",
    storage: options.storage ?? new MemoryStorage(),
    ...(options.keyRing === null ? {} : { keyRing: options.keyRing ?? KeyRing.create() }),
    paused: true,
    webSocket: null,
    ...(options.localKey ? { localKey: options.localKey } : {}),
    ...(options.batchDelayMs !== undefined ? { batchDelayMs: options.batchDelayMs } : {}),
  });
}
