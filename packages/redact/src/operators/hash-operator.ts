import { hmac } from "@noble/hashes/hmac.js";
import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js";
import { InvalidArgumentError } from "../errors/invalid-argument-error";
import { normalizeValue } from "../vault";
import type { Operator } from "./operator";

/**
 * Keyed hash (HMAC-SHA-256, first 8 bytes in hex): `[PERSON:3f2a9c1b0e4d5a6f]`. Stable for a key across texts and
 * devices, one-way, and without the key nobody can test guesses against it.
 */
export function hashOperator(key: Uint8Array): Operator {
  if (key.length < 16) throw new InvalidArgumentError("The hash key must be at least 16 bytes.");
  const k = Uint8Array.from(key);
  return {
    name: "hash",
    apply(e) {
      const mac = hmac(sha256, k, utf8ToBytes(`${e.type}\u0000${normalizeValue(e.type, e.text)}`));
      return `[${e.type}:${bytesToHex(mac.subarray(0, 8))}]`;
    },
  };
}
