// Compaction end to end: 10,000 small changes (200 entries of 50 changes each), a snapshot, and a relay with
// retention 0 that drops what the snapshot covers. A brand-new device then catches up from the snapshot and the
// tail only, and the relay's database holds much less than before (the SQLite file shrinks; on PostgreSQL the bodies go).
import { statSync } from "node:fs";
import { join } from "node:path";
import { RelayApi } from "@hearth/sync";
import { afterAll, describe, expect, it } from "vitest";
import { withDatabase } from "../helpers/test-store";
import {
  cleanUp,
  founder,
  openClient,
  pairNewDevice,
  plain,
  type RelayProcess,
  startRelayProcess,
  until,
} from "./sync-harness";

const relays: RelayProcess[] = [];
afterAll(async () => {
  for (const relay of relays) await relay.kill("SIGKILL");
  cleanUp();
});

const ROUNDS = 200;
const CHANGES_PER_ROUND = 50;
const TAIL = 3;
const args = ["--rate", "0", "--retention-days", "0"];

/**
 * What the relay's database holds. SQLite: the file, measured after a graceful stop, when the WAL is checkpointed
 * into it (compaction gives pages back to the file system). PostgreSQL: the bytes of the entry bodies it still
 * stores (deleted rows' space is reused by later inserts, and returned to the system only by VACUUM FULL, which
 * is the operator's call).
 */
async function databaseBytes(relay: RelayProcess): Promise<number> {
  if (!relay.databaseUrl) return statSync(join(relay.dataDir, "relay.sqlite")).size;
  return withDatabase(relay.databaseUrl, async (db) => {
    const { rows } = await db.query<{ bytes: number }>(
      "SELECT coalesce(sum(octet_length(envelope) + octet_length(signature)), 0)::int AS bytes FROM entry_bodies",
    );
    return rows[0]?.bytes ?? 0;
  });
}

describe("compaction", () => {
  it("lets a new device catch up from snapshot + tail, and shrinks the relay's database", {
    timeout: 60_000,
  }, async () => {
    let relay = await startRelayProcess({ args });
    relays.push(relay);
    const port = String(relay.port);
    const aDevice = await founder(relay.url);
    const a = await openClient(relay.url, aDevice);
    const counters = await a.document<Record<string, number>>("counters");

    a.pause();
    for (let round = 0; round < ROUNDS; round++) {
      let last: Promise<void> = Promise.resolve();
      for (let i = 0; i < CHANGES_PER_ROUND; i++) {
        const n = round * CHANGES_PER_ROUND + i;
        last = counters.change((d) => {
          d[`k${n % 100}`] = n;
        });
      }
      await last;
      await a.flush(); // one entry holding this round's 50 changes
    }
    a.resume();
    await a.syncNow();
    expect(a.stats.entriesSent).toBe(ROUNDS);
    const api = new RelayApi(relay.url, aDevice.identity);
    expect((await api.docs(aDevice.spaceId)).find((d) => d.documentId === "counters")?.head).toBe(ROUNDS);

    await relay.stop();
    const before = await databaseBytes(relay);
    relay = await startRelayProcess({ dataDir: relay.dataDir, args: [...args, "--port", port] });
    relays.push(relay);

    const { covers, seq } = await a.compact("counters");
    expect(covers).toBe(ROUNDS);
    expect(seq).toBe(ROUNDS + 1);
    await until(() => relay.logs.some((l) => l.msg === "compacted"), "the relay to compact");
    for (let i = 0; i < TAIL; i++) {
      await counters.change((d) => {
        d.tail = i;
      });
      await a.flush();
    }
    await a.syncNow();

    // What the relay still holds: the snapshot, then the tail.
    const page = await new RelayApi(relay.url, aDevice.identity).fetchEntries(aDevice.spaceId, "counters", 0, 1000);
    expect(page.entries.map((e) => e.kind)).toEqual(["snapshot", ...Array(TAIL).fill("change")]);
    expect(page.entries[0]?.covers).toBe(ROUNDS);

    const { device } = await pairNewDevice(relay.url, a);
    const d = await openClient(relay.url, device);
    await d.syncNow();
    const fresh = await d.document<Record<string, number>>("counters");
    expect(plain(fresh)).toEqual(plain(counters));
    expect(fresh.doc().k99).toBe(ROUNDS * CHANGES_PER_ROUND - 1);
    expect(fresh.doc().tail).toBe(TAIL - 1);
    // One snapshot and the tail: nothing of the 200 covered entries.
    expect(d.stats.entriesFetched).toBe(1 + TAIL);
    expect(d.stats.snapshotsApplied).toBe(1);

    // The new device keeps writing on top of the snapshot, and the old one reads it.
    await fresh.change((doc) => {
      doc.fromNewDevice = 1;
    });
    await d.syncNow();
    await a.syncNow();
    expect(counters.doc().fromNewDevice).toBe(1);

    await Promise.all([a.close(), d.close()]);
    await relay.stop();
    const after = await databaseBytes(relay);
    expect(after).toBeLessThan(before * 0.75);
  });
});
