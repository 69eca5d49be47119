// @hearth/transport in the browser against the raw @noble primitives it is built on (the ratio is the cost of our
// format, checks and copies, as on Node), and against WebCrypto where the browser has the same primitive natively:
// Ed25519 sign and verify. WebCrypto has no (X)ChaCha20-Poly1305, so for the envelopes it offers AES-256-GCM: another
// AEAD, an informational baseline for what native code does with the same bytes. Nor has it scrypt (the key file).
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

const SIZES = [64, 1024, 64 * 1024, 1024 * 1024];
// The same promise as on Node: the envelope costs at most 10% over bare XChaCha20-Poly1305 from 1 KiB.
const ENVELOPE_GOAL = { fromBytes: 1024, maxRatio: 1.1 };
const NOBLE_AEAD = "@noble/ciphers xchacha20poly1305";
const WEB_AEAD = "WebCrypto AES-256-GCM (native, another AEAD)";
// PKCS #8 wraps a raw 32-byte Ed25519 seed in this fixed DER prefix (RFC 8410), which is how WebCrypto imports it.
const PKCS8_ED25519_PREFIX = Uint8Array.from([
  0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20,
]);

function formatSize(bytes) {
  if (bytes >= 1024 * 1024) return `${bytes / (1024 * 1024)} MiB`;
  if (bytes >= 1024) return `${bytes / 1024} KiB`;
  return `${bytes} B`;
}

function sanityCheck(ok, what) {
  if (!ok) throw new Error(`crypto suite (web): ${what} gave a wrong result; the measure would be meaningless.`);
}

// getRandomValues gives at most 64 KiB a call.
function randomPlaintext(size) {
  const out = new Uint8Array(size);
  for (let i = 0; i < size; i += 65536) crypto.getRandomValues(out.subarray(i, Math.min(size, i + 65536)));
  return out;
}

function entryContext() {
  return encodeEntryContext({ documentId: "inbox", deviceId: "0f".repeat(16), seq: 1, epoch: 0, kind: "change" });
}

async function envelopes(measure) {
  const key = randomBytes(32);
  const context = entryContext();
  const aad = randomBytes(ENVELOPE_HEADER_BYTES + context.length);
  const aesKey = await crypto.subtle.importKey("raw", key, "AES-GCM", false, ["encrypt", "decrypt"]);
  const aes = (iv) => ({ name: "AES-GCM", iv, additionalData: aad });
  for (const size of SIZES) {
    const plaintext = randomPlaintext(size);
    const goal = size >= ENVELOPE_GOAL.fromBytes ? { maxRatio: ENVELOPE_GOAL.maxRatio } : {};
    await measure({
      name: `envelope seal ${formatSize(size)}`,
      unit: "us",
      bytes: size,
      ours: () => sealEnvelope(key, plaintext, { epoch: 0, context, pad: false }),
      baselines: [
        { name: NOBLE_AEAD, fn: () => xchacha20poly1305(key, randomBytes(24), aad).encrypt(plaintext), ...goal },
        { name: WEB_AEAD, fn: () => crypto.subtle.encrypt(aes(randomBytes(12)), aesKey, plaintext) },
      ],
    });

    const envelope = sealEnvelope(key, plaintext, { epoch: 0, context, pad: false });
    const xNonce = randomBytes(24);
    const xSealed = xchacha20poly1305(key, xNonce, aad).encrypt(plaintext);
    const iv = randomBytes(12);
    const aesSealed = await crypto.subtle.encrypt(aes(iv), aesKey, plaintext);
    sanityCheck(equalBytes(openEnvelope(key, envelope, context), plaintext), "openEnvelope");
    sanityCheck(equalBytes(xchacha20poly1305(key, xNonce, aad).decrypt(xSealed), plaintext), "xchacha20poly1305");
    const aesOpened = new Uint8Array(await crypto.subtle.decrypt(aes(iv), aesKey, aesSealed));
    sanityCheck(equalBytes(aesOpened, plaintext), "WebCrypto AES-GCM");
    await measure({
      name: `envelope open ${formatSize(size)}`,
      unit: "us",
      bytes: size,
      ours: () => openEnvelope(key, envelope, context),
      baselines: [
        { name: NOBLE_AEAD, fn: () => xchacha20poly1305(key, xNonce, aad).decrypt(xSealed), ...goal },
        { name: WEB_AEAD, fn: () => crypto.subtle.decrypt(aes(iv), aesKey, aesSealed) },
      ],
    });
  }
}

/** The same Ed25519 key in WebCrypto, or the reason this browser has none (Ed25519 shipped in Chromium 137). */
async function webCryptoEd25519(secretKey, publicKey) {
  try {
    const pkcs8 = new Uint8Array(PKCS8_ED25519_PREFIX.length + 32);
    pkcs8.set(PKCS8_ED25519_PREFIX);
    pkcs8.set(secretKey, PKCS8_ED25519_PREFIX.length);
    const sign = await crypto.subtle.importKey("pkcs8", pkcs8, "Ed25519", false, ["sign"]);
    const verify = await crypto.subtle.importKey("raw", publicKey, "Ed25519", false, ["verify"]);
    return { sign, verify };
  } catch (error) {
    return { missing: String(error) };
  }
}

async function signatures(measure, note) {
  const { secretKey, publicKey } = generateEd25519KeyPair();
  const context = entryContext();
  const envelope = sealEnvelope(randomBytes(32), randomBytes(1024 - ENVELOPE_OVERHEAD), { context });
  const web = await webCryptoEd25519(secretKey, publicKey);
  if (web.missing) note(`WebCrypto has no Ed25519 in this browser (${web.missing}): signatures have @noble only.`);
  const webSign = () => crypto.subtle.sign("Ed25519", web.sign, envelope);
  if (!web.missing) {
    // Ed25519 is deterministic: the same key must give @noble's very signature.
    const webSignature = new Uint8Array(await webSign());
    sanityCheck(equalBytes(webSignature, ed25519.sign(envelope, secretKey)), "WebCrypto Ed25519 sign");
  }
  await measure({
    name: "ed25519 sign 1 KiB envelope",
    unit: "us",
    ours: () => signEnvelope(secretKey, envelope, context),
    baselines: [
      { name: "@noble/curves ed25519.sign", fn: () => ed25519.sign(envelope, secretKey) },
      ...(web.missing ? [] : [{ name: "WebCrypto Ed25519 sign (native)", fn: webSign }]),
    ],
  });

  const signature = signEnvelope(secretKey, envelope, context);
  const rawSignature = ed25519.sign(envelope, secretKey);
  verifyEnvelope(publicKey, envelope, context, signature);
  const strict = { zip215: false };
  sanityCheck(ed25519.verify(rawSignature, envelope, publicKey, strict), "ed25519.verify");
  const webVerify = () => crypto.subtle.verify("Ed25519", web.verify, rawSignature, envelope);
  if (!web.missing) sanityCheck(await webVerify(), "WebCrypto Ed25519 verify");
  await measure({
    name: "ed25519 verify 1 KiB envelope",
    unit: "us",
    ours: () => verifyEnvelope(publicKey, envelope, context, signature),
    baselines: [
      { name: "@noble/curves ed25519.verify", fn: () => ed25519.verify(rawSignature, envelope, publicKey, strict) },
      ...(web.missing ? [] : [{ name: "WebCrypto Ed25519 verify (native)", fn: webVerify }]),
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
  const derivations = quick ? 2 : 5;
  await measure({
    name: `key file open (scrypt N=2^${logN}, r=${r}, p=${p})`,
    unit: "ms",
    ours: () => openKeyFile(file, passphrase),
    baselines: [{ name: "@noble/hashes scrypt", fn: () => scrypt(password, salt, { N: 2 ** logN, r, p, dkLen: 32 }) }],
    plan: { budgetMs: 0, warmupMs: 0, minSamples: derivations, maxSamples: derivations },
  });
}

export async function run({ quick, measure, note }) {
  await envelopes(measure);
  await signatures(measure, note);
  await keyFile(measure, quick);
}
