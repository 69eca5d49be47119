// The offline queue survives a restart of the client (a new client object on the same storage) while the relay is
// down, and flushes by itself when the relay comes back on the same data directory.
import { MemoryStorage } from "@hearth/sync";
import { FileStorage } from "@hearth/sync/node";
import { afterAll, describe, expect, it } from "vitest";
import {
  cleanUp,
  fileStorage,
  founder,
  openClient,
  pairNewDevice,
  plain,
  type RelayProcess,
  startRelayProcess,
  syncAll,
  until,
} from "./sync-harness";

const relays: RelayProcess[] = [];
afterAll(async () => {
  for (const relay of relays) await relay.kill("SIGKILL");
  cleanUp();
});

describe("offline queue across restarts", () => {
  it("keeps queued entries through a client restart and sends them when the relay returns", async () => {
    const first = await startRelayProcess({ args: ["--rate", "0"] });
    relays.push(first);
    const storage = fileStorage();
    const aDevice = await founder(first.url, storage);
    const a = await openClient(first.url, aDevice);
    const { device: bDevice } = await pairNewDevice(first.url, a, new MemoryStorage());
    const b = await openClient(first.url, bDevice);
    const listA = await a.document<{ items: string[] }>("list");
    await listA.change((d) => {
      d.items = ["before"];
    });
    await syncAll([a, b]);

    // The relay goes away; A keeps editing, then the app restarts (a new client on the same folder).
    await first.stop();
    await until(() => a.status.state === "offline", "A noticing the relay is gone");
    for (let i = 0; i < 5; i++) {
      await listA.change((d) => {
        d.items.push(`offline ${i}`);
      });
    }
    await expect(a.syncNow()).rejects.toMatchObject({ code: "E_OFFLINE" });
    await a.close();

    const restarted = await openClient(first.url, { ...aDevice, storage: new FileStorage(storage.directory) });
    const listA2 = await restarted.document<{ items: string[] }>("list");
    expect(listA2.doc().items).toEqual(["before", "offline 0", "offline 1", "offline 2", "offline 3", "offline 4"]);
    // What the first client queued while the relay was down, still there after its restart.
    const queued = await storage.loadRange(["queue", "list"]);
    expect(queued.length).toBeGreaterThanOrEqual(1);
    await listA2.change((d) => {
      d.items.push("after restart");
    });
    await restarted.flush();
    expect(await storage.loadRange(["queue", "list"])).toHaveLength(queued.length + 1);

    // Same data directory and port: the clients reconnect on their own (backoff) and the queue drains.
    const second = await startRelayProcess({
      dataDir: first.dataDir,
      args: ["--rate", "0", "--port", String(first.port)],
    });
    relays.push(second);
    expect(second.port).toBe(first.port);
    const listB = await b.document<{ items: string[] }>("list");
    await until(
      async () =>
        restarted.stats.entriesSent >= queued.length + 1 &&
        (await storage.loadRange(["queue", "list"])).length === 0 &&
        listB.doc().items.length === 7,
      "the restarted client to send its queue and B to receive it",
      30_000,
    );
    expect(plain(listB)).toEqual(plain(listA2));
    expect(listB.doc().items.at(-1)).toBe("after restart");
    await Promise.all([restarted.close(), b.close()]);
    await second.stop();
  });
});
