import { keccak_256 } from "@noble/hashes/sha3.js";
import { utf8ToBytes } from "@noble/hashes/utils.js";

/**
 * Whether a `0x` + 40 hex address is plausible: all one case (no checksum to check), or mixed case matching its
 * EIP-55 checksum. Returns `"checksum"` when the mixed-case checksum verified.
 */
export function eip55Check(address: string): "checksum" | "plain" | "invalid" {
  const hex = address.slice(2);
  if (hex === hex.toLowerCase() || hex === hex.toUpperCase()) return "plain";
  const hash = keccak_256(utf8ToBytes(hex.toLowerCase()));
  for (let i = 0; i < 40; i++) {
    const ch = hex[i]!;
    if (ch >= "0" && ch <= "9") continue;
    const nibble = i % 2 === 0 ? hash[i >> 1]! >> 4 : hash[i >> 1]! & 0xf;
    const upper = ch >= "A" && ch <= "F";
    if (upper !== nibble >= 8) return "invalid";
  }
  return "checksum";
}
