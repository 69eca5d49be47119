// Removing a device rotates the key epoch: the removed device is refused (403) and cannot open what is written
// afterwards, while the remaining devices pick up the new epoch and carry on.
import { openEntry, RelayApi, type SyncStatus } from "@hearth/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  cleanUp,
  founder,
  openClient,
  pairNewDevice,
  plain,
  type RelayProcess,
  startRelayProcess,
  syncAll,
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

describe("removing a device", () => {
  it("rotates the epoch; the removed device gets 403 and cannot read new entries; the others continue", async () => {
    const aDevice = await founder(relay.url);
    const a = await openClient(relay.url, aDevice);
    const bDevice = (await pairNewDevice(relay.url, a)).device;
    const cDevice = (await pairNewDevice(relay.url, a)).device;
    const b = await openClient(relay.url, bDevice);
    const c = await openClient(relay.url, cDevice);
    const cStatuses: SyncStatus[] = [];
    c.on("status", (s) => cStatuses.push(s));
    const notesA = await a.document<{ lines: string[] }>("notes");
    await notesA.change((d) => {
      d.lines = ["before removal"];
    });
    await syncAll([a, b, c]);
    expect((await c.document<{ lines: string[] }>("notes")).doc().lines).toEqual(["before removal"]);

    const { epoch, sharedWith } = await a.removeDevice(cDevice.identity.deviceId);
    expect(epoch).toBe(1);
    expect(sharedWith).toEqual([bDevice.identity.deviceId]);
    expect(a.keyRing.currentEpoch).toBe(1);

    // The removed device is refused from now on, and its client says so.
    await until(
      () => cStatuses.some((s) => s.state === "error" && s.error.code === "E_FORBIDDEN"),
      "C's client to report E_FORBIDDEN after the relay dropped its live connection",
    );
    await expect(c.syncNow()).rejects.toMatchObject({ code: "E_FORBIDDEN" });
    const cApi = new RelayApi(relay.url, cDevice.identity);
    await expect(cApi.fetchEntries(aDevice.spaceId, "notes", 0, 100)).rejects.toMatchObject({ code: "E_FORBIDDEN" });

    // The remaining devices write under the new epoch and read each other.
    await notesA.change((d) => {
      d.lines.push("after removal, from A");
    });
    await a.syncNow();
    const notesB = await b.document<{ lines: string[] }>("notes");
    await b.syncNow();
    expect(b.keyRing.epochs).toEqual([0, 1]);
    expect(notesB.doc().lines).toEqual(["before removal", "after removal, from A"]);
    await notesB.change((d) => {
      d.lines.push("after removal, from B");
    });
    await syncAll([b, a]);
    expect(plain(notesA)).toEqual(plain(notesB));
    expect(notesA.doc().lines).toHaveLength(3);

    // Even given the relay's data (here through B), C's key ring cannot open the new entries; it can the old.
    const { entries } = await new RelayApi(relay.url, bDevice.identity).fetchEntries(aDevice.spaceId, "notes", 0, 100);
    const newer = entries.filter((e) => e.epoch === 1);
    const older = entries.filter((e) => e.epoch === 0);
    expect(newer.length).toBeGreaterThanOrEqual(2);
    expect(older.length).toBeGreaterThanOrEqual(1);
    expect(c.keyRing.epochs).toEqual([0]);
    for (const entry of newer)
      expect(() => openEntry(entry, c.keyRing)).toThrow(expect.objectContaining({ code: "E_EPOCH" }));
    for (const entry of older) expect(() => openEntry(entry, c.keyRing)).not.toThrow();
    // C's copy never saw them.
    expect((await c.document<{ lines: string[] }>("notes")).doc().lines).toEqual(["before removal"]);
    await Promise.all([a.close(), b.close(), c.close()]);
  });
});
