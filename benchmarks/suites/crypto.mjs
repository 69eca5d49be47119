// @hearth/transport against the raw primitives it is built on: the ratio is the cost of our format, checks and
// copies. node:crypto's ChaCha20-Poly1305 (native code) is a second, informational baseline for the envelopes.
import { createCipheriv, createDecipheriv, randomBytes as nodeRandomBytes } from "node:crypto";
import {
  DEFAULT_SCRYPT_PARAMS,
  ENVELOPE_HEADER_BYTES,
  ENVELOPE_OVERHEAD,
  encodeEntryContext,
  generateEd25519KeyPair,
  openEnvelope,
  openKeyFile,
  sealEnvelope,
  signEnvelope,
  verifyEnvelope,
  wrapKeyFile,
} from "@hearth/transport";
import { xchacha20poly1305 } from "@noble/ciphers/chacha.js";
import { equalBytes } from "@noble/ciphers/utils.js";
import { ed25519 } from "@noble/curves/ed25519.js";
import { scrypt } from "@noble/hashes/scrypt.js";
import { randomBytes, utf8ToBytes } from "@noble/hashes/utils.js";

export const description = "envelope seal/open, Ed25519 sign/verify and key-file scrypt vs raw @noble and node:crypto";

const SIZES = [64, 1024, 64 * 1024, 1024 * 1024];
// The envelope's promise: its format costs at most 10% over bare XChaCha20-Poly1305 once a message is 1 KiB.
const ENVELOPE_GOAL = { fromBytes: 1024, maxRatio: 1.1 };
const NOBLE_AEAD = "@noble/ciphers xchacha20poly1305";
const NODE_AEAD = "node:crypto chacha20-poly1305";

function formatSize(bytes) {
  if (bytes >= 1024 * 1024) return `${bytes / (1024 * 1024)} MiB`;
  if (bytes >= 1024) return `${bytes / 1024} KiB`;
  return `${bytes} B`;
}

function sanityCheck(ok, what) {
  if (!ok) throw new Error(`crypto suite: ${what} gave a wrong result; the measure would be meaningless.`);
}

function entryContext() {
  return encodeEntryContext({ documentId: "inbox", deviceId: "0f".repeat(16), seq: 1, epoch: 0, kind: "change" });
}

function nodeSeal(key, nonce, plaintext, aad) {
  const cipher = createCipheriv("chacha20-poly1305", key, nonce, { authTagLength: 16 });
  cipher.setAAD(aad, { plaintextLength: plaintext.length });
  const body = cipher.update(plaintext);
  cipher.final();
  return Buffer.concat([body, cipher.getAuthTag()]);
}

function nodeOpen(key, nonce, sealed, aad) {
  const decipher = createDecipheriv("chacha20-poly1305", key, nonce, { authTagLength: 16 });
  decipher.setAAD(aad, { plaintextLength: sealed.length - 16 });
  decipher.setAuthTag(sealed.subarray(sealed.length - 16));
  const body = decipher.update(sealed.subarray(0, sealed.length - 16));
  decipher.final();
  return body;
}

async function envelopes(measure) {
  const key = randomBytes(32);
  const context = entryContext();
  // The baselines authenticate as many associated bytes as the envelope does (its header, then the context).
  const aad = randomBytes(ENVELOPE_HEADER_BYTES + context.length);
  for (const size of SIZES) {
    // node:crypto, because @noble's randomBytes stops at 64 KiB (the Web Crypto limit of one call).
    const plaintext = new Uint8Array(nodeRandomBytes(size));
    const goal = size >= ENVELOPE_GOAL.fromBytes ? { maxRatio: ENVELOPE_GOAL.maxRatio } : {};
    // Every seal draws a fresh nonce, as the envelope does: the random source is part of the cost.
    await measure({
      name: `envelope seal ${formatSize(size)}`,
      unit: "us",
      bytes: size,
      ours: () => sealEnvelope(key, plaintext, { epoch: 0, context, pad: false }),
      baselines: [
        { name: NOBLE_AEAD, fn: () => xchacha20poly1305(key, randomBytes(24), aad).encrypt(plaintext), ...goal },
        { name: NODE_AEAD, fn: () => nodeSeal(key, nodeRandomBytes(12), plaintext, aad) },
      ],
    });

    const envelope = sealEnvelope(key, plaintext, { epoch: 0, context, pad: false });
    const xNonce = randomBytes(24);
    const xSealed = xchacha20poly1305(key, xNonce, aad).encrypt(plaintext);
    const nNonce = nodeRandomBytes(12);
    const nSealed = nodeSeal(key, nNonce, plaintext, aad);
    sanityCheck(equalBytes(openEnvelope(key, envelope, context), plaintext), "openEnvelope");
    sanityCheck(equalBytes(xchacha20poly1305(key, xNonce, aad).decrypt(xSealed), plaintext), "xchacha20poly1305");
    sanityCheck(equalBytes(nodeOpen(key, nNonce, nSealed, aad), plaintext), "node:crypto chacha20-poly1305");
    await measure({
      name: `envelope open ${formatSize(size)}`,
      unit: "us",
      bytes: size,
      ours: () => openEnvelope(key, envelope, context),
      baselines: [
        { name: NOBLE_AEAD, fn: () => xchacha20poly1305(key, xNonce, aad).decrypt(xSealed), ...goal },
        { name: NODE_AEAD, fn: () => nodeOpen(key, nNonce, nSealed, aad) },
      ],
    });
  }
}

async function signatures(measure) {
  const { secretKey, publicKey } = generateEd25519KeyPair();
  const context = entryContext();
  const envelope = sealEnvelope(randomBytes(32), randomBytes(1024 - ENVELOPE_OVERHEAD), { context });
  // The baseline signs the envelope alone; ours also hashes a domain label and the context (about 100 bytes).
  await measure({
    name: "ed25519 sign 1 KiB envelope",
    unit: "us",
    ours: () => signEnvelope(secretKey, envelope, context),
    baselines: [{ name: "@noble/curves ed25519.sign", fn: () => ed25519.sign(envelope, secretKey) }],
  });

  const signature = signEnvelope(secretKey, envelope, context);
  const rawSignature = ed25519.sign(envelope, secretKey);
  verifyEnvelope(publicKey, envelope, context, signature);
  // Same rule as ours (strict RFC 8032, not ZIP-215), so both do the same checks.
  const strict = { zip215: false };
  sanityCheck(ed25519.verify(rawSignature, envelope, publicKey, strict), "ed25519.verify");
  await measure({
    name: "ed25519 verify 1 KiB envelope",
    unit: "us",
    ours: () => verifyEnvelope(publicKey, envelope, context, signature),
    baselines: [
      { name: "@noble/curves ed25519.verify", fn: () => ed25519.verify(rawSignature, envelope, publicKey, strict) },
    ],
  });
}

async function keyFile(measure, quick) {
  const { logN, r, p } = DEFAULT_SCRYPT_PARAMS;
  const passphrase = "correct horse battery staple";
  const secret = randomBytes(32);
  const file = await wrapKeyFile(secret, passphrase);
  sanityCheck(equalBytes(await openKeyFile(file, passphrase), secret), "openKeyFile");
  const password = utf8ToBytes(passphrase);
  const salt = randomBytes(16);
  const derivations = quick ? 3 : 5;
  // A derivation takes about half a second: a fixed few of them (after one warm-up call each), not a time budget.
  await measure({
    name: `key file open (scrypt N=2^${logN}, r=${r}, p=${p})`,
    unit: "ms",
    ours: () => openKeyFile(file, passphrase),
    baselines: [{ name: "@noble/hashes scrypt", fn: () => scrypt(password, salt, { N: 2 ** logN, r, p, dkLen: 32 }) }],
    plan: { budgetMs: 0, warmupMs: 0, minSamples: derivations, maxSamples: derivations },
  });
}

/** @param {{quick: boolean, measure: (spec: object) => Promise<unknown>}} ctx */
export async function run({ quick, measure }) {
  await envelopes(measure);
  await signatures(measure);
  await keyFile(measure, quick);
}
