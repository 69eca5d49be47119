import { createReadStream } from "node:fs";
import { copyFile, type FileHandle, link, mkdir, open, rename, rm, stat } from "node:fs/promises";
import { dirname } from "node:path";
import type { PartialFile } from "../download/partial-file";

/**
 * A download in progress as `tmp` on disk: appended to as bytes arrive, kept across runs for resuming, renamed to
 * `dest` when verified (rename is atomic within one file system, so `dest` is either absent or complete).
 */
export function filePartial(tmp: string, dest: string): PartialFile {
  let handle: FileHandle | undefined;
  // Network chunks are small (16-64 KiB): they are written in batches of 1 MiB, and one batch is written while the
  // next arrives (awaiting each write would leave the socket unread meanwhile, and the sender throttled).
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  let inflight: Promise<void> | undefined;
  const write = async (batch: Uint8Array[]) => {
    if (!handle) {
      await mkdir(dirname(tmp), { recursive: true });
      handle = await open(tmp, "a");
    }
    await handle.writev(batch);
  };
  /** Waits for the batch being written; its failure surfaces here. */
  const settle = async () => {
    const p = inflight;
    inflight = undefined;
    await p;
  };
  const startBatch = () => {
    const batch = pending;
    pending = [];
    pendingBytes = 0;
    const p = write(batch);
    // Awaited by the next settle(); until then a failure must not count as unhandled.
    p.catch(() => {});
    inflight = p;
  };
  const flush = async () => {
    await settle();
    if (pendingBytes === 0) return;
    startBatch();
    await settle();
  };
  const close = async () => {
    try {
      await flush();
    } finally {
      const h = handle;
      handle = undefined;
      await h?.close();
    }
  };
  return {
    async size() {
      await settle();
      try {
        return (await stat(tmp)).size + pendingBytes;
      } catch {
        return 0;
      }
    },
    async rehash(hasher, signal) {
      const stream = createReadStream(tmp, { highWaterMark: 1 << 20, ...(signal ? { signal } : {}) });
      for await (const chunk of stream) hasher.update(chunk as Buffer);
    },
    async append(chunk) {
      // Chunks from fetch and fs streams are fresh buffers, so holding on to them until the flush is safe.
      pending.push(chunk);
      pendingBytes += chunk.byteLength;
      if (pendingBytes >= 1 << 20) {
        await settle();
        startBatch();
      }
    },
    async reset() {
      pending = [];
      pendingBytes = 0;
      await settle().catch(() => {});
      await close();
      await mkdir(dirname(tmp), { recursive: true });
      await rm(tmp, { force: true });
    },
    async commit() {
      await flush();
      // Durable before visible: a crash right after the rename must not leave a short file under a valid name.
      if (!handle) handle = await open(tmp, "r+");
      await handle.sync();
      await close();
      await mkdir(dirname(dest), { recursive: true });
      await rename(tmp, dest);
    },
    async discard() {
      pending = [];
      pendingBytes = 0;
      await settle().catch(() => {});
      await close();
      await rm(tmp, { force: true });
    },
    close,
  };
}

/** Hard-links `from` to `to` (replacing `to`), or copies where the file system has no hard links. */
export async function linkOrCopy(from: string, to: string): Promise<void> {
  await mkdir(dirname(to), { recursive: true });
  await rm(to, { force: true });
  try {
    await link(from, to);
  } catch {
    await copyFile(from, to);
  }
}
