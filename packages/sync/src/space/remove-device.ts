import { createEnrollmentGrant, KeyRing } from "@hearth/transport";
import { RelayApi } from "../relay/relay-api";
import type { RelayConnectionOptions } from "./space-options";

/** Options of {@link removeDevice}. */
export interface RemoveDeviceOptions extends RelayConnectionOptions {
  spaceId: string;
  /**
   * The space's key ring. It gains the new epoch (a fresh random key) once every remaining device was sent it;
   * store it afterwards (`SyncClient.removeDevice` does).
   */
  keyRing: KeyRing;
  /** The device to remove. */
  deviceId: string;
}

/**
 * Removes a device from a space (lost or retired): the relay refuses its requests from then on; then the key ring
 * rotates to a new epoch and the new ring goes, sealed, to every remaining active device, so what is written
 * from now on is unreadable to the removed device even with a copy of the relay's data. Resolves with the new
 * epoch and the devices that received it.
 */
export async function removeDevice(options: RemoveDeviceOptions): Promise<{ epoch: number; sharedWith: string[] }> {
  const api = new RelayApi(options.relayUrl, options.identity, options.fetch ? { fetch: options.fetch } : {});
  await api.removeDevice(options.spaceId, options.deviceId, options.signal);
  // Rotated on a copy: if sharing fails, the caller's ring does not start sealing under a key nobody else has.
  const rotated = KeyRing.fromBytes(options.keyRing.toBytes());
  const epoch = rotated.rotate();
  const remaining = (await api.devices(options.spaceId, options.signal)).filter(
    (d) => !d.removed && d.deviceId !== options.deviceId && d.deviceId !== options.identity.deviceId,
  );
  const grants = remaining.map(
    (device) => createEnrollmentGrant(options.identity, device, { spaceId: options.spaceId, keyRing: rotated }).grant,
  );
  if (grants.length > 0) await api.postGrants(options.spaceId, grants, options.signal);
  options.keyRing.add(epoch, rotated.spaceKey(epoch));
  return { epoch, sharedWith: remaining.map((d) => d.deviceId) };
}
