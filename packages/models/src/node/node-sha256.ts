import { createHash } from "node:crypto";
import type { Hasher } from "../spec/hasher";

/** SHA-256 through node:crypto (OpenSSL, with the CPU's SHA extensions): several times @noble/hashes on Node. */
export function nodeSha256(): Hasher {
  const h = createHash("sha256");
  return {
    update: (bytes) => {
      h.update(bytes);
    },
    digestHex: () => h.digest("hex"),
  };
}
