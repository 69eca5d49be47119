// Acknowledged means durable: a relay process killed (SIGKILL) or stopped (SIGTERM) in the middle of a stream of
// appends from several devices still has every acknowledged entry, byte for byte, when it restarts on its data.
import { rmSync } from "node:fs";
import { routes, type WireEntry } from "@hearth/sync/protocol";
import { afterAll, describe, expect, it } from "vitest";
import { makeWireEntry } from "./helpers/entries";
import { type RelayProcess, startRelayProcess } from "./helpers/relay-process";
import { SignedClient } from "./helpers/signed-client";
import { enrollDevice, foundSpace, type TestSpace } from "./helpers/spaces";

const dataDirs: string[] = [];
afterAll(() => {
  for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
});

const DOC = "stream";

interface Acknowledged {
  position: number;
  entry: WireEntry;
}

/**
 * Every device appends its own entries one request at a time (two entries per request) until the relay stops
 * answering. `onAck` sees the running total, so the test can stop the relay after a number of acknowledgements
 * rather than after a time.
 */
async function appendUntilDown(space: TestSpace, onAck: (total: number) => void): Promise<Acknowledged[]> {
  const acknowledged: Acknowledged[] = [];
  await Promise.all(
    space.devices.map(async (device) => {
      for (let seq = 1; ; seq += 2) {
        const entries = [seq, seq + 1].map((s) => makeWireEntry({ device: device.identity, documentId: DOC, seq: s }));
        let positions: number[];
        try {
          const res = await device.post<{ positions: number[] }>(routes.entries(space.spaceId, DOC), { entries });
          if (res.status !== 200) return;
          positions = res.body.positions;
        } catch {
          return; // connection refused or reset: the relay is down
        }
        entries.forEach((entry, i) => {
          acknowledged.push({ position: positions[i] ?? -1, entry });
        });
        onAck(acknowledged.length);
      }
    }),
  );
  return acknowledged;
}

async function readLog(url: string, space: TestSpace): Promise<{ head: number; entries: WireEntry[] }> {
  const client = new SignedClient(url, space.founder.identity);
  const entries: WireEntry[] = [];
  let head = 0;
  for (let after = 0; ; ) {
    const page = await client.get<{ entries: WireEntry[]; head: number }>(
      `${routes.entries(space.spaceId, DOC)}?after=${after}&limit=1000`,
    );
    expect(page.status).toBe(200);
    head = page.body.head;
    entries.push(...page.body.entries);
    const last = page.body.entries.at(-1)?.position;
    if (last === undefined || last >= head) break;
    after = last;
  }
  return { head, entries };
}

async function checkRecovered(relay: RelayProcess, space: TestSpace, acknowledged: Acknowledged[]): Promise<void> {
  const log = await readLog(relay.url, space);
  // Gap-free and duplicate-free.
  expect(log.entries.map((e) => e.position)).toEqual(Array.from({ length: log.head }, (_, i) => i + 1));
  const keys = new Set(log.entries.map((e) => `${e.deviceId}/${e.seq}`));
  expect(keys.size).toBe(log.entries.length);
  // Every acknowledged entry is there, at its position, with identical bytes.
  const byPosition = new Map(log.entries.map((e) => [e.position, e]));
  for (const { position, entry } of acknowledged) {
    expect(byPosition.get(position)).toEqual({ ...entry, position });
  }
}

async function startSpace(relay: RelayProcess, devices: number): Promise<TestSpace> {
  const space = await foundSpace(relay.url);
  for (let i = 1; i < devices; i++) await enrollDevice(space);
  return space;
}

describe("durability of acknowledged appends", () => {
  it("keeps every acknowledged entry through a SIGKILL mid-stream, and takes retries after the restart", async () => {
    const relay = await startRelayProcess({ args: ["--rate", "0", "--log-level", "warn"] });
    dataDirs.push(relay.dataDir);
    const space = await startSpace(relay, 4);
    let killed = false;
    const acknowledged = await appendUntilDown(space, (total) => {
      if (total >= 300 && !killed) {
        killed = true;
        void relay.kill("SIGKILL");
      }
    });
    expect((await relay.exited).signal).toBe("SIGKILL");
    expect(acknowledged.length).toBeGreaterThanOrEqual(300);

    const restarted = await startRelayProcess({ dataDir: relay.dataDir, args: ["--rate", "0"] });
    try {
      await checkRecovered(restarted, space, acknowledged);
      // A device retrying its last acknowledged request gets the same positions again.
      const last = acknowledged.at(-1);
      const author = space.devices.find((d) => d.identity.deviceId === last?.entry.deviceId);
      if (!last || !author) throw new Error("nothing was acknowledged");
      const retry = await new SignedClient(restarted.url, author.identity).post<{ positions: number[] }>(
        routes.entries(space.spaceId, DOC),
        { entries: [last.entry] },
      );
      expect(retry.body.positions).toEqual([last.position]);
    } finally {
      await restarted.stop();
    }
  });

  it("exits 0 on SIGTERM mid-stream with no acknowledged entry lost", async () => {
    const relay = await startRelayProcess({ args: ["--rate", "0"] });
    dataDirs.push(relay.dataDir);
    const space = await startSpace(relay, 3);
    let stopping: Promise<unknown> | undefined;
    const acknowledged = await appendUntilDown(space, (total) => {
      if (total >= 200) stopping ??= relay.stop();
    });
    const exit = await relay.exited;
    expect(exit).toEqual({ code: 0, signal: null });
    await stopping;
    expect(relay.logs.at(-1)).toMatchObject({ msg: "closed" });

    const restarted = await startRelayProcess({ dataDir: relay.dataDir, args: ["--rate", "0"] });
    try {
      await checkRecovered(restarted, space, acknowledged);
    } finally {
      expect((await restarted.stop()).code).toBe(0);
    }
  });
});
