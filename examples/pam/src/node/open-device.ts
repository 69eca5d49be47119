import { SyncClient } from "@hearth/sync";
import { FileStorage } from "@hearth/sync/node";
import type { KeyRing } from "@hearth/transport";
import { WebSocket } from "ws";
import { PamSpace } from "../documents/pam-space";
import type { DeviceProfile } from "./device-profile";

/** A device's open space: the sync client and the PAM documents. */
export interface OpenDevice {
  readonly client: SyncClient;
  readonly space: PamSpace;
  close(): Promise<void>;
}

/** Opens the sync client of a profile (file storage, live pushes over `ws`) and its PAM documents. */
export async function openDevice(
  profile: DeviceProfile,
  options: { keyRing?: KeyRing; paused?: boolean } = {},
): Promise<OpenDevice> {
  const settings = await profile.loadSettings();
  const identity = await profile.loadIdentity();
  const client = await SyncClient.open({
    relayUrl: settings.relayUrl,
    identity,
    spaceId: settings.spaceId,
    storage: new FileStorage(profile.storageDir),
    webSocket: WebSocket as unknown as NonNullable<Parameters<typeof SyncClient.open>[0]["webSocket"]>,
    paused: options.paused ?? settings.paused,
    ...(options.keyRing ? { keyRing: options.keyRing } : {}),
  });
  const space = await PamSpace.open(client);
  return { client, space, close: () => client.close() };
}
