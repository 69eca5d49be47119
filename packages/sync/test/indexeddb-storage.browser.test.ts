// IndexedDBStorage in real Chromium: the same contract as the other adapters, plus durability across reopening.
import { describe, expect, it } from "vitest";
import { IndexedDBStorage } from "../src/index";
import { storageContract } from "./helpers/storage-contract";

let n = 0;
const fresh = () => new IndexedDBStorage(`hearth-test-${Date.now()}-${n++}`);

describe("IndexedDBStorage", () => {
  it("runs in a real browser", () => {
    expect(navigator.userAgent).toMatch(/Chrome/);
    expect(typeof indexedDB.open).toBe("function");
  });

  storageContract(fresh);

  it("keeps values after the connection is closed and reopened", async () => {
    const storage = fresh();
    await storage.save(["docs", "inbox", "snapshot"], new Uint8Array([9, 8, 7]));
    await storage.close();
    const again = new IndexedDBStorage(storage.databaseName);
    expect(await again.load(["docs", "inbox", "snapshot"])).toEqual(new Uint8Array([9, 8, 7]));
    await again.close();
  });
});

describe("SyncClient in Chromium", () => {
  it("keeps documents and the offline queue in IndexedDB across a reopen", async () => {
    const { generateDeviceIdentity, KeyRing } = await import("@hearth/transport");
    const { SyncClient } = await import("../src/index");
    const storage = fresh();
    const identity = generateDeviceIdentity();
    const options = { relayUrl: "http://127.0.0.1:9", identity, spaceId: "space-1", storage, paused: true };
    const client = await SyncClient.open({ ...options, keyRing: KeyRing.create() });
    const notes = await client.document<{ lines: string[] }>("notes");
    await notes.change((d) => {
      d.lines = ["written in a browser"];
    });
    await client.close();
    expect((await storage.loadRange(["queue", "notes"])).length).toBe(1);

    const again = await SyncClient.open(options);
    expect((await again.document<{ lines: string[] }>("notes")).doc().lines).toEqual(["written in a browser"]);
    await again.close();
    await storage.close();
  });
});
