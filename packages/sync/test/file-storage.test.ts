import { spawn } from "node:child_process";
import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { escapeSegment, FileStorage } from "../src/node";
import { storageContract } from "./helpers/storage-contract";

const dirs: string[] = [];
async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "hearth-file-storage-"));
  dirs.push(dir);
  return dir;
}
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await listFiles(path)));
    else out.push(path);
  }
  return out;
}

describe("FileStorage", () => {
  storageContract(async () => new FileStorage(join(await tempDir(), "space")));

  it("escapes every segment into a name that cannot leave the folder", async () => {
    const root = await tempDir();
    const storage = new FileStorage(join(root, "space"));
    const keys = [[".."], ["..", "..", "escape"], ["/etc/passwd"], ["a/../../b"], ["C:\\x"], [".hidden"], ["x.tmp"]];
    for (const key of keys) await storage.save(key, new Uint8Array([1]));
    expect(await readdir(root)).toEqual(["space"]);
    const files = await listFiles(join(root, "space"));
    expect(files).toHaveLength(keys.length);
    for (const file of files) {
      const relative = file.slice(join(root, "space").length + 1);
      for (const part of relative.split(/[\\/]/))
        expect(part).toMatch(/^([a-z0-9_-]|%[0-9A-F]{2}|%%[0-9a-f]{64})+(\.v)?$/);
    }
    for (const key of keys) expect(await storage.load(key)).toEqual(new Uint8Array([1]));
    expect(escapeSegment("Inbox.2024")).toBe("%49nbox%2E2024");
    expect(escapeSegment("x".repeat(300))).toMatch(/^%%[0-9a-f]{64}$/);
  });

  it("ignores a temp file a crash left behind, keeps the old value, and cleans it up", async () => {
    const dir = join(await tempDir(), "space");
    const first = new FileStorage(dir);
    await first.save(["docs", "inbox"], new Uint8Array([1, 2, 3]));
    // What a process killed between write and rename leaves: a half-written temp file next to the value.
    const temp = join(dir, "docs", ".inbox.v.0123456789abcdef.tmp");
    await writeFile(temp, new Uint8Array([1, 0, 0]));
    const second = new FileStorage(dir);
    expect(await second.load(["docs", "inbox"])).toEqual(new Uint8Array([1, 2, 3]));
    expect(await second.loadRange(["docs"])).toHaveLength(1);
    expect(await readdir(join(dir, "docs"))).toEqual(["inbox.v"]);
  });

  it("refuses a file that is not its format with E_STORAGE instead of returning garbage", async () => {
    const dir = join(await tempDir(), "space");
    const storage = new FileStorage(dir);
    await storage.save(["a"], new Uint8Array([1]));
    await writeFile(join(dir, "a.v"), new Uint8Array([9, 9, 9]));
    await expect(storage.load(["a"])).rejects.toMatchObject({ code: "E_STORAGE" });
    // A file moved under another key's name is caught by the key recorded inside it.
    await storage.save(["b"], new Uint8Array([2]));
    await rm(join(dir, "a.v"));
    const { rename } = await import("node:fs/promises");
    await rename(join(dir, "b.v"), join(dir, "a.v"));
    await expect(storage.load(["a"])).rejects.toMatchObject({ code: "E_STORAGE" });
  });

  it("never leaves a torn value when the writing process is killed mid-save", { timeout: 60_000 }, async () => {
    const dir = join(await tempDir(), "space");
    // The child imports the built package, as an app would; spawned from the package folder so it resolves.
    const script = fileURLToPath(new URL("./helpers/file-storage-writer.mjs", import.meta.url));
    const size = 512 * 1024;
    const seen = new Set<number>();
    for (let round = 0; round < 15; round++) {
      const child = spawn(process.execPath, [script, dir, String(size)], { stdio: ["ignore", "pipe", "pipe"] });
      let stderr = "";
      child.stderr.on("data", (d) => {
        stderr += d;
      });
      // Wait until it has saved a few times, then kill it at a random moment of a later save.
      await new Promise<void>((resolve, reject) => {
        child.stdout.on("data", () => resolve());
        child.on("exit", () => reject(new Error(`writer exited early: ${stderr}`)));
      });
      await new Promise((r) => setTimeout(r, Math.random() * 40));
      const exited = new Promise((r) => child.on("exit", r));
      child.kill("SIGKILL");
      await exited;
      const value = await new FileStorage(dir).load(["state", "value"]);
      expect(value).toBeDefined();
      if (!value) continue;
      expect(value.length).toBe(4 + size);
      const generation = new DataView(value.buffer, value.byteOffset).getUint32(0, false);
      const fill = generation % 256;
      expect(value.subarray(4).every((b) => b === fill)).toBe(true);
      seen.add(generation);
    }
    // The child kept writing across rounds (each round starts from the last value), so every check saw a new value.
    expect(seen.size).toBe(15);
    // Whatever temp files the kills left, the next instance sweeps them on first use.
    await new FileStorage(dir).load(["state", "value"]);
    expect((await listFiles(dir)).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });
});
