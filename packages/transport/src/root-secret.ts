import { InvalidKeyError } from "./errors/invalid-key-error";
import { Labels } from "./labels";
import { bytesToHex, randomBytes, utf8ToBytes } from "./primitives/bytes";
import { hkdfSha256 } from "./primitives/hkdf-sha256";

/** Length of the account root secret in bytes; a 24-word recovery phrase carries exactly this much entropy. */
export const ROOT_SECRET_BYTES = 32;

/** A fresh 32-byte account root secret from the platform's CSPRNG. */
export function generateRootSecret(): Uint8Array {
  return randomBytes(ROOT_SECRET_BYTES);
}

/** Throws {@link InvalidKeyError} unless `secret` is a 32-byte root secret. */
export function assertRootSecret(secret: Uint8Array): void {
  if (!(secret instanceof Uint8Array) || secret.length !== ROOT_SECRET_BYTES) {
    throw new InvalidKeyError(`An account root secret is ${ROOT_SECRET_BYTES} bytes.`);
  }
}

/**
 * A public, stable identifier of the account (hex, 32 characters): safe to show and to store beside a backup,
 * so a restore can tell a mistyped-but-valid recovery phrase from the right one.
 */
export function accountId(rootSecret: Uint8Array): string {
  assertRootSecret(rootSecret);
  return bytesToHex(hkdfSha256(rootSecret, undefined, utf8ToBytes(Labels.accountId), 16));
}
