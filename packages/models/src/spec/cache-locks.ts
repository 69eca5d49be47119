/**
 * Named exclusive locks for a cache: across tabs and workers of one origin in browsers (the Web Locks API), within
 * one process elsewhere. Two pulls of one model wait for each other instead of writing the same partial file.
 */
export interface CacheLocks {
  /** Runs `fn` holding the lock `name`, waiting for it first; rejects with AbortedError if `signal` fires meanwhile. */
  run<T>(name: string, fn: () => Promise<T>, signal?: AbortSignal): Promise<T>;
  /** Whether anyone holds `name` now. */
  held(name: string): Promise<boolean>;
}
