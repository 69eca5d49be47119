// Several relay processes over one PostgreSQL database, as a service runs them behind a load balancer: clients
// spread across them converge with live pushes crossing from one relay to the other (LISTEN/NOTIFY); a relay
// killed with SIGKILL while devices stream changes loses nothing acknowledged and its clients carry on through the
// other; many devices appending to one document through both relays at once get a gap-free, duplicate-free log.
import { type FetchLike, RelayApi, type SyncClient } from "@hearth/sync";
import type { WireEntry } from "@hearth/sync/protocol";
import { afterAll, describe, expect, it } from "vitest";
import * as Automerge from "../e2e/automerge";
import {
  cleanUp,
  type Device,
  enrollNewDevice,
  fileStorage,
  founder,
  openClient,
  plain,
  type RelayProcess,
  settle,
  startRelayProcess,
  until,
} from "../e2e/sync-harness";
import { freshDatabase, withDatabase } from "../helpers/test-store";

const relays: RelayProcess[] = [];
afterAll(async () => {
  for (const relay of relays) await relay.kill("SIGKILL");
  cleanUp();
});

const ARGS = ["--rate", "0", "--log-level", "info"];

/** Two relay processes on one fresh database. */
async function twoRelays(): Promise<{ a: RelayProcess; b: RelayProcess; databaseUrl: string }> {
  const databaseUrl = await freshDatabase();
  const a = await startRelayProcess({ store: "postgres", databaseUrl, args: ARGS });
  const b = await startRelayProcess({ store: "postgres", databaseUrl, args: ARGS });
  relays.push(a, b);
  expect([a.databaseUrl, b.databaseUrl]).toEqual([databaseUrl, databaseUrl]);
  return { a, b, databaseUrl };
}

/** Appends a relay answered with 200, as its log lines say. */
function appendsServed(relay: RelayProcess): number {
  return relay.logs.filter((l) => l.msg === "request" && l.method === "POST" && l.status === 200 && l.entries).length;
}

/** The whole log of a document as `url` serves it, page by page. */
async function readLog(
  url: string,
  device: Device,
  documentId: string,
): Promise<{ head: number; entries: WireEntry[] }> {
  const api = new RelayApi(url, device.identity);
  const entries: WireEntry[] = [];
  let head = 0;
  // A pooled keep-alive connection the relay closed just as it was reused fails once with E_OFFLINE: ask again.
  const fetchPage = async (after: number) => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await api.fetchEntries(device.spaceId, documentId, after, 1000);
      } catch (error) {
        if ((error as { code?: unknown }).code !== "E_OFFLINE" || attempt >= 3) throw error;
      }
    }
  };
  for (let after = 0; ; ) {
    const page = await fetchPage(after);
    head = page.head;
    for (const e of page.entries) {
      entries.push({
        documentId: e.documentId,
        deviceId: e.deviceId,
        seq: e.seq,
        epoch: e.epoch,
        kind: e.kind,
        envelope: Buffer.from(e.envelope).toString("base64"),
        signature: Buffer.from(e.signature).toString("base64"),
        ...(e.position !== undefined ? { position: e.position } : {}),
      });
    }
    const last = page.entries.at(-1)?.position;
    if (last === undefined || last >= head) break;
    after = last;
  }
  return { head, entries };
}

/** Positions 1..head each once, and each (device, seq) once. */
function expectGapFree(log: { head: number; entries: WireEntry[] }): void {
  expect(log.entries.map((e) => e.position)).toEqual(Array.from({ length: log.head }, (_, i) => i + 1));
  expect(new Set(log.entries.map((e) => `${e.deviceId}/${e.seq}`)).size).toBe(log.entries.length);
}

describe("several relays over one PostgreSQL database", () => {
  it("clients spread across two relays converge, with live pushes crossing between the relays", {
    timeout: 120_000,
  }, async () => {
    const { a, b } = await twoRelays();
    const first = await founder(a.url);
    const devices = [first];
    // Enrolled through either relay: both read and write the same space.
    for (let i = 1; i < 6; i++) devices.push(await enrollNewDevice(i % 2 ? b.url : a.url, first));
    // Even devices talk to relay A, odd ones to B. A poll interval longer than the test: what arrives, arrives pushed.
    const clients: SyncClient[] = [];
    for (const [i, device] of devices.entries()) {
      const urls = i % 2 === 0 ? [a.url, b.url] : [b.url, a.url];
      clients.push(await openClient(urls, device, { pollIntervalMs: 600_000 }));
    }
    await until(async () => clients.every((c) => c.status.state === "synced"), "every client connected");

    const CHANGES = 8;
    await Promise.all(
      clients.map(async (client, n) => {
        const handle = await client.document<Record<string, number>>("shared");
        for (let i = 0; i < CHANGES; i++) {
          await handle.change((d) => {
            d[`d${n}-${i}`] = i;
          });
          await new Promise((r) => setTimeout(r, 15));
        }
      }),
    );
    const expected: Record<string, number> = {};
    for (let n = 0; n < clients.length; n++) for (let i = 0; i < CHANGES; i++) expected[`d${n}-${i}`] = i;
    const handles = await Promise.all(clients.map((c) => c.document<Record<string, number>>("shared")));
    // No syncNow, no poll: only the live pushes of each client's own relay, which forwards the other relay's appends.
    await until(
      () => handles.every((h) => Object.keys(h.doc()).length === Object.keys(expected).length),
      "every change pushed to every client",
      30_000,
    );
    for (const handle of handles) expect(plain(handle)).toEqual(expected);
    const heads = handles.map((h) => [...Automerge.getHeads(h.doc())].sort());
    for (const h of heads) expect(h).toEqual(heads[0]);
    // Both relays took appends: the clients really were spread.
    expect(appendsServed(a)).toBeGreaterThan(0);
    expect(appendsServed(b)).toBeGreaterThan(0);
    // Both serve the same log (and both are still running: nothing above took one down).
    expect([a.process.exitCode, b.process.exitCode]).toEqual([null, null]);
    const [logA, logB] = [await readLog(a.url, first, "shared"), await readLog(b.url, first, "shared")];
    expectGapFree(logA);
    expect(logB).toEqual(logA);
    await Promise.all(clients.map((c) => c.close()));
  });

  it("a relay killed with SIGKILL mid-stream: its clients move to the other, nothing acknowledged is lost", {
    timeout: 120_000,
  }, async () => {
    const { a, b } = await twoRelays();
    const first = await founder(a.url, fileStorage());
    const devices = [first];
    for (let i = 1; i < 4; i++) devices.push(await enrollNewDevice(a.url, first, fileStorage()));
    interface Ack {
      entry: WireEntry;
      position: number;
      origin: string;
    }
    const acks: Ack[] = [];
    // The platform fetch, watched: each 200 answer to an append is what a relay promised a client.
    const watched: FetchLike = async (input, init) => {
      const response = await fetch(input, init);
      const url = new URL(input);
      if (init.method === "POST" && url.pathname.endsWith("/entries") && response.status === 200) {
        const sent = JSON.parse(new TextDecoder().decode(init.body as Uint8Array)) as { entries: WireEntry[] };
        const { positions } = (await response.clone().json()) as { positions: number[] };
        sent.entries.forEach((entry, i) => {
          acks.push({ entry, position: positions[i] ?? -1, origin: url.origin });
        });
      }
      return response;
    };
    // Devices 0 and 1 start on A (the one that dies), 2 and 3 on B.
    const clients: SyncClient[] = [];
    for (const [i, device] of devices.entries()) {
      const urls = i < 2 ? [a.url, b.url] : [b.url, a.url];
      clients.push(await openClient(urls, device, { fetch: watched }));
    }
    const DOC = "stream";
    const written = devices.map(() => 0);
    let streaming = true;
    const streams = clients.map(async (client, n) => {
      const handle = await client.document<Record<string, number>>(DOC);
      while (streaming) {
        const i = written[n] ?? 0;
        await handle.change((d) => {
          d[`d${n}-${i}`] = i;
        });
        written[n] = i + 1;
        await new Promise((r) => setTimeout(r, 3 + (i % 4)));
      }
    });

    await until(() => acks.filter((x) => x.origin === a.url).length >= 100, "100 appends acknowledged by A", 30_000);
    await a.kill("SIGKILL");
    const promised = [...acks];
    const killedAt = acks.length;
    // The devices that were on A keep streaming, now acknowledged by B.
    const movedDevices = new Set([devices[0]?.identity.deviceId, devices[1]?.identity.deviceId]);
    await until(
      () => acks.slice(killedAt).filter((x) => movedDevices.has(x.entry.deviceId) && x.origin === b.url).length >= 60,
      "the clients of the killed relay acknowledged by the other",
      30_000,
    );
    streaming = false;
    await Promise.all(streams);
    await settle(clients);

    // Everything A acknowledged before it died is in the log, at its position, byte for byte.
    const log = await readLog(b.url, first, DOC);
    expectGapFree(log);
    const byPosition = new Map(log.entries.map((e) => [e.position, e]));
    for (const { entry, position } of acks) {
      expect({ ...byPosition.get(position), position: undefined }, `acknowledged position ${position}`).toEqual({
        ...entry,
        position: undefined,
      });
    }
    expect(promised.some((x) => x.origin === a.url)).toBe(true);
    for (const device of devices) {
      const seqs = log.entries.filter((e) => e.deviceId === device.identity.deviceId).map((e) => e.seq);
      expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
      expect(await device.storage.loadRange(["queue", DOC])).toEqual([]);
    }
    const expected: Record<string, number> = {};
    for (const [n, count] of written.entries()) for (let i = 0; i < count; i++) expected[`d${n}-${i}`] = i;
    for (const client of clients) expect(plain(await client.document(DOC))).toEqual(expected);

    // The killed relay, restarted on the same database, serves the same log: it kept nothing of its own.
    const again = await startRelayProcess({ store: "postgres", databaseUrl: b.databaseUrl, args: ARGS });
    relays.push(again);
    expect(await readLog(again.url, first, DOC)).toEqual(log);
    await Promise.all(clients.map((c) => c.close()));
  });

  it("many devices appending to one document through both relays at once keep a gap-free, duplicate-free log", {
    timeout: 120_000,
  }, async () => {
    const { a, b, databaseUrl } = await twoRelays();
    const first = await founder(a.url);
    const devices = [first];
    for (let i = 1; i < 12; i++) devices.push(await enrollNewDevice(i % 2 ? b.url : a.url, first));
    const clients: SyncClient[] = [];
    for (const [i, device] of devices.entries()) {
      clients.push(await openClient(i % 2 === 0 ? [a.url, b.url] : [b.url, a.url], device, { batchDelayMs: 0 }));
    }
    const CHANGES = 25;
    await Promise.all(
      clients.map(async (client, n) => {
        const handle = await client.document<{ items?: string[] } & Record<string, number>>("one");
        for (let i = 0; i < CHANGES; i++) {
          await handle.change((d) => {
            d[`d${n}`] = i;
          });
          // Each change its own entry, sent as soon as it is queued: many small appends racing for the head.
          await client.flush();
          await new Promise((r) => setTimeout(r, 1));
        }
      }),
    );
    await settle(clients);

    const logA = await readLog(a.url, first, "one");
    expectGapFree(logA);
    expect(await readLog(b.url, first, "one")).toEqual(logA);
    for (const device of devices) {
      const seqs = logA.entries.filter((e) => e.deviceId === device.identity.deviceId).map((e) => e.seq);
      expect(seqs.length).toBeGreaterThan(0);
      expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
    }
    // The database agrees: as many rows as positions, each position once, the head cached right.
    const counts = await withDatabase(databaseUrl, async (db) => {
      const { rows } = await db.query(
        `SELECT count(*)::int AS n, count(DISTINCT e.position)::int AS positions, max(e.position)::int AS top,
           max(d.head)::int AS head
         FROM entries e JOIN documents d ON d.id = e.doc WHERE d.document_id = 'one'`,
      );
      return rows[0];
    });
    expect(counts).toEqual({ n: logA.head, positions: logA.head, top: logA.head, head: logA.head });
    expect(appendsServed(a)).toBeGreaterThan(0);
    expect(appendsServed(b)).toBeGreaterThan(0);
    const expected = Object.fromEntries(devices.map((_, n) => [`d${n}`, CHANGES - 1]));
    for (const client of clients) expect(plain(await client.document("one"))).toEqual(expected);
    await Promise.all(clients.map((c) => c.close()));
  });
});
