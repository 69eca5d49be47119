import { closeSync, existsSync, openSync, readFileSync, rmSync, statSync, utimesSync, writeSync } from "node:fs";
import { hostname } from "node:os";
import { sleep } from "../download/backoff";
import { LockError } from "../errors/lock-error";

/** Options of {@link acquireLock}. */
export interface LockOptions {
  /** Give up after this long (default 10 minutes: another process may be downloading a large model). */
  readonly timeoutMs?: number;
  /** A lock whose holder has not refreshed it for this long is taken over (default 60 s; holders refresh every third). */
  readonly staleMs?: number;
  readonly signal?: AbortSignal;
}

/** A held lock; `release` is idempotent. */
export interface HeldLock {
  release(): void;
}

interface LockBody {
  pid: number;
  host: string;
  time: number;
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Whether the lock at `path` was left by a dead process on this host, or not refreshed within `staleMs`. */
function isStale(path: string, staleMs: number): boolean {
  try {
    const age = Date.now() - statSync(path).mtimeMs;
    if (age > staleMs) return true;
    const body = JSON.parse(readFileSync(path, "utf8")) as LockBody;
    return body.host === hostname() && typeof body.pid === "number" && !pidAlive(body.pid);
  } catch {
    // Unreadable: a holder mid-write (young) is not stale; the mtime check above covers abandoned ones.
    return false;
  }
}

/** Whether some live holder has the lock at `path` now (it exists and is not stale). */
export function lockHeld(path: string, staleMs = 60_000): boolean {
  return existsSync(path) && !isStale(path, staleMs);
}

/**
 * A cross-process lock: a file created with O_EXCL holding the owner's pid, host and time. The holder touches it
 * periodically; a lock whose owner died (same host, pid gone) or that went untouched past `staleMs` is taken over.
 */
export async function acquireLock(path: string, options: LockOptions = {}): Promise<HeldLock> {
  const timeoutMs = options.timeoutMs ?? 600_000;
  const staleMs = options.staleMs ?? 60_000;
  const deadline = Date.now() + timeoutMs;
  let wait = 20;
  for (;;) {
    try {
      const fd = openSync(path, "wx");
      try {
        writeSync(fd, JSON.stringify({ pid: process.pid, host: hostname(), time: Date.now() } satisfies LockBody));
      } finally {
        closeSync(fd);
      }
      return held(path, staleMs);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
    }
    if (isStale(path, staleMs)) {
      // Rename-then-remove would be safer against two takers, but both would then race on O_EXCL anyway: only one wins.
      rmSync(path, { force: true });
      continue;
    }
    if (Date.now() > deadline) {
      throw new LockError(
        `Another process has held ${path} for over ${Math.round(timeoutMs / 1000)} s. If none is running, delete the file.`,
      );
    }
    await sleep(wait, options.signal);
    wait = Math.min(wait * 2, 250);
  }
}

function held(path: string, staleMs: number): HeldLock {
  const beat = setInterval(
    () => {
      try {
        const now = new Date();
        utimesSync(path, now, now);
      } catch {
        // Taken over after a long pause (a suspended laptop): the release below is then a no-op on someone else's lock.
      }
    },
    Math.max(100, Math.floor(staleMs / 3)),
  );
  beat.unref();
  let released = false;
  return {
    release() {
      if (released) return;
      released = true;
      clearInterval(beat);
      try {
        const body = JSON.parse(readFileSync(path, "utf8")) as LockBody;
        if (body.pid === process.pid && body.host === hostname()) rmSync(path, { force: true });
      } catch {
        // Already gone.
      }
    },
  };
}
