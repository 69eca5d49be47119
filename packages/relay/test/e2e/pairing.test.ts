// A new device joins by pairing (code, enroll, join, matching short authentication strings) and catches up; a
// device nobody enrolled can neither append nor read.
import { encodeChangePayload, encodeWireEntry, MemoryStorage, RelayApi, type SyncError, sealEntry } from "@hearth/sync";
import { generateDeviceIdentity, KeyRing } from "@hearth/transport";
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
} from "./sync-harness";

let relay: RelayProcess;
beforeAll(async () => {
  relay = await startRelayProcess({ args: ["--rate", "0"] });
});
afterAll(async () => {
  await relay?.stop();
  cleanUp();
});

describe("pairing a new device", () => {
  it("joins with matching short authentication strings and catches up on every document", async () => {
    const aDevice = await founder(relay.url);
    const a = await openClient(relay.url, aDevice);
    for (const id of ["inbox", "calendar", "notes"]) {
      const handle = await a.document<{ entries: string[] }>(id);
      await handle.change((d) => {
        d.entries = [];
      });
      for (let i = 0; i < 10; i++) {
        await handle.change((d) => {
          d.entries.push(`${id} ${i}`);
        });
      }
    }
    await a.syncNow();

    const { device, enrollerSas, joinerSas, enrollerId } = await pairNewDevice(relay.url, a);
    expect(joinerSas).toMatch(/^\d{3} \d{3}$/);
    expect(joinerSas).toBe(enrollerSas);
    expect(enrollerId).toBe(aDevice.identity.deviceId);
    expect(device.spaceId).toBe(aDevice.spaceId);
    expect(device.keyRing.spaceKey(0)).toEqual(aDevice.keyRing.spaceKey(0));

    const b = await openClient(relay.url, device);
    await b.syncNow();
    expect(b.documentIds()).toEqual(["calendar", "inbox", "notes"]);
    for (const id of b.documentIds()) {
      expect(plain(await b.document(id))).toEqual(plain(await a.document(id)));
    }
    expect(b.stats.entriesApplied).toBeGreaterThanOrEqual(3);

    // And it writes back.
    const inboxB = await b.document<{ entries: string[] }>("inbox");
    await inboxB.change((d) => {
      d.entries.push("from the new device");
    });
    await syncAll([b, a]);
    expect((await a.document<{ entries: string[] }>("inbox")).doc().entries.at(-1)).toBe("from the new device");
    await Promise.all([a.close(), b.close()]);
  });

  it("refuses a device nobody enrolled: it can neither append nor read (E_FORBIDDEN)", async () => {
    const aDevice = await founder(relay.url);
    const a = await openClient(relay.url, aDevice);
    const secret = await a.document<{ text: string }>("secret");
    await secret.change((d) => {
      d.text = "for enrolled devices only";
    });
    await a.syncNow();

    // The outsider even holds the space key (say it leaked): the relay still refuses it, by its device key.
    const outsider = generateDeviceIdentity();
    const api = new RelayApi(relay.url, outsider);
    await expect(api.fetchEntries(aDevice.spaceId, "secret", 0, 100)).rejects.toMatchObject({ code: "E_FORBIDDEN" });
    await expect(api.docs(aDevice.spaceId)).rejects.toMatchObject({ code: "E_FORBIDDEN" });
    await expect(api.devices(aDevice.spaceId)).rejects.toMatchObject({ code: "E_FORBIDDEN" });
    const forged = sealEntry(
      outsider,
      aDevice.keyRing,
      { documentId: "secret", seq: 1, kind: "change" },
      encodeChangePayload(new Uint8Array()),
    );
    await expect(api.append(aDevice.spaceId, "secret", [encodeWireEntry(forged)])).rejects.toMatchObject({
      code: "E_FORBIDDEN",
    });

    // Its sync client reports the refusal and holds nothing.
    const client = await openClient(relay.url, {
      identity: outsider,
      spaceId: aDevice.spaceId,
      keyRing: KeyRing.fromBytes(aDevice.keyRing.toBytes()),
      storage: new MemoryStorage(),
    });
    const errors: SyncError[] = [];
    client.on("status", (s) => {
      if (s.state === "error") errors.push(s.error);
    });
    await expect(client.syncNow()).rejects.toMatchObject({ code: "E_FORBIDDEN" });
    expect(errors.map((e) => e.code)).toContain("E_FORBIDDEN");
    expect(client.documentIds()).toEqual([]);

    // Nothing it tried reached the log.
    const head = (await new RelayApi(relay.url, aDevice.identity).docs(aDevice.spaceId)).find(
      (d) => d.documentId === "secret",
    );
    expect(head?.head).toBe(1);
    await Promise.all([a.close(), client.close()]);
  });
});
