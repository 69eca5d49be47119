// The hearth-relay CLI as a user runs it: flags, the listening line, logs, and compaction on its data directory.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { routes, type WireEntry } from "@hearth/sync/protocol";
import { afterAll, describe, expect, it } from "vitest";
import { makeWireEntry } from "./helpers/entries";
import { RELAY_CLI, startRelayProcess } from "./helpers/relay-process";
import { SignedClient, unsignedRequest } from "./helpers/signed-client";
import { foundSpace } from "./helpers/spaces";

const dataDirs: string[] = [];
afterAll(() => {
  for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
});

function run(args: string[]) {
  return spawnSync(process.execPath, [RELAY_CLI, ...args], { encoding: "utf8", timeout: 15_000 });
}

describe("hearth-relay flags", () => {
  it("prints one usage line to stderr and exits 2 on bad flags", () => {
    const dir = mkdtempSync(join(tmpdir(), "hearth-relay-cli-"));
    dataDirs.push(dir);
    for (const args of [
      ["--port", "0"],
      ["--data-dir", dir],
      ["--port", "http", "--data-dir", dir],
      ["--port", "70000", "--data-dir", dir],
      ["--port", "0", "--data-dir", dir, "--unknown"],
      ["--port", "0", "--data-dir", dir, "--rate", "-1"],
      ["--port", "0", "--data-dir", dir, "--log-level", "loud"],
      ["--port", "0", "--data-dir", dir, "extra"],
      ["--port", "0", "--store", "mysql://relay@127.0.0.1/hearth"],
      ["--port", "0", "--store", "/var/lib/hearth"],
      ["--port", "0", "--data-dir", dir, "--store", "postgres://relay@127.0.0.1/hearth"],
    ]) {
      const result = run(args);
      expect(result.status, args.join(" ")).toBe(2);
      expect(result.stdout).toBe("");
      const lines = result.stderr.trim().split("\n");
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^hearth-relay: .*usage: hearth-relay --port P \(--data-dir D \| --store postgres:/);
    }
  });

  it("prints the listening line first with the port it picked, then JSON request logs", async () => {
    const relay = await startRelayProcess();
    dataDirs.push(relay.dataDir);
    expect(relay.logs[0]).toMatchObject({ level: "info", msg: "listening", port: relay.port, url: relay.url });
    expect(relay.port).toBeGreaterThan(0);
    expect(relay.url).toBe(`http://127.0.0.1:${relay.port}`);
    expect((await unsignedRequest(relay.url, "GET", routes.health())).body).toMatchObject({ ok: true });
    expect((await relay.stop()).code).toBe(0);
    expect(relay.logs).toContainEqual(
      expect.objectContaining({ level: "info", msg: "request", method: "GET", route: "/health", status: 200 }),
    );
  });
});

describe("compaction on a relay process", () => {
  it("drops what a snapshot covers (retention 0): the database file shrinks and fetches still catch up", async () => {
    const first = await startRelayProcess({ args: ["--retention-days", "0", "--rate", "0"] });
    dataDirs.push(first.dataDir);
    const space = await foundSpace(first.url);
    const me = space.founder.identity;
    const doc = "journal";
    const path = routes.entries(space.spaceId, doc);
    const big = (seq: number) =>
      makeWireEntry({ device: me, documentId: doc, seq, plaintext: new Uint8Array(48 * 1024).fill(seq) });
    const sent: WireEntry[] = [];
    for (let seq = 1; seq <= 40; seq += 5) {
      const entries = [1, 2, 3, 4, 5].map((i) => big(seq + i - 1));
      sent.push(...entries);
      const res = await space.founder.post(path, { entries });
      expect(res.status).toBe(200);
    }
    await first.stop();
    const file = join(first.dataDir, "relay.sqlite");
    const before = statSync(file).size;
    expect(before).toBeGreaterThan(40 * 48 * 1024);

    const second = await startRelayProcess({ dataDir: first.dataDir, args: ["--retention-days", "0", "--rate", "0"] });
    const client = new SignedClient(second.url, me);
    const snapshot = makeWireEntry({ device: me, documentId: doc, seq: 41, kind: "snapshot", covers: 38 });
    expect((await client.post(path, { entries: [snapshot] })).body).toEqual({ positions: [41] });
    expect((await second.stop()).code).toBe(0);
    expect(second.logs).toContainEqual(expect.objectContaining({ msg: "compacted", entries: 38 }));
    expect(statSync(file).size).toBeLessThan(before / 4);

    const third = await startRelayProcess({ dataDir: first.dataDir, args: ["--rate", "0"] });
    try {
      const reader = new SignedClient(third.url, me);
      const fromStart = await reader.get<{ entries: WireEntry[]; head: number }>(`${path}?after=0`);
      expect(fromStart.body.head).toBe(41);
      expect(fromStart.body.entries.map((e) => e.position)).toEqual([41, 39, 40]);
      expect(fromStart.body.entries[0]).toEqual({ ...snapshot, position: 41 });
      const fromCovered = await reader.get<{ entries: WireEntry[] }>(`${path}?after=38`);
      expect(fromCovered.body.entries.map((e) => e.position)).toEqual([39, 40, 41]);

      // A device that never saw the answers retries everything: the dropped entries are acknowledged as
      // duplicates (position 0) and not stored again; the kept ones get their positions.
      const retry = await reader.post<{ positions: number[] }>(path, { entries: sent.slice(30) });
      expect(retry).toMatchObject({ status: 200, body: { positions: [...Array(8).fill(0), 39, 40] } });
      const after = await reader.get<{ entries: WireEntry[]; head: number }>(`${path}?after=0`);
      expect(after.body).toEqual(fromStart.body);
    } finally {
      await third.stop();
    }
    expect(statSync(file).size).toBeLessThan(before / 4);
  });
});
