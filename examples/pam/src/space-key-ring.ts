import { derivePurposeKey, KeyRing } from "@hearth/transport";

/**
 * The space's first key, derived from the account's root secret, so the recovery phrase alone can open the
 * space's history and backups on a new device (later epochs, after a device removal, come in grants).
 */
export function spaceKeyRing(rootSecret: Uint8Array): KeyRing {
  return KeyRing.create(derivePurposeKey(rootSecret, "pam/space-key"));
}
