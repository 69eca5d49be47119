import { createEnrollmentGrant, type DevicePublicKeys, type KeyRing } from "@hearth/transport";
import { RelayApi } from "../relay/relay-api";
import type { RelayConnectionOptions } from "./space-options";

/** Options of {@link enrollDevice}. */
export interface EnrollDeviceOptions extends RelayConnectionOptions {
  spaceId: string;
  /** The space's key ring; the new device gets every epoch, so it can read the whole history. */
  keyRing: KeyRing;
  /** The new device's public keys, from its pairing code (`parsePairingCode`). */
  device: DevicePublicKeys;
}

/**
 * Enrolls a new device from an active one: seals the key ring to the new device in a grant signed by this device
 * and posts it to the relay, which makes the new device active. Show the returned string; the new device's
 * {@link joinSpace} shows its own, and the user checks they match before trusting the pairing.
 */
export async function enrollDevice(options: EnrollDeviceOptions): Promise<{ shortAuthenticationString: string }> {
  const { grant, shortAuthenticationString } = createEnrollmentGrant(options.identity, options.device, {
    spaceId: options.spaceId,
    keyRing: options.keyRing,
  });
  const api = new RelayApi(options.relayUrl, options.identity, options.fetch ? { fetch: options.fetch } : {});
  await api.enroll(options.spaceId, grant, options.signal);
  return { shortAuthenticationString };
}
