// Appends at seqs the relay has compacted away. Compaction keeps no digest per dropped entry, only the highest seq
// dropped per (document, device), so the relay answers such an append as "compacted, mark M" whatever its content;
// the client re-sends the changes above M. A device restored from an older copy of its storage thus loses none of
// its new edits, and a genuine late retry only stores its (already applied) changes once more, under a new seq.
import { cpSync } from "node:fs";
import { RelayApi } from "@hearth/sync";
import { FileStorage } from "@hearth/sync/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  cleanUp,
  type Device,
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
  relay = await startRelayProcess({ args: ["--rate", "0", "--retention-days", "0"] });
});
afterAll(async () => {
  await relay?.stop();
  cleanUp();
});

type List = { items: string[] };

/** Every entry of the document on the relay, as [device, seq, kind]. */
async function relayLog(device: Device, documentId: string): Promise<[string, number, string][]> {
  const api = new RelayApi(relay.url, device.identity);
  const { entries } = await api.fetchEntries(device.spaceId, documentId, 0, 1000);
  return entries.map((e) => [e.deviceId, e.seq, e.kind]);
}

/** Waits until the relay has logged one more compaction than `before`. */
async function compacted(before: number): Promise<void> {
  await until(() => relay.logs.filter((l) => l.msg === "compacted").length > before, "the relay to compact");
}

const compactions = () => relay.logs.filter((l) => l.msg === "compacted").length;

describe("appends at compacted seqs", () => {
  it("a device restored from an older copy re-sends its new edits above the mark: nothing is lost", async () => {
    const storage = fileStorage();
    const aDevice = await founder(relay.url, storage);
    const a = await openClient(relay.url, aDevice);
    const b = await openClient(relay.url, (await pairNewDevice(relay.url, a)).device);
    const list = await a.document<List>("restored");
    await list.change((d) => {
      d.items = ["one"];
    });
    await a.syncNow();
    await a.close();

    // A copy of the storage as it is now; the device goes on from the original, then compacts.
    const copy = tempFolder();
    cpSync(storage.directory, copy, { recursive: true });
    const later = await openClient(relay.url, aDevice);
    const laterList = await later.document<List>("restored");
    for (const item of ["two", "three"]) {
      await laterList.change((d) => {
        d.items.push(item);
      });
      await later.flush();
    }
    await later.syncNow();
    const before = compactions();
    expect(await later.compact("restored")).toEqual({ covers: 3, seq: 4 });
    await later.syncNow();
    await compacted(before);
    await later.close();
    // Seqs 1..3 of this device are gone: only the snapshot (seq 4) is left.
    expect(await relayLog(aDevice, "restored")).toEqual([[aDevice.identity.deviceId, 4, "snapshot"]]);

    // The old copy writes a new edit under seq 2, which the relay compacted away.
    const restored = await openClient(relay.url, { ...aDevice, storage: new FileStorage(copy) }, { paused: true });
    const restoredList = await restored.document<List>("restored");
    await restoredList.change((d) => {
      d.items.push("from the old copy");
    });
    await restored.flush();
    expect((await new FileStorage(copy).loadRange(["queue", "restored"])).map((c) => c.key[2])).toEqual([
      "000000000000002",
    ]);
    const since = relay.logs.length;
    restored.resume();
    await restored.syncNow();
    expect(await new FileStorage(copy).loadRange(["queue", "restored"])).toEqual([]);
    // It went out above the mark (3), after the snapshot, not as a conflict.
    expect(await relayLog(aDevice, "restored")).toEqual([
      [aDevice.identity.deviceId, 4, "snapshot"],
      [aDevice.identity.deviceId, 5, "change"],
    ]);
    // The relay answered the append as compacted; the re-sent seq (4, above the mark) then met this device's own
    // snapshot, a 409 the client resolves by pulling and numbering after it.
    const appends = relay.logs.slice(since).filter((l) => l.method === "POST" && String(l.route).endsWith("/entries"));
    expect(appends.map((l) => [l.status, l.compacted])).toEqual([
      [200, 1],
      [409, undefined],
      [200, undefined],
    ]);

    // The restored device keeps numbering from there, and the other device gets every edit.
    await restoredList.change((d) => {
      d.items.push("and after");
    });
    await syncAll([restored, b]);
    const bList = await b.document<List>("restored");
    expect([...bList.doc().items].sort()).toEqual(["and after", "from the old copy", "one", "three", "two"]);
    expect(plain(bList)).toEqual(plain(restoredList));
    expect((await relayLog(aDevice, "restored")).map(([, seq]) => seq)).toEqual([4, 5, 6]);
    await Promise.all([restored.close(), b.close()]);
  });

  it("a genuine retry of a compacted entry is not stored again under its seq, and the devices converge", async () => {
    const storage = fileStorage();
    const aDevice = await founder(relay.url, storage);
    const a = await openClient(relay.url, aDevice, { paused: true });
    const list = await a.document<List>("retried");
    await list.change((d) => {
      d.items = ["once"];
    });
    await a.flush();
    // A copy taken while seq 1 is queued: its queue holds the very entry (same envelope) the device then sends.
    const copy = tempFolder();
    cpSync(storage.directory, copy, { recursive: true });
    a.resume();
    await a.syncNow();
    await list.change((d) => {
      d.items.push("twice");
    });
    await a.syncNow();
    const before = compactions();
    expect(await a.compact("retried")).toEqual({ covers: 2, seq: 3 });
    await a.syncNow();
    await compacted(before);
    await a.close();

    // The copy comes back and retries seq 1 byte for byte: the relay cannot tell it from new content, so the
    // changes go out once more above the mark, and Automerge applies them once.
    const queued = await new FileStorage(copy).loadRange(["queue", "retried"]);
    expect(queued.map((c) => c.key[2])).toEqual(["000000000000001"]);
    const restored = await openClient(relay.url, { ...aDevice, storage: new FileStorage(copy) });
    await restored.syncNow();
    expect(await new FileStorage(copy).loadRange(["queue", "retried"])).toEqual([]);
    const log = await relayLog(aDevice, "retried");
    expect(log).toEqual([
      [aDevice.identity.deviceId, 3, "snapshot"],
      [aDevice.identity.deviceId, 4, "change"],
    ]);
    expect(log.some(([, seq]) => seq === 1)).toBe(false);

    const c = await openClient(relay.url, (await pairNewDevice(relay.url, restored)).device);
    await syncAll([restored, c]);
    const restoredList = await restored.document<List>("retried");
    const cList = await c.document<List>("retried");
    expect(restoredList.doc().items).toEqual(["once", "twice"]);
    expect(plain(cList)).toEqual(plain(restoredList));
    await Promise.all([restored.close(), c.close()]);
  });
});
