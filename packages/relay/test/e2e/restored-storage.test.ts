// A device whose storage is put back to an older copy (same identity) writes entries under sequence numbers the
// relay already holds with other content: the relay answers 409, and the client applies what the relay has and
// renumbers its queue past it. Nothing written by either copy is lost.
import { cpSync } from "node:fs";
import { FileStorage } from "@hearth/sync/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
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
  tempFolder,
  until,
} from "./sync-harness";

let relay: RelayProcess;
beforeAll(async () => {
  relay = await startRelayProcess({ args: ["--rate", "0"] });
});
afterAll(async () => {
  await relay?.stop();
  cleanUp();
});

describe("a device restored from an older copy of its storage", () => {
  it("resolves the 409 by applying the relay's entries and renumbering its queue", async () => {
    const storage = fileStorage();
    const aDevice = await founder(relay.url, storage);
    const a = await openClient(relay.url, aDevice);
    const b = await openClient(relay.url, (await pairNewDevice(relay.url, a)).device);
    const list = await a.document<{ items: string[] }>("list");
    await list.change((d) => {
      d.items = ["one"];
    });
    await a.syncNow();
    await a.close();

    // A copy of the storage as it is now; the device then goes on writing from the original.
    const copy = tempFolder();
    cpSync(storage.directory, copy, { recursive: true });
    const later = await openClient(relay.url, aDevice);
    const laterList = await later.document<{ items: string[] }>("list");
    for (const item of ["two", "three"]) {
      await laterList.change((d) => {
        d.items.push(item);
      });
      await later.flush();
    }
    await later.syncNow();
    await later.close();

    // The old copy comes back and writes under the numbers the relay already gave to "two" and "three".
    const restored = await openClient(relay.url, { ...aDevice, storage: new FileStorage(copy) }, { paused: true });
    const restoredList = await restored.document<{ items: string[] }>("list");
    expect(restoredList.doc().items).toEqual(["one"]);
    await restoredList.change((d) => {
      d.items.push("from the old copy");
    });
    await restored.flush();
    const queued = await new FileStorage(copy).loadRange(["queue", "list"]);
    expect(queued.map((c) => c.key[2])).toEqual(["000000000000002"]);
    restored.resume();
    await restored.syncNow();

    await until(() => relay.logs.some((l) => l.status === 409 && l.code === "E_CONFLICT"), "the relay's 409 log line");
    expect([...restoredList.doc().items].sort()).toEqual(["from the old copy", "one", "three", "two"]);
    expect(await new FileStorage(copy).loadRange(["queue", "list"])).toEqual([]);
    await syncAll([restored, b]);
    const bList = await b.document<{ items: string[] }>("list");
    expect(plain(bList)).toEqual(plain(restoredList));
    await Promise.all([restored.close(), b.close()]);
  });
});
