import { ByteReader } from "./byte-reader";
import { type DeviceIdentity, type DevicePublicKeys, deviceIdOf } from "./device-identity";
import { InvalidFormatError } from "./errors/invalid-format-error";
import { KeyRing } from "./key-ring";
import { Labels } from "./labels";
import { bytesToUtf8, concatBytes, u32be, utf8ToBytes } from "./primitives/bytes";
import { ed25519Sign, ed25519Verify } from "./primitives/ed25519";
import { hkdfSha256 } from "./primitives/hkdf-sha256";
import { openSealedBox, sealToPublicKey } from "./sealed-box";

const VERSION = 1;
const MAX_SPACE_ID_BYTES = 256;

/** The public, signed part of a grant: what the relay reads to learn that a new device joined a space. */
export interface EnrollmentGrantInfo {
  /** The space the grant admits the device to; signed, so a grant cannot be replayed into another space. */
  spaceId: string;
  /** The already enrolled device that signed the grant. */
  enroller: DevicePublicKeys;
  /** The device being enrolled. */
  device: DevicePublicKeys;
}

/** What the new device gets from a grant. */
export interface AcceptedEnrollment extends EnrollmentGrantInfo {
  keyRing: KeyRing;
  /** Compare with the enrolling device's {@link createEnrollmentGrant} result before trusting the space. */
  shortAuthenticationString: string;
}

function sas(boxKey: Uint8Array, enroller: DevicePublicKeys, device: DevicePublicKeys): string {
  const salt = concatBytes(
    enroller.signingPublicKey,
    enroller.agreementPublicKey,
    device.signingPublicKey,
    device.agreementPublicKey,
  );
  const bytes = hkdfSha256(boxKey, salt, utf8ToBytes(Labels.pairingSas), 4);
  const n = new DataView(bytes.buffer, bytes.byteOffset, 4).getUint32(0, false) % 1_000_000;
  const digits = n.toString().padStart(6, "0");
  return `${digits.slice(0, 3)} ${digits.slice(3)}`;
}

function header(spaceId: Uint8Array, enroller: DevicePublicKeys, device: DevicePublicKeys): Uint8Array {
  return concatBytes(
    new Uint8Array([VERSION]),
    u32be(spaceId.length),
    spaceId,
    enroller.signingPublicKey,
    enroller.agreementPublicKey,
    device.signingPublicKey,
    device.agreementPublicKey,
  );
}

/**
 * Enrolls a new device into a space: the key ring is sealed to the new device's X25519 key and the whole grant,
 * space id included, is signed by the enrolling device. Also used after a key rotation, to hand the new epoch to
 * every remaining device. Show the returned short authentication string; the new
 * device shows its own from {@link acceptEnrollmentGrant}, and a person checks that both match.
 *
 * Layout: version(1) | space id length(4) | space id | enroller keys(64) | device keys(64) | box length(4) |
 * sealed box | Ed25519 signature(64).
 */
export function createEnrollmentGrant(
  enroller: DeviceIdentity,
  device: DevicePublicKeys,
  space: { spaceId: string; keyRing: KeyRing },
): { grant: Uint8Array; shortAuthenticationString: string } {
  const spaceId = utf8ToBytes(space.spaceId);
  if (spaceId.length === 0 || spaceId.length > MAX_SPACE_ID_BYTES) {
    throw new InvalidFormatError(`A space id is 1..${MAX_SPACE_ID_BYTES} bytes of UTF-8.`);
  }
  const head = header(spaceId, enroller, device);
  const payload = space.keyRing.toBytes();
  const { box, key } = sealToPublicKey(
    device.agreementPublicKey,
    payload,
    concatBytes(utf8ToBytes(Labels.enrollmentGrant), head),
  );
  const unsigned = concatBytes(head, u32be(box.length), box);
  const signature = ed25519Sign(enroller.signing.secretKey, concatBytes(utf8ToBytes(Labels.enrollmentGrant), unsigned));
  return { grant: concatBytes(unsigned, signature), shortAuthenticationString: sas(key, enroller, device) };
}

function parse(grant: Uint8Array) {
  const reader = new ByteReader(grant, "Enrollment grant");
  const version = reader.u8();
  if (version !== VERSION) throw new InvalidFormatError(`Enrollment grant version ${version} is not supported.`);
  const spaceIdBytes = reader.bytes(reader.u32());
  if (spaceIdBytes.length === 0 || spaceIdBytes.length > MAX_SPACE_ID_BYTES) {
    throw new InvalidFormatError("Enrollment grant has an invalid space id.");
  }
  const keys = () => {
    const signingPublicKey = reader.bytes(32).slice();
    const agreementPublicKey = reader.bytes(32).slice();
    return { deviceId: deviceIdOf(signingPublicKey, agreementPublicKey), signingPublicKey, agreementPublicKey };
  };
  const enroller = keys();
  const device = keys();
  const head = grant.subarray(0, reader.offset);
  const box = reader.bytes(reader.u32());
  const unsigned = grant.subarray(0, reader.offset);
  const signature = reader.bytes(64);
  reader.end();
  ed25519Verify(enroller.signingPublicKey, concatBytes(utf8ToBytes(Labels.enrollmentGrant), unsigned), signature);
  return { spaceId: bytesToUtf8(spaceIdBytes), enroller, device, head, box };
}

/**
 * Checks a grant's signature and returns who enrolled whom, without opening it: what the relay does. Whether
 * the enroller is itself enrolled in the space is for the caller to check. Throws `E_SIGNATURE` / `E_FORMAT`.
 */
export function verifyEnrollmentGrant(grant: Uint8Array): EnrollmentGrantInfo {
  const { spaceId, enroller, device } = parse(grant);
  return { spaceId, enroller, device };
}

/** The new device opens a grant addressed to it; throws `E_SIGNATURE`, `E_DECRYPT` or `E_FORMAT` otherwise. */
export function acceptEnrollmentGrant(device: DeviceIdentity, grant: Uint8Array): AcceptedEnrollment {
  const parsed = parse(grant);
  if (parsed.device.deviceId !== device.deviceId) {
    throw new InvalidFormatError("This enrollment grant is addressed to another device.");
  }
  const { plaintext, key } = openSealedBox(
    device.agreement.secretKey,
    device.agreementPublicKey,
    parsed.box,
    concatBytes(utf8ToBytes(Labels.enrollmentGrant), parsed.head),
  );
  return {
    spaceId: parsed.spaceId,
    enroller: parsed.enroller,
    device: parsed.device,
    keyRing: KeyRing.fromBytes(plaintext),
    shortAuthenticationString: sas(key, parsed.enroller, parsed.device),
  };
}
