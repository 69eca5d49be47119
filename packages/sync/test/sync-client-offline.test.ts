// The client with no relay: local persistence, the offline queue across restarts, and the sealed key ring.
import { cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generateDeviceIdentity, KeyRing } from "@hearth/transport";
import { afterAll, describe, expect, it } from "vitest";
import { decodeQueueRecord } from "../src/client/queue-record";
import { MemoryStorage, type SyncStatus } from "../src/index";
import { FileStorage } from "../src/node";
import { offlineClient } from "./helpers/offline-client";

const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});
async function fileStorage(): Promise<FileStorage> {
  const dir = await mkdtemp(join(tmpdir(), "hearth-client-"));
  dirs.push(dir);
  return new FileStorage(dir);
}

describe("SyncClient offline", () => {
  it("keeps changes and the offline queue across a restart on the same storage", async () => {
    const storage = await fileStorage();
    const identity = generateDeviceIdentity();
    const keyRing = KeyRing.create();
    const first = await offlineClient({ storage, identity, keyRing });
    const todo = await first.document<{ items: string[] }>("todo");
    await todo.change((d) => {
      d.items = ["a"];
    });
    await todo.change((d) => {
      d.items.push("b");
    });
    await first.close();

    const queued = (await storage.loadRange(["queue", "todo"])).map((c) => decodeQueueRecord(c.data));
    expect(queued.length).toBeGreaterThanOrEqual(1);
    expect(queued.every((r) => r.entry.deviceId === identity.deviceId && r.entry.documentId === "todo")).toBe(true);
    // Sealed: the plaintext is not in the queue.
    const raw = new TextDecoder().decode((await storage.loadRange(["queue"]))[0]?.data);
    expect(raw).not.toContain('"a"');

    const second = await offlineClient({ storage: new FileStorage(storage.directory), identity });
    expect(second.documentIds()).toEqual(["todo"]);
    const again = await second.document<{ items: string[] }>("todo");
    expect(again.doc().items).toEqual(["a", "b"]);
    await again.change((d) => {
      d.items.push("c");
    });
    await second.close();
    const all = (await storage.loadRange(["queue", "todo"])).map((c) => decodeQueueRecord(c.data).entry.seq).sort();
    expect(all).toEqual(Array.from({ length: all.length }, (_, i) => i + 1));
    expect(all.length).toBe(queued.length + 1);
  });

  it("queues, when a document loads, changes it stored but never sealed into the queue (the app went away)", async () => {
    const storage = await fileStorage();
    const identity = generateDeviceIdentity();
    const keyRing = KeyRing.create();
    // A batch delay far longer than the test: the change is stored, but this client never seals it into the queue.
    const first = await offlineClient({ storage, identity, keyRing, batchDelayMs: 600_000 });
    const todo = await first.document<{ items: string[] }>("todo");
    await todo.change((d) => {
      d.items = ["stored, not queued"];
    });
    const left = await fileStorage();
    await cp(storage.directory, left.directory, { recursive: true });
    await first.close();
    expect(await left.loadRange(["queue", "todo"])).toEqual([]);

    const second = await offlineClient({ storage: new FileStorage(left.directory), identity });
    const again = await second.document<{ items: string[] }>("todo");
    expect(again.doc().items).toEqual(["stored, not queued"]);
    await second.flush();
    const queued = (await left.loadRange(["queue", "todo"])).map((c) => decodeQueueRecord(c.data));
    expect(queued.map((r) => r.entry.seq)).toEqual([1]);
    await second.close();
  });

  it("resolves change() only once the change is in storage", async () => {
    const storage = new MemoryStorage();
    const identity = generateDeviceIdentity();
    const client = await offlineClient({ storage, identity });
    const doc = await client.document<{ n: number }>("d");
    await doc.change((d) => {
      d.n = 1;
    });
    // Read the storage as a second process would: the change is already there, before any batching timer.
    const reopened = await offlineClient({ storage, identity });
    expect((await reopened.document<{ n: number }>("d")).doc().n).toBe(1);
    await Promise.all([client.close(), reopened.close()]);
  });

  it("reports local and remote changes to listeners and says it is offline while paused", async () => {
    const client = await offlineClient();
    const statuses: SyncStatus[] = [];
    client.on("status", (s) => statuses.push(s));
    const doc = await client.document<{ n: number }>("d");
    const seen: string[] = [];
    const stop = doc.on("change", (e) => seen.push(`${e.source}:${e.doc.n}`));
    await doc.change((d) => {
      d.n = 1;
    });
    stop();
    await doc.change((d) => {
      d.n = 2;
    });
    expect(seen).toEqual(["local:1"]);
    expect(client.status.state).toBe("offline");
    await expect(client.syncNow()).rejects.toMatchObject({ code: "E_OFFLINE" });
    await client.close();
    await expect(client.document("d")).rejects.toMatchObject({ code: "E_OFFLINE" });
  });

  it("stores the key ring sealed and refuses storage of another space, device or local key", async () => {
    const storage = new MemoryStorage();
    const identity = generateDeviceIdentity();
    const keyRing = KeyRing.create();
    const localKey = new Uint8Array(32).fill(7);
    const client = await offlineClient({ storage, identity, keyRing, localKey });
    await client.close();
    const stored = await storage.load(["keyring"]);
    const key = keyRing.spaceKey(0);
    const contains = (hay: Uint8Array, needle: Uint8Array) =>
      hay.some((_, i) => needle.every((b, j) => hay[i + j] === b));
    expect(stored && contains(stored, key)).toBe(false);

    // Reopened without passing the ring: it comes from storage.
    const again = await offlineClient({ storage, identity, localKey, keyRing: null });
    expect(again.keyRing.spaceKey(0)).toEqual(key);
    await again.close();

    await expect(offlineClient({ storage, identity, spaceId: "another" })).rejects.toMatchObject({ code: "E_STORAGE" });
    await expect(offlineClient({ storage: new MemoryStorage(), keyRing: null })).rejects.toMatchObject({
      code: "E_STORAGE",
    });
    await expect(offlineClient({ storage })).rejects.toMatchObject({ code: "E_STORAGE" });
    await expect(offlineClient({ storage, identity, localKey: new Uint8Array(32).fill(8) })).rejects.toMatchObject({
      code: "E_STORAGE",
    });
  });

  it("merges the epochs of a ring passed again into the stored one", async () => {
    const storage = new MemoryStorage();
    const identity = generateDeviceIdentity();
    const keyRing = KeyRing.create();
    await (await offlineClient({ storage, identity, keyRing })).close();
    const newer = KeyRing.fromBytes(keyRing.toBytes());
    newer.rotate();
    const client = await offlineClient({ storage, identity, keyRing: newer });
    expect(client.keyRing.epochs).toEqual([0, 1]);
    await client.close();
  });
});
