import { type DeviceIdentity, derivePurposeKey, KeyRing, openEnvelope, sealEnvelope } from "@hearth/transport";
import { StorageError } from "../errors/storage-error";
import type { StorageAdapter } from "../storage/storage-adapter";

/** The purpose label of the key that seals the key ring in local storage. */
export const LOCAL_KEY_RING_PURPOSE = "local-key-ring";
const KEY: string[] = ["keyring"];

/**
 * The key that seals the key ring at rest: `derivePurposeKey(localKey, "local-key-ring")`, where `localKey` is the
 * 32-byte key the app passes (say, from the platform keychain) or, by default, the device identity's X25519 secret
 * key. The default adds no secret beyond the identity, and needs none: whoever holds the identity can fetch the
 * device's grants from the relay and open them anyway. Pass a `localKey` to make stolen storage alone useless.
 */
export function localKeyRingKey(identity: DeviceIdentity, localKey?: Uint8Array): Uint8Array {
  return derivePurposeKey(localKey ?? identity.agreement.secretKey, LOCAL_KEY_RING_PURPOSE);
}

function context(spaceId: string): Uint8Array {
  return new TextEncoder().encode(`hearth/v1/local-key-ring\u0000${spaceId}`);
}

/** The stored key ring of `spaceId`, or undefined; throws {@link StorageError} if it does not open. */
export async function loadKeyRing(
  storage: StorageAdapter,
  sealingKey: Uint8Array,
  spaceId: string,
): Promise<KeyRing | undefined> {
  const sealed = await storage.load(KEY);
  if (!sealed) return undefined;
  try {
    return KeyRing.fromBytes(openEnvelope(sealingKey, sealed, context(spaceId)));
  } catch (cause) {
    throw new StorageError(
      "The stored key ring does not open: this storage belongs to another space, device or local key.",
      { cause },
    );
  }
}

/** Seals and stores the key ring. */
export async function saveKeyRing(
  storage: StorageAdapter,
  sealingKey: Uint8Array,
  spaceId: string,
  ring: KeyRing,
): Promise<void> {
  await storage.save(KEY, sealEnvelope(sealingKey, ring.toBytes(), { context: context(spaceId) }));
}

/**
 * Adds to `target` every epoch of `source` it lacks; returns the epochs added. An epoch both hold keeps the
 * target's key: a grant can add epochs, never replace one.
 */
export function mergeKeyRing(target: KeyRing, source: KeyRing): number[] {
  const known = new Set(target.epochs);
  const added: number[] = [];
  for (const epoch of source.epochs) {
    if (!known.has(epoch)) {
      target.add(epoch, source.spaceKey(epoch));
      added.push(epoch);
    }
  }
  return added;
}
