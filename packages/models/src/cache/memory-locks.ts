import { AbortedError } from "../errors/aborted-error";
import type { CacheLocks } from "../spec/cache-locks";

/** Locks within this JavaScript realm only: a queue per name. For platforms without the Web Locks API. */
export function memoryLocks(): CacheLocks {
  const tails = new Map<string, Promise<void>>();
  const holders = new Map<string, number>();
  return {
    async run<T>(name: string, fn: () => Promise<T>, signal?: AbortSignal): Promise<T> {
      if (signal?.aborted) throw new AbortedError();
      const before = tails.get(name) ?? Promise.resolve();
      let release = () => {};
      const mine = new Promise<void>((resolve) => {
        release = resolve;
      });
      const tail = before.then(() => mine);
      tails.set(name, tail);
      holders.set(name, (holders.get(name) ?? 0) + 1);
      try {
        await waitFor(before, signal);
        return await fn();
      } finally {
        release();
        const left = (holders.get(name) ?? 1) - 1;
        if (left === 0) holders.delete(name);
        else holders.set(name, left);
        if (tails.get(name) === tail) tails.delete(name);
      }
    },
    async held(name: string): Promise<boolean> {
      return holders.has(name);
    },
  };
}

/** Resolves with `turn`, or rejects with AbortedError as soon as `signal` fires (the queue behind still moves on). */
function waitFor(turn: Promise<void>, signal?: AbortSignal): Promise<void> {
  if (!signal) return turn;
  return new Promise<void>((resolve, reject) => {
    const onAbort = () => reject(new AbortedError());
    if (signal.aborted) return onAbort();
    signal.addEventListener("abort", onAbort, { once: true });
    turn.then(() => {
      signal.removeEventListener("abort", onAbort);
      resolve();
    }, reject);
  });
}
