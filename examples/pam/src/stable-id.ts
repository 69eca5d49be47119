import { fnv1a32 } from "@hearth/zoo";

/**
 * A short id that is the same on every device for the same input (two FNV-1a passes, 64 bits), so importing a
 * message twice, or on two devices, lands on one record instead of two.
 */
export function stableId(prefix: string, key: string): string {
  const a = fnv1a32(key).toString(16).padStart(8, "0");
  const b = fnv1a32(`${key.length}:${[...key].reverse().join("")}`)
    .toString(16)
    .padStart(8, "0");
  return `${prefix}${a}${b}`;
}
