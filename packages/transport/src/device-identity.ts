import { sha256 } from "@noble/hashes/sha2.js";
import { InvalidFormatError } from "./errors/invalid-format-error";
import { Labels } from "./labels";
import { bytesToHex, concatBytes, utf8ToBytes } from "./primitives/bytes";
import { type Ed25519KeyPair, ed25519PublicKey, generateEd25519KeyPair } from "./primitives/ed25519";
import { generateX25519KeyPair, type X25519KeyPair, x25519PublicKey } from "./primitives/x25519";

/** What other devices and the relay know of a device: its id and its two public keys. */
export interface DevicePublicKeys {
  /** 32 hex characters derived from both public keys, so an id cannot be claimed with other keys. */
  deviceId: string;
  /** Ed25519: verifies what the device signs (log entries, requests to the relay, enrollment grants). */
  signingPublicKey: Uint8Array;
  /** X25519: what other devices seal keys to. */
  agreementPublicKey: Uint8Array;
}

/** A device's own identity, secret keys included. Keep it on the device. */
export interface DeviceIdentity extends DevicePublicKeys {
  signing: Ed25519KeyPair;
  agreement: X25519KeyPair;
}

/** The device id that belongs to a pair of public keys. */
export function deviceIdOf(signingPublicKey: Uint8Array, agreementPublicKey: Uint8Array): string {
  return bytesToHex(
    sha256(concatBytes(utf8ToBytes(Labels.deviceId), signingPublicKey, agreementPublicKey)).subarray(0, 16),
  );
}

function identityFrom(signing: Ed25519KeyPair, agreement: X25519KeyPair): DeviceIdentity {
  return {
    deviceId: deviceIdOf(signing.publicKey, agreement.publicKey),
    signingPublicKey: signing.publicKey,
    agreementPublicKey: agreement.publicKey,
    signing,
    agreement,
  };
}

/** A new device identity with fresh Ed25519 and X25519 key pairs. */
export function generateDeviceIdentity(): DeviceIdentity {
  return identityFrom(generateEd25519KeyPair(), generateX25519KeyPair());
}

/** Only the public part of an identity, to hand to other devices or the relay. */
export function publicKeysOf(identity: DevicePublicKeys): DevicePublicKeys {
  const { deviceId, signingPublicKey, agreementPublicKey } = identity;
  return { deviceId, signingPublicKey, agreementPublicKey };
}

const VERSION = 1;

/** The identity's two secret keys with a version byte (65 bytes). Secret: seal it before storing it. */
export function deviceIdentityToBytes(identity: DeviceIdentity): Uint8Array {
  return concatBytes(new Uint8Array([VERSION]), identity.signing.secretKey, identity.agreement.secretKey);
}

/** Rebuilds an identity from {@link deviceIdentityToBytes}; public keys and the id are recomputed. */
export function deviceIdentityFromBytes(bytes: Uint8Array): DeviceIdentity {
  if (bytes.length !== 65 || bytes[0] !== VERSION) {
    throw new InvalidFormatError("Not a version-1 device identity (65 bytes expected).");
  }
  const signingSecret = bytes.slice(1, 33);
  const agreementSecret = bytes.slice(33, 65);
  return identityFrom(
    { secretKey: signingSecret, publicKey: ed25519PublicKey(signingSecret) },
    { secretKey: agreementSecret, publicKey: x25519PublicKey(agreementSecret) },
  );
}
