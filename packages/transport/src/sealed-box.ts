import { InvalidFormatError } from "./errors/invalid-format-error";
import { Labels } from "./labels";
import { concatBytes, randomBytes, utf8ToBytes } from "./primitives/bytes";
import { hkdfSha256 } from "./primitives/hkdf-sha256";
import { generateX25519KeyPair, x25519SharedSecret } from "./primitives/x25519";
import { xchachaDecrypt, xchachaEncrypt } from "./primitives/xchacha20-poly1305";

const VERSION = 1;
const OVERHEAD = 1 + 32 + 24 + 16;

/**
 * The key both sides of a sealed box compute: HKDF-SHA256 over the X25519 shared secret, salted with the
 * ephemeral and recipient public keys so the key is bound to exactly this pair.
 */
function boxKey(shared: Uint8Array, ephemeralPublic: Uint8Array, recipientPublic: Uint8Array): Uint8Array {
  return hkdfSha256(shared, concatBytes(ephemeralPublic, recipientPublic), utf8ToBytes(Labels.sealedBox), 32);
}

/** A sealed box and the key it was sealed with (the pairing code derives its short authentication string from it). */
export interface SealedBoxResult {
  box: Uint8Array;
  key: Uint8Array;
}

/**
 * Anonymous public-key encryption to an X25519 public key: an ephemeral X25519 key, HKDF-SHA256 and
 * XChaCha20-Poly1305. Layout: version(1) | ephemeral public key(32) | nonce(24) | ciphertext + tag.
 * `aad` is authenticated, not encrypted, and must be given again to open.
 */
export function sealToPublicKey(
  recipientPublicKey: Uint8Array,
  plaintext: Uint8Array,
  aad?: Uint8Array,
): SealedBoxResult {
  const ephemeral = generateX25519KeyPair();
  const key = boxKey(
    x25519SharedSecret(ephemeral.secretKey, recipientPublicKey),
    ephemeral.publicKey,
    recipientPublicKey,
  );
  const nonce = randomBytes(24);
  const header = concatBytes(new Uint8Array([VERSION]), ephemeral.publicKey, nonce);
  const box = concatBytes(header, xchachaEncrypt(key, nonce, plaintext, concatBytes(header, aad ?? new Uint8Array())));
  ephemeral.secretKey.fill(0);
  return { box, key };
}

/** Opens a sealed box with the recipient's X25519 secret key; throws `E_DECRYPT` for any other key or change. */
export function openSealedBox(
  recipientSecretKey: Uint8Array,
  recipientPublicKey: Uint8Array,
  box: Uint8Array,
  aad?: Uint8Array,
): SealedBoxResult & { plaintext: Uint8Array } {
  if (box.length < OVERHEAD)
    throw new InvalidFormatError(`A sealed box is at least ${OVERHEAD} bytes; got ${box.length}.`);
  if (box[0] !== VERSION) throw new InvalidFormatError(`Sealed box version ${box[0]} is not supported.`);
  const ephemeralPublic = box.subarray(1, 33);
  const nonce = box.subarray(33, 57);
  const key = boxKey(x25519SharedSecret(recipientSecretKey, ephemeralPublic), ephemeralPublic, recipientPublicKey);
  const plaintext = xchachaDecrypt(
    key,
    nonce,
    box.subarray(57),
    concatBytes(box.subarray(0, 57), aad ?? new Uint8Array()),
  );
  return { box, key, plaintext };
}
