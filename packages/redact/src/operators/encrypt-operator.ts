import { gcmsiv } from "@noble/ciphers/aes.js";
import { utf8ToBytes } from "@noble/hashes/utils.js";
import { DecryptError } from "../errors/decrypt-error";
import { InvalidArgumentError } from "../errors/invalid-argument-error";
import type { Operator } from "./operator";

/** Version byte of an encrypted token's payload. */
export const ENCRYPTED_TOKEN_VERSION = 1;

// AES-GCM-SIV is misuse-resistant: a fixed nonce makes it deterministic (same value, same token) while the type in
// the associated data keeps a PERSON token from decrypting as an EMAIL.
const NONCE = new Uint8Array(12);
const TOKEN = /\[ENC:([A-Z][A-Z0-9_]{0,40}):([A-Za-z0-9_-]{8,8000})\]/g;

function aad(type: string): Uint8Array {
  return utf8ToBytes(`hearth-redact/v${ENCRYPTED_TOKEN_VERSION}:${type}`);
}

function toBase64Url(bytes: Uint8Array): string {
  let s = "";
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(text: string): Uint8Array {
  const s = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  return Uint8Array.from(s, (c) => c.charCodeAt(0));
}

function checkKey(key: Uint8Array): Uint8Array {
  if (key.length !== 32) throw new InvalidArgumentError("The encryption key must be 32 bytes (AES-256).");
  return Uint8Array.from(key);
}

/**
 * Deterministic reversible encryption (AES-256-GCM-SIV): `[ENC:PERSON:base64url]`. Needs no vault: whoever holds
 * the key reverses it with {@link decryptTokens}.
 */
export function encryptOperator(key: Uint8Array): Operator {
  const k = checkKey(key);
  return {
    name: "encrypt",
    apply(e) {
      const sealed = gcmsiv(k, NONCE, aad(e.type)).encrypt(utf8ToBytes(e.text));
      const payload = new Uint8Array(1 + sealed.length);
      payload[0] = ENCRYPTED_TOKEN_VERSION;
      payload.set(sealed, 1);
      return `[ENC:${e.type}:${toBase64Url(payload)}]`;
    },
  };
}

/** Replaces every `[ENC:TYPE:...]` token made with `key` by its plaintext. Throws {@link DecryptError} on tampering. */
export function decryptTokens(text: string, key: Uint8Array): string {
  const k = checkKey(key);
  const decoder = new TextDecoder("utf-8", { fatal: true });
  return text.replace(TOKEN, (_m, type: string, data: string) => {
    let payload: Uint8Array;
    try {
      payload = fromBase64Url(data);
    } catch (cause) {
      throw new DecryptError("An encrypted token is not valid base64url.", { cause });
    }
    if (payload[0] !== ENCRYPTED_TOKEN_VERSION) {
      throw new DecryptError(`Encrypted token version ${payload[0]} is not supported; this version reads 1.`);
    }
    try {
      return decoder.decode(gcmsiv(k, NONCE, aad(type)).decrypt(payload.subarray(1)));
    } catch (cause) {
      throw new DecryptError("An encrypted token did not open: wrong key, or the token was changed.", { cause });
    }
  });
}
