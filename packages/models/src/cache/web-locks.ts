import { AbortedError } from "../errors/aborted-error";
import { ModelsError } from "../errors/models-error";
import type { CacheLocks } from "../spec/cache-locks";
import { memoryLocks } from "./memory-locks";

/** The part of the Web Locks API these locks use (typed here so the package does not depend on a DOM lib version). */
interface LockManagerLike {
  request<T>(name: string, options: { signal?: AbortSignal }, callback: () => Promise<T>): Promise<T>;
  query(): Promise<{ held?: Array<{ name?: string }> }>;
}

/**
 * Locks shared by every tab and worker of this origin (the Web Locks API), named `${prefix}:${name}`; a lock held by
 * a tab that closes is released by the browser, so no stale lock outlives its holder. Falls back to in-realm locks
 * where the API is missing.
 */
export function webLocks(prefix: string): CacheLocks {
  const manager = (globalThis as { navigator?: { locks?: LockManagerLike } }).navigator?.locks;
  if (!manager) return memoryLocks();
  const full = (name: string) => `${prefix}:${name}`;
  return {
    async run<T>(name: string, fn: () => Promise<T>, signal?: AbortSignal): Promise<T> {
      if (signal?.aborted) throw new AbortedError();
      try {
        return await manager.request(full(name), signal ? { signal } : {}, fn);
      } catch (e) {
        // Aborted while waiting for the lock: the browser rejects with the signal's reason or an AbortError.
        if (signal?.aborted && !(e instanceof ModelsError)) throw new AbortedError(undefined, { cause: e });
        throw e;
      }
    },
    async held(name: string): Promise<boolean> {
      const state = await manager.query();
      return (state.held ?? []).some((l) => l.name === full(name));
    },
  };
}
