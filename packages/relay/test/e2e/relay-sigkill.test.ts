// Three devices stream changes (one every few milliseconds each) through a relay process that is killed with
// SIGKILL in the middle, twice, and restarted on the same data directory and port. Every entry the relay
// acknowledged to a client (seen on the wire, by a pass-through fetch) is in the restarted relay's log at the
// position it was given, byte for byte; the log has no gap and no (device, seq) twice; every queue drains; every
// device, and a device enrolled afterwards, ends with every change.
import { type FetchLike, RelayApi, type SyncClient } from "@hearth/sync";
import { FileStorage } from "@hearth/sync/node";
import type { WireEntry } from "@hearth/sync/protocol";
import { afterAll, describe, expect, it } from "vitest";
import * as Automerge from "./automerge";
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
} from "./sync-harness";

const relays: RelayProcess[] = [];
afterAll(async () => {
  for (const relay of relays) await relay.kill("SIGKILL");
  cleanUp();
});

const DOC = "stream";
const KILLS = 3;
// Acknowledged entries to wait for (across devices) before each kill, and after the last restart.
const ACKS_PER_LIFE = 150;

interface Ack {
  entry: WireEntry;
  position: number;
}

/**
 * The platform fetch, watched: each 200 answer to an append is recorded with the entries it acknowledged. Nothing
 * is changed; this is how the test knows what the relay promised a client.
 */
function watchedFetch(acks: Ack[]): FetchLike {
  return async (input, init) => {
    const response = await fetch(input, init);
    const append = init.method === "POST" && new URL(input).pathname.endsWith("/entries");
    if (append && response.status === 200 && init.body instanceof Uint8Array) {
      const sent = JSON.parse(new TextDecoder().decode(init.body)) as { entries: WireEntry[] };
      const { positions } = (await response.clone().json()) as { positions: number[] };
      sent.entries.forEach((entry, i) => {
        acks.push({ entry, position: positions[i] ?? -1 });
      });
    }
    return response;
  };
}

/** The whole log of the document as the relay now serves it. */
async function readLog(url: string, device: Device): Promise<{ head: number; entries: WireEntry[] }> {
  const api = new RelayApi(url, device.identity);
  const entries: WireEntry[] = [];
  let head = 0;
  for (let after = 0; ; ) {
    const page = await api.fetchEntries(device.spaceId, DOC, after, 1000);
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

/** Every acknowledged entry is in the log at its position with the same bytes; the log is gap- and duplicate-free. */
async function checkLog(url: string, device: Device, acks: Ack[]): Promise<number> {
  const log = await readLog(url, device);
  expect(log.entries.map((e) => e.position)).toEqual(Array.from({ length: log.head }, (_, i) => i + 1));
  expect(new Set(log.entries.map((e) => `${e.deviceId}/${e.seq}`)).size).toBe(log.entries.length);
  const byPosition = new Map(log.entries.map((e) => [e.position, e]));
  for (const { entry, position } of acks) {
    const stored = byPosition.get(position);
    expect(stored, `acknowledged position ${position}`).toBeDefined();
    expect({ ...stored, position: undefined }).toEqual({ ...entry, position: undefined });
  }
  return log.head;
}

describe("a relay killed with SIGKILL while devices stream changes", () => {
  it("keeps every acknowledged entry and loses no change", { timeout: 90_000 }, async () => {
    const args = ["--rate", "0", "--log-level", "warn"];
    let relay = await startRelayProcess({ args });
    relays.push(relay);
    const { url, port, dataDir } = relay;

    const first = await founder(url, fileStorage());
    const devices = [first, await enrollNewDevice(url, first, fileStorage())];
    devices.push(await enrollNewDevice(url, first, fileStorage()));
    const acks: Ack[] = [];
    const clients: SyncClient[] = [];
    for (const device of devices) clients.push(await openClient(url, device, { fetch: watchedFetch(acks) }));

    // Each device writes its own keys, one change every few milliseconds, whatever the relay is doing.
    const written = devices.map(() => 0);
    let streaming = true;
    const streams = clients.map(async (client, n) => {
      const handle = await client.document<Record<string, number>>(DOC);
      while (streaming) {
        const i = written[n] ?? 0;
        await handle.change((d) => {
          d[`d${n}-${i}`] = i;
          d[`last${n}`] = i;
        });
        written[n] = i + 1;
        await new Promise((r) => setTimeout(r, 2 + (i % 4)));
      }
    });

    const acknowledgedBeforeKill: number[] = [];
    for (let kill = 0; kill < KILLS; kill++) {
      const target = acks.length + ACKS_PER_LIFE;
      await until(() => acks.length >= target, `${target} acknowledged entries`, 30_000);
      await relay.kill("SIGKILL");
      const promised = [...acks];
      acknowledgedBeforeKill.push(promised.length);
      // Each device's entries so far are acknowledged or still in its queue (committed entries whose answer the
      // kill cut off stay queued and are sent again): none fell in between.
      for (const device of devices) {
        const queued = (await device.storage.loadRange(["queue", DOC])).map((c) => Number(c.key[2]));
        const acked = promised.filter((a) => a.entry.deviceId === device.identity.deviceId).map((a) => a.entry.seq);
        const known = new Set([...queued, ...acked]);
        const highest = Math.max(0, ...known);
        expect([...known].sort((x, y) => x - y)).toEqual(Array.from({ length: highest }, (_, i) => i + 1));
      }

      relay = await startRelayProcess({ dataDir, args: [...args, "--port", String(port)] });
      relays.push(relay);
      expect(relay.port).toBe(port);
      await checkLog(url, first, promised);
    }

    // One more stretch of streaming through the restarted relay, then everyone settles.
    const target = acks.length + ACKS_PER_LIFE;
    await until(() => acks.length >= target, `${target} acknowledged entries`, 30_000);
    streaming = false;
    await Promise.all(streams);
    await settle(clients);

    const head = await checkLog(url, first, acks);
    for (const device of devices) expect(await device.storage.loadRange(["queue", DOC])).toEqual([]);
    // Every entry each device made reached the relay exactly once.
    const log = await readLog(url, first);
    for (const [n, device] of devices.entries()) {
      const seqs = log.entries.filter((e) => e.deviceId === device.identity.deviceId).map((e) => e.seq);
      expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
      expect(seqs.length, `entries of device ${n}`).toBeGreaterThan(0);
    }

    const expected: Record<string, number> = {};
    for (const [n, count] of written.entries()) {
      for (let i = 0; i < count; i++) expected[`d${n}-${i}`] = i;
      expected[`last${n}`] = count - 1;
    }
    const handles = await Promise.all(clients.map((c) => c.document<Record<string, number>>(DOC)));
    for (const handle of handles) {
      expect(plain(handle)).toEqual(expected);
      expect([...Automerge.getHeads(handle.doc())].sort()).toEqual(
        [...Automerge.getHeads((handles[0] as (typeof handles)[number]).doc())].sort(),
      );
    }

    // A device enrolled afterwards, and a client reopened on a first device's folder, see the same.
    const late = await openClient(url, await enrollNewDevice(url, first));
    await late.syncNow();
    expect(plain(await late.document<Record<string, number>>(DOC))).toEqual(expected);
    await Promise.all(clients.map((c) => c.close()));
    const reopened = await openClient(url, {
      ...first,
      storage: new FileStorage((first.storage as FileStorage).directory),
    });
    expect(plain(await reopened.document<Record<string, number>>(DOC))).toEqual(expected);
    await Promise.all([late.close(), reopened.close()]);

    expect(acknowledgedBeforeKill).toHaveLength(KILLS);
    expect(head).toBe(log.entries.length);
    await relay.stop();
  });
});
