import type { Hasher } from "../spec/hasher";

/**
 * Where a download accumulates before it is installed: a `.part` file on Node (kept across runs, so an interrupted
 * pull resumes), memory in browsers. `commit` installs it atomically under its hash; nothing is visible before.
 */
export interface PartialFile {
  /** Bytes already present. */
  size(): Promise<number>;
  /** Feeds the bytes already present into `hasher` (so a resumed download still hashes the whole file). */
  rehash(hasher: Hasher, signal?: AbortSignal): Promise<void>;
  append(chunk: Uint8Array): Promise<void>;
  /** Drops what is present and starts over. */
  reset(): Promise<void>;
  /** Installs the complete, verified bytes. */
  commit(): Promise<void>;
  /** Deletes what is present (bad bytes are never kept). */
  discard(): Promise<void>;
  /** Releases an open handle after a failed attempt (bytes stay for a resume). */
  close?(): Promise<void>;
}
