import { sha256 } from "@noble/hashes/sha2.js";
import { ByteReader } from "./byte-reader";
import { type DeviceIdentity, type DevicePublicKeys, deviceIdOf } from "./device-identity";
import { InvalidFormatError } from "./errors/invalid-format-error";
import { Labels } from "./labels";
import { bytesToHex, concatBytes, randomBytes, utf8ToBytes } from "./primitives/bytes";
import { ed25519Sign, ed25519Verify } from "./primitives/ed25519";

const VERSION = 1;

/** A verified space genesis: the space's id and its founding device. */
export interface SpaceGenesis {
  spaceId: string;
  founder: DevicePublicKeys;
}

function spaceIdOf(signingPublicKey: Uint8Array, nonce: Uint8Array): string {
  return bytesToHex(sha256(concatBytes(utf8ToBytes(Labels.spaceGenesis), signingPublicKey, nonce)).subarray(0, 16));
}

/**
 * Founds a space: a statement signed by the founding device. The space id is a hash of the founder's key and a
 * random nonce, so nobody else can claim it first, on any relay.
 * Layout: version(1) | founder keys(64) | nonce(16) | Ed25519 signature(64).
 */
export function createSpaceGenesis(founder: DeviceIdentity): { spaceId: string; genesis: Uint8Array } {
  const unsigned = concatBytes(
    new Uint8Array([VERSION]),
    founder.signingPublicKey,
    founder.agreementPublicKey,
    randomBytes(16),
  );
  const signature = ed25519Sign(founder.signing.secretKey, concatBytes(utf8ToBytes(Labels.spaceGenesis), unsigned));
  return {
    spaceId: spaceIdOf(founder.signingPublicKey, unsigned.subarray(65, 81)),
    genesis: concatBytes(unsigned, signature),
  };
}

/** Checks a genesis and returns the space id it founds and its founder; throws `E_FORMAT` or `E_SIGNATURE`. */
export function verifySpaceGenesis(genesis: Uint8Array): SpaceGenesis {
  const reader = new ByteReader(genesis, "Space genesis");
  const version = reader.u8();
  if (version !== VERSION) throw new InvalidFormatError(`Space genesis version ${version} is not supported.`);
  const signingPublicKey = reader.bytes(32).slice();
  const agreementPublicKey = reader.bytes(32).slice();
  const nonce = reader.bytes(16);
  const unsigned = genesis.subarray(0, reader.offset);
  const signature = reader.bytes(64);
  reader.end();
  ed25519Verify(signingPublicKey, concatBytes(utf8ToBytes(Labels.spaceGenesis), unsigned), signature);
  return {
    spaceId: spaceIdOf(signingPublicKey, nonce),
    founder: { deviceId: deviceIdOf(signingPublicKey, agreementPublicKey), signingPublicKey, agreementPublicKey },
  };
}
