import { StorageError } from "../errors/storage-error";
import type { StorageKey } from "./storage-adapter";

/** Most segments a key may have, and longest segment in UTF-16 code units. */
export const MAX_KEY_SEGMENTS = 16;
export const MAX_SEGMENT_LENGTH = 256;

/**
 * Throws {@link StorageError} unless `key` is an array of 1..16 non-empty strings of at most 256 characters (0..16
 * segments when `allowEmpty`, for range prefixes). Adapters call it so a bad key fails the same way everywhere.
 */
export function checkStorageKey(key: unknown, allowEmpty = false): StorageKey {
  if (!Array.isArray(key) || key.length > MAX_KEY_SEGMENTS || (!allowEmpty && key.length === 0)) {
    throw new StorageError(`A storage key is an array of 1..${MAX_KEY_SEGMENTS} strings.`);
  }
  for (const segment of key) {
    if (typeof segment !== "string" || segment.length === 0 || segment.length > MAX_SEGMENT_LENGTH) {
      throw new StorageError(`Each storage key segment is a string of 1..${MAX_SEGMENT_LENGTH} characters.`);
    }
  }
  return key as StorageKey;
}

/** Whether `key` starts with every segment of `prefix`. */
export function keyStartsWith(key: StorageKey, prefix: StorageKey): boolean {
  return prefix.length <= key.length && prefix.every((segment, i) => key[i] === segment);
}
