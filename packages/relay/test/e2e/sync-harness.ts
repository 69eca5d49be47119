// Shared set-up of the end-to-end tests: real relay processes, real sync clients (the built @hearth/sync), real
// WebSockets from the `ws` package. Nothing here stubs the relay or its database.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  createSpace,
  type DocHandle,
  enrollDevice,
  joinSpace,
  MemoryStorage,
  type RelayUrls,
  type StorageAdapter,
  SyncClient,
  type SyncClientOptions,
  type SyncError,
} from "@hearth/sync";
import { FileStorage } from "@hearth/sync/node";
import {
  createPairingCode,
  type DeviceIdentity,
  generateDeviceIdentity,
  type KeyRing,
  parsePairingCode,
  publicKeysOf,
} from "@hearth/transport";
import { WebSocket } from "ws";

export { type RelayProcess, startRelayProcess } from "../helpers/relay-process";

const cleanups: (() => void)[] = [];

/** Removes the temporary folders this file made. */
export function cleanUp(): void {
  for (const cleanup of cleanups.splice(0)) cleanup();
}

/** A fresh folder (in the system's temporary directory unless `parent` is given), removed by {@link cleanUp}. */
export function tempFolder(prefix = "hearth-e2e-", parent: string = tmpdir()): string {
  const dir = mkdtempSync(join(parent, prefix));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export function fileStorage(): FileStorage {
  return new FileStorage(tempFolder("hearth-e2e-device-"));
}

/** A device: its identity, and what it needs to open a client of its space. */
export interface Device {
  identity: DeviceIdentity;
  spaceId: string;
  keyRing: KeyRing;
  storage: StorageAdapter;
}

/** Opens a client for `device` against `relayUrl`, with live pushes over `ws` and short reconnect delays. */
export function openClient(
  relayUrl: RelayUrls,
  device: Device,
  options: Partial<SyncClientOptions> = {},
): Promise<SyncClient> {
  return SyncClient.open({
    relayUrl,
    identity: device.identity,
    spaceId: device.spaceId,
    keyRing: device.keyRing,
    storage: device.storage,
    webSocket: WebSocket,
    backoff: { minMs: 50, maxMs: 500 },
    ...options,
  });
}

/** Founds a space with a new device. */
export async function founder(relayUrl: string, storage: StorageAdapter = new MemoryStorage()): Promise<Device> {
  const identity = generateDeviceIdentity();
  const { spaceId, keyRing } = await createSpace({ relayUrl, identity });
  return { identity, spaceId, keyRing, storage };
}

/**
 * Pairs a new device the way an app does: the new device shows a pairing code, the existing client enrolls it from
 * the parsed code, the new device joins. Returns the device and both short authentication strings.
 */
export async function pairNewDevice(
  relayUrl: string,
  enroller: SyncClient,
  storage: StorageAdapter = new MemoryStorage(),
): Promise<{ device: Device; enrollerSas: string; joinerSas: string; enrollerId: string }> {
  const identity = generateDeviceIdentity();
  const code = createPairingCode(identity);
  const joining = joinSpace({ relayUrl, identity, pollIntervalMs: 100, timeoutMs: 20_000 });
  const { shortAuthenticationString: enrollerSas } = await enroller.enrollDevice(parsePairingCode(code));
  const joined = await joining;
  return {
    device: { identity, spaceId: joined.spaceId, keyRing: joined.keyRing, storage },
    enrollerSas,
    joinerSas: joined.shortAuthenticationString,
    enrollerId: joined.enroller.deviceId,
  };
}

/**
 * Enrolls a new device without a pairing screen in between: the enroller posts the grant first, so the new device's
 * `joinSpace` finds it on its first request. For tests that need many devices quickly.
 */
export async function enrollNewDevice(
  relayUrl: string,
  enroller: Device,
  storage: StorageAdapter = new MemoryStorage(),
): Promise<Device> {
  const identity = generateDeviceIdentity();
  await enrollDevice({
    relayUrl,
    identity: enroller.identity,
    spaceId: enroller.spaceId,
    keyRing: enroller.keyRing,
    device: publicKeysOf(identity),
  });
  const joined = await joinSpace({ relayUrl, identity, spaceId: enroller.spaceId, timeoutMs: 10_000 });
  return { identity, spaceId: joined.spaceId, keyRing: joined.keyRing, storage };
}

/** Every problem a client reports through `on("error")` from now on. */
export function errorsOf(client: SyncClient): SyncError[] {
  const errors: SyncError[] = [];
  client.on("error", (error) => errors.push(error));
  return errors;
}

/** Waits until `check` holds, polling; fails with `what` after `timeoutMs`. Not a timing assertion: a bound. */
export async function until(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}.`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Syncs every client, twice round, so that each has sent what it had and received what the others sent. */
export async function syncAll(clients: SyncClient[]): Promise<void> {
  for (let round = 0; round < 2; round++) for (const client of clients) await client.syncNow();
}

/**
 * {@link syncAll} until it succeeds: a relay that just restarted, or a client still backing off from it, makes a
 * round fail with `E_OFFLINE` (or `E_RELAY`); any other error is thrown at once.
 */
export async function settle(clients: SyncClient[], attempts = 20): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await syncAll(clients);
      return;
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (attempt >= attempts || (code !== "E_OFFLINE" && code !== "E_RELAY")) throw error;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

/** The plain JSON of a handle's document, for comparisons. */
export function plain<T>(handle: DocHandle<T>): unknown {
  return JSON.parse(JSON.stringify(handle.doc()));
}
