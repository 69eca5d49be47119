import { createHash } from "node:crypto";

// Longest escaped name we use as is; longer ones are hashed so a file name stays under the usual 255-byte limit.
const MAX_NAME = 200;

/**
 * The file or folder name of one key segment. Lower-case letters, digits, '-' and '_' stay; every other UTF-8
 * byte becomes %XX (upper-case hex). The result holds no '.', '/', '\\' or upper-case letter outside an escape,
 * so it can never be "." or "..", never leave its folder, never collide with a temp file (those start with '.')
 * and never collide with another segment on a case-insensitive file system. A name that would be longer than
 * 200 bytes becomes "%%" + SHA-256 of the segment; the file itself records its full key.
 */
export function escapeSegment(segment: string): string {
  let out = "";
  for (const byte of new TextEncoder().encode(segment)) {
    const safe = (byte >= 0x61 && byte <= 0x7a) || (byte >= 0x30 && byte <= 0x39) || byte === 0x2d || byte === 0x5f;
    out += safe ? String.fromCharCode(byte) : `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;
  }
  if (out.length <= MAX_NAME) return out;
  return `%%${createHash("sha256").update(segment, "utf8").digest("hex")}`;
}
