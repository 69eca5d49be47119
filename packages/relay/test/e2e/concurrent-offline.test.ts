// Two and three devices edit the same documents while offline (paused), then come back: every device ends with the
// same documents and no change is lost. Real relay process, real SQLite, real WebSockets.
import type { SyncClient, SyncStatus } from "@hearth/sync";
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

interface Notes {
  title?: string;
  byDevice?: Record<string, number[]>;
  log?: string[];
}

describe("devices editing concurrently while offline", () => {
  it("two devices: paused edits on both sides merge, identical, nothing lost", async () => {
    const a = await openClient(relay.url, await founder(relay.url));
    const statuses: SyncStatus["state"][] = [];
    a.on("status", (s) => statuses.push(s.state));
    const { device: bDevice, enrollerSas, joinerSas } = await pairNewDevice(relay.url, a);
    expect(joinerSas).toBe(enrollerSas);
    const b = await openClient(relay.url, bDevice);

    const notesA = await a.document<Notes>("notes");
    await notesA.change((d) => {
      d.title = "shared";
      d.byDevice = {};
      d.log = [];
    });
    await syncAll([a, b]);
    const notesB = await b.document<Notes>("notes");
    expect(plain(notesB)).toEqual(plain(notesA));
    expect(statuses).toContain("connecting");
    expect(statuses).toContain("syncing");
    expect(statuses).toContain("synced");

    a.pause();
    b.pause();
    await until(() => a.status.state === "offline" && b.status.state === "offline", "both offline");
    for (const [client, handle, name] of [
      [a, notesA, "a"],
      [b, notesB, "b"],
    ] as const) {
      for (let i = 0; i < 30; i++) {
        await handle.change((d) => {
          d.byDevice ??= {};
          d.byDevice[name] ??= [];
          d.byDevice[name]?.push(i);
          d.log?.push(`${name}${i}`);
        });
      }
      const second = await client.document<Notes>(`only-${name}`);
      await second.change((d) => {
        d.title = `written by ${name} offline`;
      });
    }
    a.resume();
    b.resume();
    await syncAll([a, b]);

    expect(plain(notesA)).toEqual(plain(notesB));
    const merged = notesA.doc();
    expect(merged.byDevice?.a).toEqual(Array.from({ length: 30 }, (_, i) => i));
    expect(merged.byDevice?.b).toEqual(Array.from({ length: 30 }, (_, i) => i));
    expect(merged.log).toHaveLength(60);
    expect(new Set(merged.log).size).toBe(60);
    for (const client of [a, b]) {
      expect(client.documentIds()).toEqual(["notes", "only-a", "only-b"]);
      expect((await client.document<Notes>("only-a")).doc().title).toBe("written by a offline");
      expect((await client.document<Notes>("only-b")).doc().title).toBe("written by b offline");
    }
    await Promise.all([a.close(), b.close()]);
  });

  it("three devices: offline edits merge, and live pushes deliver later edits without syncNow", async () => {
    const a = await openClient(relay.url, await founder(relay.url));
    const b = await openClient(relay.url, (await pairNewDevice(relay.url, a)).device);
    const c = await openClient(relay.url, (await pairNewDevice(relay.url, a)).device);
    const clients: SyncClient[] = [a, b, c];
    const handles = await Promise.all(clients.map((client) => client.document<Record<string, number>>("counts")));
    await syncAll(clients);

    for (const client of clients) client.pause();
    await Promise.all(
      handles.map(async (handle, n) => {
        for (let i = 0; i < 20; i++) {
          await handle.change((d) => {
            d[`device${n}-${i}`] = i;
            d.shared = n; // a real conflict: Automerge picks one winner, the same on every device
          });
        }
      }),
    );
    for (const client of clients) client.resume();
    await syncAll(clients);
    const first = plain(handles[0] as (typeof handles)[number]) as Record<string, number>;
    for (const handle of handles) expect(plain(handle)).toEqual(first);
    expect(Object.keys(first)).toHaveLength(61);

    // Now online: a change on one device reaches the others through the live socket alone.
    const sent = a.stats.entriesSent;
    await handles[2]?.change((d) => {
      d.late = 1;
    });
    await until(() => handles[0]?.doc().late === 1 && handles[1]?.doc().late === 1, "the live push", 20_000);
    expect(a.stats.entriesSent).toBe(sent);
    await Promise.all(clients.map((client) => client.close()));
  });
});
