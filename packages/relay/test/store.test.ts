// The SQLite store on its own: a real database file in a temporary directory.
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { LogEntry } from "@hearth/sync/protocol";
import { createSpaceGenesis, generateDeviceIdentity, publicKeysOf, verifySpaceGenesis } from "@hearth/transport";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import {
  COMPACTED_POSITION,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  SqliteStore,
  StorageError,
} from "../src/index";
import { checkCompactedSeqAnswers } from "./helpers/compacted-seq-answers";
import { makeEntry } from "./helpers/entries";

const dirs: string[] = [];
const stores: SqliteStore[] = [];

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "hearth-relay-store-"));
  dirs.push(dir);
  return dir;
}

function open(dir = tempDir()): SqliteStore {
  const store = SqliteStore.open(dir);
  stores.push(store);
  return store;
}

afterEach(async () => {
  for (const store of stores.splice(0)) await store.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function withSpace(store: SqliteStore) {
  const founder = generateDeviceIdentity();
  const { genesis } = createSpaceGenesis(founder);
  const { spaceId, founder: keys } = verifySpaceGenesis(genesis);
  expect(await store.createSpace({ spaceId, genesis, founder: keys }, Date.now())).toBe("created");
  return { spaceId, genesis, founder };
}

describe("SqliteStore", () => {
  it("creates the schema with WAL, 1 KiB pages, incremental auto-vacuum and a schema version", async () => {
    const dir = tempDir();
    await open(dir).close();
    const db = new Database(join(dir, "relay.sqlite"), { readonly: true });
    try {
      expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
      expect(db.pragma("auto_vacuum", { simple: true })).toBe(2);
      expect(db.pragma("page_size", { simple: true })).toBe(1024);
      expect(db.prepare("SELECT version FROM schema_version").get()).toEqual({ version: 2 });
    } finally {
      db.close();
    }
  });

  it("refuses a database written by a newer relay", async () => {
    const dir = tempDir();
    await open(dir).close();
    const db = new Database(join(dir, "relay.sqlite"));
    db.prepare("UPDATE schema_version SET version = 99").run();
    db.close();
    expect(() => open(dir)).toThrow(StorageError);
    expect(() => open(dir)).toThrow(/schema version 99/);
  });

  it("refuses a second store on the same directory while the first is open", () => {
    const dir = tempDir();
    open(dir);
    expect(() => SqliteStore.open(dir)).toThrow(/in use by another process/);
  });

  it("founds spaces idempotently and refuses another genesis under the same id", async () => {
    const store = open();
    const { spaceId, genesis, founder } = await withSpace(store);
    const keys = publicKeysOf(founder);
    expect(await store.createSpace({ spaceId, genesis, founder: keys }, Date.now())).toBe("exists");
    const other = genesis.slice();
    other[other.length - 1] = (other[other.length - 1] ?? 0) ^ 1;
    await expect(store.createSpace({ spaceId, genesis: other, founder: keys }, Date.now())).rejects.toThrow(
      ConflictError,
    );
    const devices = await store.listDevices(spaceId);
    expect(devices.map((d) => [d.deviceId, d.enrolledBy, d.removedAt])).toEqual([[founder.deviceId, null, null]]);
  });

  it("enrolls, lists grants across spaces and removes devices with the membership rules", async () => {
    const store = open();
    const a = await withSpace(store);
    const b = await withSpace(store);
    const phone = publicKeysOf(generateDeviceIdentity());
    const grant = new Uint8Array([1, 2, 3]);
    expect(await store.addDevice({ spaceId: a.spaceId, device: phone, enrolledBy: a.founder.deviceId, grant }, 1)).toBe(
      "added",
    );
    expect(await store.addDevice({ spaceId: a.spaceId, device: phone, enrolledBy: a.founder.deviceId, grant }, 2)).toBe(
      "exists",
    );
    await store.addDevice(
      { spaceId: b.spaceId, device: phone, enrolledBy: b.founder.deviceId, grant: new Uint8Array([4]) },
      3,
    );
    // The same grant twice is kept once; grants of both spaces come back, oldest first.
    expect((await store.listGrants(phone.deviceId)).map((g) => [g.spaceId, [...g.grant]])).toEqual([
      [a.spaceId, [1, 2, 3]],
      [b.spaceId, [4]],
    ]);
    // A stranger cannot enroll anyone.
    const stranger = generateDeviceIdentity().deviceId;
    await expect(
      store.addDevice(
        { spaceId: a.spaceId, device: publicKeysOf(generateDeviceIdentity()), enrolledBy: stranger, grant },
        4,
      ),
    ).rejects.toThrow(ForbiddenError);

    expect(await store.removeDevice(a.spaceId, phone.deviceId, a.founder.deviceId, 5)).toBe("removed");
    expect(await store.removeDevice(a.spaceId, phone.deviceId, a.founder.deviceId, 6)).toBe("already-removed");
    await expect(store.removeDevice(a.spaceId, stranger, a.founder.deviceId, 7)).rejects.toThrow(NotFoundError);
    // The last active device cannot be removed, and a removed device cannot come back.
    await expect(store.removeDevice(a.spaceId, a.founder.deviceId, a.founder.deviceId, 8)).rejects.toThrow(
      ConflictError,
    );
    await expect(
      store.addDevice({ spaceId: a.spaceId, device: phone, enrolledBy: a.founder.deviceId, grant }, 9),
    ).rejects.toThrow(ConflictError);
    // Grants go only to active devices of the space.
    await expect(
      store.storeGrants([{ spaceId: a.spaceId, deviceId: phone.deviceId, enrollerId: a.founder.deviceId, grant }], 10),
    ).rejects.toThrow(ForbiddenError);
    expect((await store.getDevice(a.spaceId, phone.deviceId))?.removedBy).toBe(a.founder.deviceId);
    expect((await store.getDevice(b.spaceId, phone.deviceId))?.removedAt).toBeNull();
  });

  it("assigns positions, is idempotent per (device, seq), refuses conflicts atomically and survives reopening", async () => {
    const dir = tempDir();
    const store = open(dir);
    const { spaceId, founder } = await withSpace(store);
    const e = (seq: number) => makeEntry({ device: founder, documentId: "doc", seq });
    const first = await store.appendEntries(spaceId, "doc", [e(1), e(2), e(3)], 1);
    expect(first.positions).toEqual([1, 2, 3]);
    expect(first.appended.map((x) => x.position)).toEqual([1, 2, 3]);

    const entry4 = e(4);
    const retry = await store.appendEntries(spaceId, "doc", [...(await fetchAll(store, spaceId)), entry4], 2);
    expect(retry.positions).toEqual([1, 2, 3, 4]);
    expect(retry.appended.map((x) => x.seq)).toEqual([4]);

    // Another envelope under seq 2: refused, and entry 5 of the same batch is not stored either.
    await expect(store.appendEntries(spaceId, "doc", [e(5), e(2)], 3)).rejects.toThrow(ConflictError);
    expect((await store.fetchEntries(spaceId, "doc", { after: 0, limit: 100, maxBytes: 1e9 })).head).toBe(4);

    // A non-member cannot append.
    const stranger = generateDeviceIdentity();
    await expect(
      store.appendEntries(spaceId, "doc", [makeEntry({ device: stranger, documentId: "doc", seq: 1 })], 4),
    ).rejects.toThrow(ForbiddenError);

    await store.close();
    const reopened = open(dir);
    const all = await reopened.fetchEntries(spaceId, "doc", { after: 0, limit: 100, maxBytes: 1e9 });
    expect(all.head).toBe(4);
    expect(all.entries.map((x) => [x.position, x.seq])).toEqual([
      [1, 1],
      [2, 2],
      [3, 3],
      [4, 4],
    ]);
    expect(Buffer.from(all.entries[3]?.envelope ?? []).equals(Buffer.from(entry4.envelope))).toBe(true);
    expect(await reopened.listDocuments(spaceId)).toEqual([{ documentId: "doc", head: 4 }]);
  });

  it("answers concurrent appends in one group commit with gap-free, distinct positions", async () => {
    const store = open();
    const { spaceId, founder } = await withSpace(store);
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        store.appendEntries(spaceId, "doc", [makeEntry({ device: founder, documentId: "doc", seq: i + 1 })], i),
      ),
    );
    const positions = results.flatMap((r) => r.positions).sort((a, b) => a - b);
    expect(positions).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
  });

  it("pages by limit and bytes, and starts at the newest snapshot when it covers more than the cursor", async () => {
    const store = open();
    const { spaceId, founder } = await withSpace(store);
    const doc = "notes";
    const e = (seq: number, extra: { kind?: "snapshot"; covers?: number } = {}) =>
      makeEntry({ device: founder, documentId: doc, seq, ...extra });
    await store.appendEntries(
      spaceId,
      doc,
      [1, 2, 3, 4, 5].map((s) => e(s)),
      1,
    );
    // A snapshot cannot cover entries that do not exist yet.
    await expect(store.appendEntries(spaceId, doc, [e(6, { kind: "snapshot", covers: 6 })], 2)).rejects.toThrow(
      /only has 5 entries/,
    );
    const snap = await store.appendEntries(spaceId, doc, [e(6, { kind: "snapshot", covers: 4 })], 2);
    expect(snap).toMatchObject({ positions: [6], newSnapshot: true });
    await store.appendEntries(spaceId, doc, [e(7)], 3);

    const q = (after: number, limit = 100, maxBytes = 1e9) =>
      store.fetchEntries(spaceId, doc, { after, limit, maxBytes });
    expect((await q(0)).entries.map((x) => x.position)).toEqual([6, 5, 7]);
    expect((await q(3)).entries.map((x) => x.position)).toEqual([6, 5, 7]);
    expect((await q(4)).entries.map((x) => x.position)).toEqual([5, 6, 7]);
    expect((await q(0, 2)).entries.map((x) => x.position)).toEqual([6, 5]);
    expect((await q(5, 1)).entries.map((x) => x.position)).toEqual([6]);
    expect((await q(0)).entries[0]).toMatchObject({ kind: "snapshot", covers: 4, seq: 6 });
    // A byte budget still returns at least one entry.
    expect((await q(4, 100, 1)).entries.map((x) => x.position)).toEqual([5]);
    expect((await q(7)).entries).toEqual([]);
    expect((await q(0)).head).toBe(7);
    expect(await store.fetchEntries(spaceId, "unknown", { after: 0, limit: 10, maxBytes: 1e9 })).toEqual({
      entries: [],
      head: 0,
    });
  });

  it("answers an append at a compacted seq as compacted with the mark, same envelope or not", async () => {
    const store = open();
    const { spaceId, founder } = await withSpace(store);
    await checkCompactedSeqAnswers(store, spaceId, founder);
  });

  it("compacts what the newest snapshot covers, keeps retries idempotent and shrinks the file", async () => {
    const store = open();
    const { spaceId, founder } = await withSpace(store);
    const doc = "big";
    const big = (seq: number) =>
      makeEntry({ device: founder, documentId: doc, seq, plaintext: new Uint8Array(64 * 1024).fill(seq % 251) });
    const entries = Array.from({ length: 60 }, (_, i) => big(i + 1));
    for (let i = 0; i < entries.length; i += 10)
      await store.appendEntries(spaceId, doc, entries.slice(i, i + 10), 1000);
    await store.compact({ cutoff: Date.now() });
    // The database and its WAL: entries may not have been checkpointed into the main file yet.
    const before = await store.storedBytes();
    expect(before).toBeGreaterThan(60 * 64 * 1024);

    const snapshot = makeEntry({ device: founder, documentId: doc, seq: 61, kind: "snapshot", covers: 55 });
    await store.appendEntries(spaceId, doc, [snapshot], 5000);
    // Entries received after the cutoff stay.
    expect(await store.compact({ cutoff: 999 })).toEqual({ documents: 0, entries: 0, bytes: 0 });
    const result = await store.compact({ cutoff: 1000, spaceId, documentId: doc });
    expect(result.entries).toBe(55);
    expect(result.bytes).toBeGreaterThan(55 * 64 * 1024);
    expect(statSync(store.file).size).toBeLessThan(before / 4);
    expect(await store.storedBytes()).toBeLessThan(before / 4);

    const page = await store.fetchEntries(spaceId, doc, { after: 0, limit: 100, maxBytes: 1e9 });
    expect(page.entries.map((x) => x.position)).toEqual([61, 56, 57, 58, 59, 60]);
    // Past the snapshot, dropped entries are simply absent.
    expect((await store.fetchEntries(spaceId, doc, { after: 55, limit: 100, maxBytes: 1e9 })).entries.length).toBe(6);
    // Late retries of dropped entries are acknowledged as duplicates, neither stored again nor pushed, even in a
    // batch with a new entry; a retry of a kept entry still gets its position.
    const size = await store.storedBytes();
    const retry = await store.appendEntries(spaceId, doc, [entries[0] ?? big(1), entries[54] ?? big(55)], 6000);
    expect(retry).toMatchObject({
      positions: [COMPACTED_POSITION, COMPACTED_POSITION],
      compacted: [
        { index: 0, mark: 55 },
        { index: 1, mark: 55 },
      ],
      appended: [],
    });
    const mixed = await store.appendEntries(
      spaceId,
      doc,
      [entries[54] ?? big(55), entries[55] ?? big(56), big(62)],
      6000,
    );
    expect(mixed.positions).toEqual([COMPACTED_POSITION, 56, 62]);
    expect(mixed.compacted).toEqual([{ index: 0, mark: 55 }]);
    expect(mixed.appended.map((x) => x.seq)).toEqual([62]);
    expect((await store.fetchEntries(spaceId, doc, { after: 0, limit: 100, maxBytes: 1e9 })).head).toBe(62);
    expect(await store.storedBytes()).toBeLessThan(size + 2 * 64 * 1024);
    expect(await store.compact({ cutoff: Date.now() })).toEqual({ documents: 0, entries: 0, bytes: 0 });

    // Nothing per dropped entry remains: one compaction mark for the device instead.
    await store.close();
    const db = new Database(store.file, { readonly: true, fileMustExist: true });
    try {
      expect(db.prepare("SELECT count(*) AS n FROM entries").get()).toEqual({ n: 7 });
      expect(db.prepare("SELECT device_id, seq FROM compaction_marks").all()).toEqual([
        { device_id: founder.deviceId, seq: 55 },
      ]);
    } finally {
      db.close();
    }
  });

  it("keeps the compaction marks across snapshots and devices, and after reopening", async () => {
    const dir = tempDir();
    const store = open(dir);
    const { spaceId, founder } = await withSpace(store);
    const other = generateDeviceIdentity();
    await store.addDevice(
      { spaceId, device: publicKeysOf(other), enrolledBy: founder.deviceId, grant: new Uint8Array([1]) },
      1,
    );
    const doc = "shared";
    const by = (device: typeof founder, seq: number, extra: { kind?: "snapshot"; covers?: number } = {}) =>
      makeEntry({ device, documentId: doc, seq, ...extra });
    await store.appendEntries(spaceId, doc, [by(founder, 1), by(founder, 2)], 1);
    await store.appendEntries(spaceId, doc, [by(other, 1)], 1);
    await store.appendEntries(spaceId, doc, [by(founder, 3, { kind: "snapshot", covers: 3 })], 1);
    expect(await store.compact({ cutoff: 1 })).toMatchObject({ documents: 1, entries: 3 });
    // The mark is per device: the other device's seq 2 is new, the founder's 2 is a retry.
    const next = await store.appendEntries(spaceId, doc, [by(other, 2)], 2);
    expect(next.positions).toEqual([5]);
    await store.appendEntries(spaceId, doc, [by(founder, 4, { kind: "snapshot", covers: 5 })], 2);
    expect(await store.compact({ cutoff: 2 })).toMatchObject({ entries: 2 });
    await store.close();

    const reopened = open(dir);
    const again = await reopened.appendEntries(spaceId, doc, [by(founder, 2), by(founder, 3), by(other, 2)], 3);
    expect(again).toMatchObject({ positions: [0, 0, 0], appended: [] });
    const page = await reopened.fetchEntries(spaceId, doc, { after: 0, limit: 100, maxBytes: 1e9 });
    expect(page.entries.map((x) => [x.position, x.kind])).toEqual([[6, "snapshot"]]);
    expect(page.head).toBe(6);
  });

  it("turns the per-entry tombstones of schema version 1 into compaction marks", async () => {
    const dir = tempDir();
    const store = open(dir);
    const { spaceId, founder } = await withSpace(store);
    const [e1, e2, e3, e4] = [1, 2, 3, 4].map((seq) => makeEntry({ device: founder, documentId: "doc", seq }));
    await store.appendEntries(spaceId, "doc", [e1, e2, e3] as LogEntry[], 1);
    await store.close();
    // What a version-1 relay left after compacting positions 1 and 2: metadata rows without bodies.
    const db = new Database(join(dir, "relay.sqlite"));
    db.exec(`
      DROP TABLE compaction_marks;
      DELETE FROM entry_bodies WHERE entry_id IN (SELECT id FROM entries WHERE position <= 2);
      UPDATE documents SET dropped_through = 2;
      UPDATE schema_version SET version = 1;
    `);
    db.close();

    const migrated = open(dir);
    expect((await migrated.appendEntries(spaceId, "doc", [e1, e2, e3, e4] as LogEntry[], 2)).positions).toEqual([
      0, 0, 3, 4,
    ]);
    await migrated.close();
    const check = new Database(join(dir, "relay.sqlite"), { readonly: true });
    try {
      expect(check.prepare("SELECT count(*) AS n FROM entries").get()).toEqual({ n: 2 });
      expect(check.prepare("SELECT version FROM schema_version").get()).toEqual({ version: 2 });
    } finally {
      check.close();
    }
  });

  it("refuses work after close", async () => {
    const store = open();
    await store.close();
    await expect(store.listDocuments("x")).rejects.toThrow(StorageError);
    await expect(store.appendEntries("x", "d", [], 0)).rejects.toThrow(StorageError);
  });
});

async function fetchAll(store: SqliteStore, spaceId: string) {
  const page = await store.fetchEntries(spaceId, "doc", { after: 0, limit: 100, maxBytes: 1e9 });
  return page.entries.map(({ position: _position, ...entry }) => entry);
}
