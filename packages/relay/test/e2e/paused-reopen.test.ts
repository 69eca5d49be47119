// A device pauses, edits, and is reopened from its storage still paused (an app reloaded while paused): on resume,
// what it wrote while paused reaches the other devices, also when the app went away between storing the change and
// sealing it into the offline queue (a browser tab reloaded right after an edit).
import { cpSync } from "node:fs";
import { FileStorage } from "@hearth/sync/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  cleanUp,
  errorsOf,
  fileStorage,
  founder,
  openClient,
  pairNewDevice,
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

describe("edits made while paused, across a reopen from storage", () => {
  it("reach another device once the reopened client resumes", async () => {
    const storage = fileStorage();
    const aDevice = await founder(relay.url, storage);
    const a = await openClient(relay.url, aDevice);
    const b = await openClient(relay.url, (await pairNewDevice(relay.url, a)).device);
    const listA = await a.document<{ items: string[] }>("list");
    await listA.change((d) => {
      d.items = ["before"];
    });
    await syncAll([a, b]);

    a.pause();
    await listA.change((d) => {
      d.items.push("written while paused");
    });
    await a.close();
    expect(await storage.loadRange(["queue", "list"])).toHaveLength(1);

    const reopened = await openClient(
      relay.url,
      { ...aDevice, storage: new FileStorage(storage.directory) },
      {
        paused: true,
      },
    );
    const errors = errorsOf(reopened);
    const reopenedList = await reopened.document<{ items: string[] }>("list");
    expect(reopenedList.doc().items).toEqual(["before", "written while paused"]);
    reopened.resume();
    await reopened.syncNow();
    expect(await storage.loadRange(["queue", "list"])).toEqual([]);

    const listB = await b.document<{ items: string[] }>("list");
    await until(async () => {
      await b.syncNow();
      return listB.doc().items.includes("written while paused");
    }, "B to receive the edit written while paused");
    expect(listB.doc().items).toEqual(["before", "written while paused"]);
    expect(errors).toEqual([]);
    await Promise.all([reopened.close(), b.close()]);
  });

  it("reach another device when the app went away after storing the change but before queueing it", async () => {
    const storage = fileStorage();
    const aDevice = await founder(relay.url, storage);
    // A batch delay far longer than the test: the change is stored, but never sealed into the queue by this client.
    const a = await openClient(relay.url, aDevice, { batchDelayMs: 600_000 });
    const b = await openClient(relay.url, (await pairNewDevice(relay.url, a)).device);
    const listA = await a.document<{ items: string[] }>("list");
    await listA.change((d) => {
      d.items = ["before"];
    });
    await a.flush();
    await syncAll([a, b]);

    a.pause();
    await listA.change((d) => {
      d.items.push("written while paused");
    });
    // The storage as the app left it: the change is in the document's chunks, nothing is queued.
    const left = tempFolder();
    cpSync(storage.directory, left, { recursive: true });
    expect(await new FileStorage(left).loadRange(["queue", "list"])).toEqual([]);
    await a.close();

    const reopened = await openClient(relay.url, { ...aDevice, storage: new FileStorage(left) }, { paused: true });
    const errors = errorsOf(reopened);
    const reopenedList = await reopened.document<{ items: string[] }>("list");
    expect(reopenedList.doc().items).toEqual(["before", "written while paused"]);
    reopened.resume();
    await reopened.syncNow();

    const listB = await b.document<{ items: string[] }>("list");
    await until(
      async () => {
        await b.syncNow();
        return listB.doc().items.includes("written while paused");
      },
      "B to receive the edit stored but not queued before the app went away",
      5_000,
    );
    expect(listB.doc().items).toEqual(["before", "written while paused"]);
    expect(await new FileStorage(left).loadRange(["queue", "list"])).toEqual([]);
    expect(errors).toEqual([]);
    await Promise.all([reopened.close(), b.close()]);
  });
});
