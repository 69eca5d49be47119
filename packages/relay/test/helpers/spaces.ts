// Spaces and devices on a relay under test, set up through the relay's own API.
import { routes, toBase64 } from "@hearth/sync/protocol";
import {
  createEnrollmentGrant,
  createSpaceGenesis,
  type DeviceIdentity,
  generateDeviceIdentity,
  KeyRing,
  publicKeysOf,
} from "@hearth/transport";
import { SignedClient, unsignedRequest } from "./signed-client";

/** A space founded on a relay, with a client per enrolled device (the founder first). */
export interface TestSpace {
  spaceId: string;
  genesis: Uint8Array;
  keyRing: KeyRing;
  founder: SignedClient;
  devices: SignedClient[];
}

/** Founds a space as a fresh device (or `founder`) and returns its signed client. */
export async function foundSpace(
  baseUrl: string,
  founder: DeviceIdentity = generateDeviceIdentity(),
): Promise<TestSpace> {
  const { spaceId, genesis } = createSpaceGenesis(founder);
  const res = await unsignedRequest(baseUrl, "POST", routes.createSpace(), { genesis: toBase64(genesis) });
  if (res.status !== 201) throw new Error(`Founding a space failed: ${res.status} ${res.text}`);
  const client = new SignedClient(baseUrl, founder);
  return { spaceId, genesis, keyRing: KeyRing.create(), founder: client, devices: [client] };
}

/** Enrolls a new device (or `device`) into the space through `by` (default the founder). */
export async function enrollDevice(
  space: TestSpace,
  device: DeviceIdentity = generateDeviceIdentity(),
  by: SignedClient = space.founder,
): Promise<SignedClient> {
  const { grant } = createEnrollmentGrant(by.identity, publicKeysOf(device), {
    spaceId: space.spaceId,
    keyRing: space.keyRing,
  });
  const res = await by.post(routes.devices(space.spaceId), { grant: toBase64(grant) });
  if (res.status !== 201) throw new Error(`Enrolling a device failed: ${res.status} ${res.text}`);
  const client = new SignedClient(by.baseUrl, device);
  space.devices.push(client);
  return client;
}
