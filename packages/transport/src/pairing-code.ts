import { sha256 } from "@noble/hashes/sha2.js";
import { base32nopad } from "@scure/base";
import { type DevicePublicKeys, deviceIdOf } from "./device-identity";
import { InvalidFormatError } from "./errors/invalid-format-error";
import { concatBytes, equalBytes } from "./primitives/bytes";

const PREFIX = "HEARTH1";
const CHECKSUM_BYTES = 4;

/**
 * The text a new device shows so an existing device can enroll it: its two public keys and a checksum, in
 * base32 (letters A-Z and digits 2-7 only, so it fits a QR code's alphanumeric mode and survives being read out),
 * grouped by dashes. It holds no secret. It must reach the enrolling device unaltered (scanned or typed from
 * the new device's screen); the short authentication string then catches a forged grant on the way back.
 */
export function createPairingCode(device: DevicePublicKeys): string {
  const payload = concatBytes(device.signingPublicKey, device.agreementPublicKey);
  const body = base32nopad.encode(concatBytes(payload, sha256(payload).subarray(0, CHECKSUM_BYTES)));
  return [PREFIX, ...(body.match(/.{1,5}/g) ?? [])].join("-");
}

/** The public keys in a pairing code; tolerant of case, spaces and dashes, strict about the checksum. */
export function parsePairingCode(code: string): DevicePublicKeys {
  const compact = code.toUpperCase().replace(/[\s-]/g, "");
  if (!compact.startsWith(PREFIX)) throw new InvalidFormatError(`A pairing code starts with ${PREFIX}.`);
  let raw: Uint8Array;
  try {
    raw = base32nopad.decode(compact.slice(PREFIX.length));
  } catch (cause) {
    throw new InvalidFormatError("The pairing code has characters outside A-Z and 2-7; check it was copied whole.", {
      cause,
    });
  }
  if (raw.length !== 64 + CHECKSUM_BYTES)
    throw new InvalidFormatError("The pairing code is too short or too long; copy it again.");
  const payload = raw.subarray(0, 64);
  if (!equalBytes(sha256(payload).subarray(0, CHECKSUM_BYTES), raw.subarray(64))) {
    throw new InvalidFormatError("The pairing code's checksum does not match: a character was mistyped.");
  }
  const signingPublicKey = payload.slice(0, 32);
  const agreementPublicKey = payload.slice(32, 64);
  return { deviceId: deviceIdOf(signingPublicKey, agreementPublicKey), signingPublicKey, agreementPublicKey };
}
