import { randomBytes } from "node:crypto";
import { mkdir, open, readdir, readFile, rename, rm, unlink } from "node:fs/promises";
import { join, sep } from "node:path";
import { StorageError } from "../errors/storage-error";
import { checkStorageKey, keyStartsWith } from "../storage/check-storage-key";
import type { StorageAdapter, StorageChunk, StorageKey } from "../storage/storage-adapter";
import { escapeSegment } from "./escape-segment";

const FORMAT_VERSION = 1;
// A value's file is its escaped last segment plus this suffix; escaped names hold no '.', so a value file never
// collides with the folder of a longer key sharing the same segment.
const VALUE_SUFFIX = ".v";
const TEMP_SUFFIX = ".tmp";

// Node hands out Buffers; callers get plain Uint8Arrays, as from every other adapter.
const plain = (buffer: Buffer): Uint8Array => new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);

const isMissing = (error: unknown) => (error as NodeJS.ErrnoException | undefined)?.code === "ENOENT";

function encodeFile(key: StorageKey, data: Uint8Array): Uint8Array {
  const keyBytes = new TextEncoder().encode(JSON.stringify(key));
  const out = new Uint8Array(5 + keyBytes.length + data.length);
  out[0] = FORMAT_VERSION;
  new DataView(out.buffer).setUint32(1, keyBytes.length, false);
  out.set(keyBytes, 5);
  out.set(data, 5 + keyBytes.length);
  return out;
}

function decodeFile(file: Uint8Array, where: string): StorageChunk {
  if (file.length < 5 || file[0] !== FORMAT_VERSION) {
    throw new StorageError(`Stored file ${where} is not a version-${FORMAT_VERSION} storage file.`);
  }
  const length = new DataView(file.buffer, file.byteOffset, file.byteLength).getUint32(1, false);
  if (5 + length > file.length) throw new StorageError(`Stored file ${where} is truncated.`);
  let key: unknown;
  try {
    key = JSON.parse(new TextDecoder().decode(file.subarray(5, 5 + length)));
  } catch (cause) {
    throw new StorageError(`Stored file ${where} has a damaged key.`, { cause });
  }
  return { key: checkStorageKey(key), data: file.slice(5 + length) };
}

/**
 * A {@link StorageAdapter} on the file system (Node only: import it from `@hearth/sync/node`). One folder per
 * space and device, given at construction. Each key is one file: segments but the last become sub-folders and
 * every segment is escaped ({@link escapeSegment}), so no key can name a path outside the folder.
 *
 * Writes are atomic and durable: the value goes to a temp file in the same folder, which is fsynced, renamed over
 * the old file, and the folder is fsynced. A crash leaves the old or the new value, never a torn one. Temp files a
 * crash left behind are ignored when reading and deleted the first time the storage is used. Use one instance per
 * folder at a time.
 */
export class FileStorage implements StorageAdapter {
  readonly directory: string;
  readonly #createdDirs = new Set<string>();
  #cleaned: Promise<void> | undefined;

  constructor(directory: string) {
    if (typeof directory !== "string" || directory.length === 0) {
      throw new StorageError("FileStorage needs a folder path.");
    }
    this.directory = directory;
  }

  #paths(key: StorageKey): { dir: string; file: string; name: string } {
    const names = key.map(escapeSegment);
    const name = `${names.pop()}${VALUE_SUFFIX}`;
    const dir = join(this.directory, ...names);
    return { dir, file: join(dir, name), name };
  }

  // Leftover temp files mean an earlier process died mid-save: the renamed-over value is intact, the temp file is
  // garbage. Sweeping once per instance keeps the folder from growing across crashes.
  #ready(): Promise<void> {
    this.#cleaned ??= this.#sweep(this.directory).catch((cause) => {
      this.#cleaned = undefined;
      throw new StorageError(`Could not prepare the storage folder ${this.directory}.`, { cause });
    });
    return this.#cleaned;
  }

  async #sweep(dir: string): Promise<void> {
    let entries: import("node:fs").Dirent[];
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (error) {
      if (isMissing(error)) return;
      throw error;
    }
    for (const entry of entries) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await this.#sweep(path);
      else if (entry.name.startsWith(".") && entry.name.endsWith(TEMP_SUFFIX)) await unlink(path).catch(() => {});
    }
  }

  async #syncDir(dir: string): Promise<void> {
    let handle: import("node:fs/promises").FileHandle | undefined;
    try {
      handle = await open(dir, "r");
      await handle.sync();
    } catch (error) {
      // Windows cannot open a folder to fsync it; NTFS journals the rename itself.
      if (process.platform !== "win32") throw error;
    } finally {
      await handle?.close();
    }
  }

  // Creates the folders of a key one by one, fsyncing each parent, so a new folder's entry is durable too.
  async #makeDirs(dir: string): Promise<void> {
    if (this.#createdDirs.has(dir)) return;
    const parts = dir.slice(this.directory.length).split(/[\\/]/).filter(Boolean);
    let current = this.directory;
    await mkdir(current, { recursive: true });
    for (const part of parts) {
      const next = join(current, part);
      if (!this.#createdDirs.has(next)) {
        try {
          await mkdir(next);
          await this.#syncDir(current);
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
        }
        this.#createdDirs.add(next);
      }
      current = next;
    }
    this.#createdDirs.add(dir);
  }

  async load(key: StorageKey): Promise<Uint8Array | undefined> {
    checkStorageKey(key);
    await this.#ready();
    const { file } = this.#paths(key);
    let bytes: Uint8Array;
    try {
      bytes = plain(await readFile(file));
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw new StorageError("Could not read a stored value.", { cause: error });
    }
    const chunk = decodeFile(bytes, file);
    if (JSON.stringify(chunk.key) !== JSON.stringify(key)) {
      throw new StorageError(`Stored file ${file} belongs to another key.`);
    }
    return chunk.data;
  }

  async save(key: StorageKey, data: Uint8Array): Promise<void> {
    checkStorageKey(key);
    await this.#ready();
    const { dir, file, name } = this.#paths(key);
    const temp = join(dir, `.${name}.${randomBytes(8).toString("hex")}${TEMP_SUFFIX}`);
    try {
      await this.#makeDirs(dir);
      const handle = await open(temp, "w", 0o600);
      try {
        await handle.writeFile(encodeFile(key, data));
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(temp, file);
      await this.#syncDir(dir);
    } catch (cause) {
      await unlink(temp).catch(() => {});
      throw new StorageError("Could not save a value to the storage folder; the old value is intact.", { cause });
    }
  }

  async remove(key: StorageKey): Promise<void> {
    checkStorageKey(key);
    await this.#ready();
    const { dir, file } = this.#paths(key);
    try {
      await unlink(file);
      await this.#syncDir(dir);
    } catch (error) {
      if (!isMissing(error)) throw new StorageError("Could not remove a stored value.", { cause: error });
    }
  }

  async loadRange(prefix: StorageKey): Promise<StorageChunk[]> {
    checkStorageKey(prefix, true);
    await this.#ready();
    const out: StorageChunk[] = [];
    try {
      if (prefix.length > 0) {
        const value = await this.load(prefix);
        if (value) out.push({ key: [...prefix], data: value });
      }
      await this.#collect(join(this.directory, ...prefix.map(escapeSegment)), prefix, out);
    } catch (cause) {
      if (cause instanceof StorageError) throw cause;
      throw new StorageError("Could not read a range of stored values.", { cause });
    }
    return out;
  }

  async #collect(dir: string, prefix: StorageKey, out: StorageChunk[]): Promise<void> {
    let entries: import("node:fs").Dirent[];
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (error) {
      if (isMissing(error)) return;
      throw error;
    }
    for (const entry of entries) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        await this.#collect(path, prefix, out);
      } else if (!entry.name.startsWith(".") && entry.name.endsWith(VALUE_SUFFIX)) {
        let bytes: Uint8Array;
        try {
          bytes = plain(await readFile(path));
        } catch (error) {
          if (isMissing(error)) continue; // removed while we listed
          throw error;
        }
        const chunk = decodeFile(bytes, path);
        if (keyStartsWith(chunk.key, prefix) && chunk.key.length > prefix.length) out.push(chunk);
      }
    }
  }

  async removeRange(prefix: StorageKey): Promise<void> {
    checkStorageKey(prefix, true);
    await this.#ready();
    try {
      if (prefix.length === 0) {
        for (const entry of await readdir(this.directory).catch(() => [] as string[])) {
          await rm(join(this.directory, entry), { recursive: true, force: true });
        }
        await this.#syncDir(this.directory).catch(() => {});
        this.#createdDirs.clear();
        return;
      }
      await this.remove(prefix);
      const folder = join(this.directory, ...prefix.map(escapeSegment));
      await rm(folder, { recursive: true, force: true });
      for (const dir of this.#createdDirs)
        if (dir === folder || dir.startsWith(`${folder}${sep}`)) this.#createdDirs.delete(dir);
      const { dir } = this.#paths(prefix);
      await this.#syncDir(dir).catch((error) => {
        if (!isMissing(error)) throw error;
      });
    } catch (cause) {
      if (cause instanceof StorageError) throw cause;
      throw new StorageError("Could not remove a range of stored values.", { cause });
    }
  }
}
