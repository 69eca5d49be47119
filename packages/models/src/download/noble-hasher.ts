import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex } from "@noble/hashes/utils.js";
import type { Hasher } from "../spec/hasher";

/** SHA-256 in pure JavaScript (@noble/hashes), streaming: for files too large to hold for WebCrypto. */
export function nobleSha256(): Hasher {
  const h = sha256.create();
  return {
    update: (bytes) => {
      h.update(bytes);
    },
    digestHex: () => bytesToHex(h.digest()),
  };
}
