import { scryptAsync } from "@noble/hashes/scrypt.js";
import { sha256 } from "@noble/hashes/sha2.js";
import { ByteReader } from "./byte-reader";
import { IntegrityError } from "./errors/integrity-error";
import { InvalidFormatError } from "./errors/invalid-format-error";
import { WrongPassphraseError } from "./errors/wrong-passphrase-error";
import { Labels } from "./labels";
import { concatBytes, equalBytes, randomBytes, utf8ToBytes, wipe } from "./primitives/bytes";
import { hkdfSha256 } from "./primitives/hkdf-sha256";
import { xchachaDecrypt, xchachaEncrypt } from "./primitives/xchacha20-poly1305";
import type { Progress } from "./progress";
import { assertRootSecret, ROOT_SECRET_BYTES } from "./root-secret";

/** scrypt cost parameters, stored in the key file's header so a file always opens with the cost it was made with. */
export interface ScryptParams {
  /** log2 of the CPU/memory cost N. */
  logN: number;
  /** Block size. */
  r: number;
  /** Parallelism. */
  p: number;
}

/**
 * Default cost: N = 2^16, r = 8, p = 2, 64 MiB of memory, about 0.55 s per derivation on a 2-core x86-64
 * server core with Node 20 (measured by `pnpm bench --suite crypto`). p = 2 doubles the time of N = 2^16
 * without doubling memory, which phones and browser tabs would not give.
 */
export const DEFAULT_SCRYPT_PARAMS: Readonly<ScryptParams> = Object.freeze({ logN: 16, r: 8, p: 2 });

const LIMITS = { logN: [10, 22], r: [1, 32], p: [1, 16] } as const;
// A hostile header must not make us allocate gigabytes: scrypt needs 128 * r * N bytes.
const MAX_SCRYPT_MEMORY = 2 ** 30;

const MAGIC = utf8ToBytes("HKF");
const VERSION = 1;
const SALT_BYTES = 16;
const CHECK_BYTES = 16;
const DIGEST_BYTES = 8;
const NONCE_BYTES = 24;
// magic(3) version(1) logN(1) r(1) p(1) salt(16) check(16) nonce(24)
const HEADER_BYTES = 3 + 1 + 3 + SALT_BYTES + CHECK_BYTES + NONCE_BYTES;
const FILE_BYTES = HEADER_BYTES + DIGEST_BYTES + ROOT_SECRET_BYTES + 16;

/** Options of {@link wrapKeyFile} and {@link openKeyFile}. */
export interface KeyFileOptions {
  /** scrypt cost; defaults to {@link DEFAULT_SCRYPT_PARAMS}. Ignored when opening (the header says). */
  scrypt?: ScryptParams;
  /** Called as the key derivation proceeds, `{ phase: "derive", loaded, total }`. */
  onProgress?: (progress: Progress) => void;
}

function checkParams(params: ScryptParams): void {
  for (const name of ["logN", "r", "p"] as const) {
    const [min, max] = LIMITS[name];
    const value = params[name];
    if (!Number.isInteger(value) || value < min || value > max) {
      throw new InvalidFormatError(`Key file scrypt parameter ${name}=${value} is outside ${min}..${max}.`);
    }
  }
  if (128 * params.r * 2 ** params.logN > MAX_SCRYPT_MEMORY) {
    throw new InvalidFormatError("Key file scrypt parameters would need more than 1 GiB of memory.");
  }
}

async function deriveKeys(passphrase: string, salt: Uint8Array, params: ScryptParams, options: KeyFileOptions) {
  // NFKC so that the same passphrase typed on two keyboards (composed or decomposed accents) opens the file.
  const password = utf8ToBytes(passphrase.normalize("NFKC"));
  const master = await scryptAsync(password, salt, {
    N: 2 ** params.logN,
    r: params.r,
    p: params.p,
    dkLen: 32,
    onProgress: options.onProgress
      ? (fraction: number) => options.onProgress?.({ phase: "derive", loaded: Math.round(fraction * 100), total: 100 })
      : undefined,
  });
  const wrapKey = hkdfSha256(master, salt, utf8ToBytes(`${Labels.keyFileCheck}/wrap`), 32);
  const check = hkdfSha256(master, salt, utf8ToBytes(Labels.keyFileCheck), CHECK_BYTES);
  wipe(master, password);
  return { wrapKey, check };
}

function headerDigest(header: Uint8Array): Uint8Array {
  return sha256(header).subarray(0, DIGEST_BYTES);
}

/**
 * Wraps the root secret under a passphrase: a small binary file (versioned header with the scrypt parameters,
 * salt, a key-check value and a nonce; then the sealed secret). Async so a browser tab stays responsive.
 */
export async function wrapKeyFile(
  rootSecret: Uint8Array,
  passphrase: string,
  options: KeyFileOptions = {},
): Promise<Uint8Array> {
  assertRootSecret(rootSecret);
  const params = options.scrypt ?? DEFAULT_SCRYPT_PARAMS;
  checkParams(params);
  const salt = randomBytes(SALT_BYTES);
  const nonce = randomBytes(NONCE_BYTES);
  const { wrapKey, check } = await deriveKeys(passphrase, salt, params, options);
  const header = concatBytes(MAGIC, new Uint8Array([VERSION, params.logN, params.r, params.p]), salt, check, nonce);
  const sealed = xchachaEncrypt(wrapKey, nonce, rootSecret, header);
  wipe(wrapKey);
  return concatBytes(header, headerDigest(header), sealed);
}

/** The scrypt parameters and version of a key file, read without the passphrase. */
export function readKeyFileHeader(file: Uint8Array): { version: number; scrypt: ScryptParams } {
  if (file.length < MAGIC.length || !equalBytes(file.subarray(0, MAGIC.length), MAGIC)) {
    throw new InvalidFormatError("Not a Hearth key file (the first bytes are not HKF).");
  }
  const version = file[3];
  if (version !== VERSION) {
    throw new InvalidFormatError(
      `Key file version ${version} is not supported (this release reads version ${VERSION}).`,
    );
  }
  if (file.length !== FILE_BYTES) {
    throw new InvalidFormatError(
      `A key file is ${FILE_BYTES} bytes; this one is ${file.length}: it is truncated or damaged.`,
    );
  }
  const header = file.subarray(0, HEADER_BYTES);
  if (!equalBytes(headerDigest(header), file.subarray(HEADER_BYTES, HEADER_BYTES + DIGEST_BYTES))) {
    throw new IntegrityError(
      "The key file's header is damaged (its checksum does not match); restore it from a backup.",
    );
  }
  const scrypt = { logN: file[4] ?? 0, r: file[5] ?? 0, p: file[6] ?? 0 };
  checkParams(scrypt);
  return { version, scrypt };
}

/**
 * Opens a key file made by {@link wrapKeyFile}. A wrong passphrase throws {@link WrongPassphraseError} (told apart
 * by the key-check value, so it is never confused with damage); a damaged file throws {@link IntegrityError} or
 * {@link InvalidFormatError}. Never returns a wrong secret.
 */
export async function openKeyFile(
  file: Uint8Array,
  passphrase: string,
  options: KeyFileOptions = {},
): Promise<Uint8Array> {
  const { scrypt } = readKeyFileHeader(file);
  const reader = new ByteReader(file, "Key file");
  reader.bytes(7); // magic, version, scrypt parameters: checked above
  const salt = reader.bytes(SALT_BYTES);
  const storedCheck = reader.bytes(CHECK_BYTES);
  const nonce = reader.bytes(NONCE_BYTES);
  reader.bytes(DIGEST_BYTES);
  const sealed = reader.rest();
  const { wrapKey, check } = await deriveKeys(passphrase, salt, scrypt, options);
  if (!equalBytes(check, storedCheck)) {
    wipe(wrapKey);
    throw new WrongPassphraseError("Wrong passphrase for this key file.");
  }
  try {
    return xchachaDecrypt(wrapKey, nonce, sealed, file.subarray(0, HEADER_BYTES));
  } catch (cause) {
    throw new IntegrityError(
      "The passphrase is right but the wrapped key is damaged; restore the key file from a backup.",
      {
        cause,
      },
    );
  } finally {
    wipe(wrapKey);
  }
}
