// How a full pass orders its requests against a real relay process: the first page of a document behind the relay
// is requested while the directory and the key grants still load (a new device's catch-up waits on that page most),
// and a pass that fails with such a request in flight fails cleanly. The requests go through a `fetch` that only
// holds answers back; the relay and its database are real.
import { MemoryStorage, type SyncClient } from "@hearth/sync";
import { afterAll, describe, expect, it } from "vitest";
import {
  cleanUp,
  errorsOf,
  founder,
  openClient,
  pairNewDevice,
  plain,
  type RelayProcess,
  startRelayProcess,
} from "./sync-harness";

const relays: RelayProcess[] = [];
const clients: SyncClient[] = [];
afterAll(async () => {
  for (const client of clients) await client.close();
  for (const relay of relays) await relay.kill("SIGKILL");
  cleanUp();
});

const isDirectory = (url: string) => /\/devices$/.test(new URL(url).pathname);
const isGrants = (url: string) => /\/grants$/.test(new URL(url).pathname);
const isEntries = (url: string, method: string) => method === "GET" && /\/entries$/.test(new URL(url).pathname);

/** A promise with its resolver, to release held answers. */
function gate(): { opened: Promise<void>; open: () => void } {
  let open = () => {};
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { opened, open };
}

/** A space with two documents written by a first device, compacted (snapshot) and with a tail after it. */
async function spaceWithHistory(relay: RelayProcess) {
  const device = await founder(relay.url);
  const a = await openClient(relay.url, device, { webSocket: null });
  clients.push(a);
  const notes = await a.document<{ items: string[] }>("notes");
  const tasks = await a.document<{ done: number }>("tasks");
  for (let i = 0; i < 20; i++) {
    await notes.change((d) => {
      d.items ??= [];
      d.items.push(`note ${i}`);
    });
    await tasks.change((d) => {
      d.done = i;
    });
    await a.flush();
  }
  await a.compact("notes");
  await notes.change((d) => {
    d.items.push("after the snapshot");
  });
  await a.syncNow();
  return { a, notes, tasks };
}

describe("a full pass", () => {
  it("requests the first page of a document behind the relay before the directory and the grants answer", {
    timeout: 60_000,
  }, async () => {
    const relay = await startRelayProcess({ args: ["--rate", "0"] });
    relays.push(relay);
    const { a, notes, tasks } = await spaceWithHistory(relay);
    const { device } = await pairNewDevice(relay.url, a);

    // The directory's and the grants' answers wait until an entries request went out (or 10 s, after which the
    // test fails below): a client that fetched entries only after both would sit out the whole wait.
    const entriesSent = gate();
    const order: string[] = [];
    const heldFetch = async (url: string, init: RequestInit) => {
      const method = init.method ?? "GET";
      if (isEntries(url, method)) {
        order.push("entries sent");
        entriesSent.open();
      }
      if (isDirectory(url) || isGrants(url)) {
        await Promise.race([entriesSent.opened, new Promise((r) => setTimeout(r, 10_000))]);
        order.push(isDirectory(url) ? "directory answered" : "grants answered");
      }
      return fetch(url, init);
    };
    const b = await openClient(
      relay.url,
      { ...device, storage: new MemoryStorage() },
      {
        webSocket: null,
        fetch: heldFetch,
      },
    );
    clients.push(b);
    const errors = errorsOf(b);
    const bNotes = await b.document<{ items: string[] }>("notes");
    await b.syncNow();
    const bTasks = await b.document<{ done: number }>("tasks");

    expect(order[0]).toBe("entries sent");
    expect(order).toContain("directory answered");
    expect(order).toContain("grants answered");
    // Both documents (the second one's page was requested while the first was applied) arrived whole.
    expect(plain(bNotes)).toEqual(plain(notes));
    expect(bNotes.doc().items.at(-1)).toBe("after the snapshot");
    expect(plain(bTasks)).toEqual(plain(tasks));
    expect(b.stats.snapshotsApplied).toBe(1);
    expect(b.stats.entriesRejected).toBe(0);
    expect(errors).toEqual([]);
  });

  it("fails cleanly when the directory fails while a page is on its way, and the next pass catches up", {
    timeout: 60_000,
  }, async () => {
    const relay = await startRelayProcess({ args: ["--rate", "0"] });
    relays.push(relay);
    const { a, notes } = await spaceWithHistory(relay);
    const { device } = await pairNewDevice(relay.url, a);

    // First pass: once the prefetched entries request is out, the directory request fails (the network is cut),
    // and the entries request fails only after that, once nobody waits for it any more. Its rejection must not go
    // unhandled (vitest fails the run on one) and must not be mistaken for the next pass's answer.
    let failing = true;
    const entriesSent = gate();
    const directoryFailed = gate();
    const entriesFailed = gate();
    let entriesFailures = 0;
    const flakyFetch = async (url: string, init: RequestInit) => {
      const method = init.method ?? "GET";
      if (failing && isDirectory(url)) {
        await Promise.race([entriesSent.opened, new Promise((r) => setTimeout(r, 10_000))]);
        directoryFailed.open();
        throw new TypeError("fetch failed");
      }
      if (failing && isEntries(url, method)) {
        entriesSent.open();
        await directoryFailed.opened;
        await new Promise((r) => setTimeout(r, 50));
        entriesFailures++;
        entriesFailed.open();
        throw new TypeError("fetch failed");
      }
      return fetch(url, init);
    };
    const b = await openClient(
      relay.url,
      { ...device, storage: new MemoryStorage() },
      { webSocket: null, fetch: flakyFetch, paused: true },
    );
    clients.push(b);
    const bNotes = await b.document<{ items: string[] }>("notes");
    b.resume();
    await expect(b.syncNow()).rejects.toMatchObject({ code: "E_OFFLINE" });
    expect(bNotes.doc().items).toBeUndefined();
    // The page was on its way when the pass failed, and failed after it.
    await Promise.race([entriesFailed.opened, new Promise((r) => setTimeout(r, 10_000))]);
    expect(entriesFailures).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 100)); // a retry of it fails too, while the network is still cut

    failing = false;
    await b.syncNow();
    expect(plain(bNotes)).toEqual(plain(notes));
    expect(b.stats.entriesRejected).toBe(0);
  });

  it("fetches back the entries it pushed in the same pass, so a second pass has nothing to fetch", {
    timeout: 60_000,
  }, async () => {
    const relay = await startRelayProcess({ args: ["--rate", "0"] });
    relays.push(relay);
    const { a, notes } = await spaceWithHistory(relay);
    const { device } = await pairNewDevice(relay.url, a);
    // Offline edits on the new device: its entries land after everything the relay holds, so they do not follow
    // its cursor (which is still 0) and are only passed over once a fetch after the push returns them.
    const b = await openClient(
      relay.url,
      { ...device, storage: new MemoryStorage() },
      { webSocket: null, paused: true, pollIntervalMs: 3_600_000 },
    );
    clients.push(b);
    const bNotes = await b.document<{ items: string[]; fromB?: boolean }>("notes");
    await bNotes.change((d) => {
      d.fromB = true;
    });
    b.resume();
    await b.syncNow();
    expect(b.stats.entriesSent).toBe(1);
    expect(bNotes.doc().items.at(-1)).toBe("after the snapshot");
    const fetched = b.stats.entriesFetched;
    // Nothing changed on the relay since: the second pass finds the device at the relay's head.
    await b.syncNow();
    expect(b.stats.entriesFetched).toBe(fetched);
    await a.syncNow();
    expect(plain(bNotes)).toEqual(plain(notes));
  });
});
