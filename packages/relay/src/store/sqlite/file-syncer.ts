import { close, fsync, open } from "node:fs";

/**
 * fsyncs one file on libuv's thread pool, so the event loop never waits for the disk. The file is opened at the first
 * sync (SQLite creates its WAL with the first write) and kept open until {@link close}; SQLite only deletes its WAL
 * when its connection closes, after the last sync. On macOS libuv's fsync is `F_FULLFSYNC`, which also flushes the
 * drive's cache, as SQLite's `fullfsync` pragma asks of SQLite's own syncs.
 */
export class FileSyncer {
  readonly #path: string;
  #fd: Promise<number> | undefined;

  constructor(path: string) {
    this.#path = path;
  }

  /** Resolves once everything written to the file so far is on stable storage; rejects with the system error. */
  async sync(): Promise<void> {
    // Read-write, though nothing is written through it: Windows refuses to flush a file opened read-only.
    this.#fd ??= new Promise<number>((resolve, reject) =>
      open(this.#path, "r+", (error, fd) => (error ? reject(error) : resolve(fd))),
    );
    let fd: number;
    try {
      fd = await this.#fd;
    } catch (error) {
      this.#fd = undefined;
      throw error;
    }
    await new Promise<void>((resolve, reject) => fsync(fd, (error) => (error ? reject(error) : resolve())));
  }

  /** Closes the file (when it was ever opened). */
  async close(): Promise<void> {
    const opened = this.#fd;
    this.#fd = undefined;
    const fd = await opened?.catch(() => undefined);
    if (fd === undefined) return;
    await new Promise<void>((resolve) => close(fd, () => resolve()));
  }
}
