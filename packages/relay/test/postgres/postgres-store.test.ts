// The PostgreSQL store on its own, against the run's real PostgreSQL server: migrations (versioned, once, under an
// advisory lock), the store's rules as the SQLite store keeps them, positions that two stores on one database can
// never give twice, announcements of appends to the other stores (ids and positions only), and compaction from
// several stores at once.
import { createSpaceGenesis, generateDeviceIdentity, publicKeysOf, verifySpaceGenesis } from "@hearth/transport";
import { afterEach, describe, expect, it } from "vitest";
import {
  type AppendNotice,
  COMPACTED_POSITION,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  PostgresStore,
  StorageError,
} from "../../src/index";
import { checkCompactedSeqAnswers } from "../helpers/compacted-seq-answers";
import { makeEntry } from "../helpers/entries";
import { freshDatabase, withDatabase } from "../helpers/test-store";

const stores: PostgresStore[] = [];

async function open(url: string): Promise<PostgresStore> {
  const store = await PostgresStore.open(url);
  stores.push(store);
  return store;
}

afterEach(async () => {
  for (const store of stores.splice(0)) await store.close();
});

async function withSpace(store: PostgresStore) {
  const founder = generateDeviceIdentity();
  const { genesis } = createSpaceGenesis(founder);
  const { spaceId, founder: keys } = verifySpaceGenesis(genesis);
  expect(await store.createSpace({ spaceId, genesis, founder: keys }, Date.now())).toBe("created");
  return { spaceId, genesis, founder };
}

async function readAll(store: PostgresStore, spaceId: string, documentId: string) {
  const page = await store.fetchEntries(spaceId, documentId, { after: 0, limit: 100_000, maxBytes: 1 << 30 });
  return page;
}

describe("PostgresStore", () => {
  it("applies versioned migrations once, even when several relays start together", async () => {
    const url = await freshDatabase();
    // Four relays open the same empty database at the same moment: the advisory lock makes them take turns.
    await Promise.all([open(url), open(url), open(url), open(url)]);
    const rows = await withDatabase(
      url,
      async (db) => (await db.query("SELECT version, name FROM schema_migrations")).rows,
    );
    expect(rows).toEqual([{ version: 1, name: "initial schema" }]);
    // A later start finds the schema current and changes nothing.
    await open(url);
    const count = await withDatabase(
      url,
      async (db) => (await db.query("SELECT count(*)::int AS n FROM schema_migrations")).rows[0],
    );
    expect(count).toEqual({ n: 1 });
  });

  it("refuses a database written by a newer relay, and an unreachable one, with E_STORAGE and no password", async () => {
    const url = await freshDatabase();
    await (await open(url)).close();
    await withDatabase(url, (db) => db.query("INSERT INTO schema_migrations (version, name) VALUES (99, 'future')"));
    await expect(PostgresStore.open(url)).rejects.toThrow(StorageError);
    await expect(PostgresStore.open(url)).rejects.toThrow(/schema version 99/);

    const unreachable = "postgres://relay:s3cret-pass@127.0.0.1:9/hearth";
    const error = await PostgresStore.open(unreachable).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageError);
    expect((error as StorageError).code).toBe("E_STORAGE");
    expect((error as Error).message).toContain("127.0.0.1:9");
    expect((error as Error).message).not.toContain("s3cret-pass");
  });

  it("keeps the membership rules: founding, enrolling, grants, removal, the last device", async () => {
    const store = await open(await freshDatabase());
    const a = await withSpace(store);
    const keys = publicKeysOf(a.founder);
    expect(await store.createSpace({ spaceId: a.spaceId, genesis: a.genesis, founder: keys }, 1)).toBe("exists");
    const other = a.genesis.slice();
    other[other.length - 1] = (other[other.length - 1] ?? 0) ^ 1;
    await expect(store.createSpace({ spaceId: a.spaceId, genesis: other, founder: keys }, 1)).rejects.toThrow(
      ConflictError,
    );
    const phone = publicKeysOf(generateDeviceIdentity());
    const grant = new Uint8Array([1, 2, 3]);
    const enroll = { spaceId: a.spaceId, device: phone, enrolledBy: a.founder.deviceId, grant };
    expect(await store.addDevice(enroll, 2)).toBe("added");
    expect(await store.addDevice(enroll, 3)).toBe("exists");
    expect((await store.listGrants(phone.deviceId)).map((g) => [...g.grant])).toEqual([[1, 2, 3]]);
    expect((await store.listDevices(a.spaceId)).map((d) => d.deviceId)).toEqual([a.founder.deviceId, phone.deviceId]);
    const stranger = generateDeviceIdentity().deviceId;
    await expect(store.addDevice({ ...enroll, enrolledBy: stranger }, 4)).rejects.toThrow(ForbiddenError);
    expect(await store.removeDevice(a.spaceId, phone.deviceId, a.founder.deviceId, 5)).toBe("removed");
    expect(await store.removeDevice(a.spaceId, phone.deviceId, a.founder.deviceId, 6)).toBe("already-removed");
    await expect(store.removeDevice(a.spaceId, stranger, a.founder.deviceId, 7)).rejects.toThrow(NotFoundError);
    await expect(store.removeDevice(a.spaceId, a.founder.deviceId, a.founder.deviceId, 8)).rejects.toThrow(
      ConflictError,
    );
    await expect(store.addDevice(enroll, 9)).rejects.toThrow(ConflictError);
    await expect(
      store.storeGrants([{ spaceId: a.spaceId, deviceId: phone.deviceId, enrollerId: a.founder.deviceId, grant }], 10),
    ).rejects.toThrow(ForbiddenError);
    const removed = await store.getDevice(a.spaceId, phone.deviceId);
    expect([removed?.removedAt, removed?.removedBy]).toEqual([5, a.founder.deviceId]);
  });

  it("never lets two concurrent removals lock a space out: one of them is refused", async () => {
    const store = await open(await freshDatabase());
    const a = await withSpace(store);
    const phone = generateDeviceIdentity();
    await store.addDevice(
      { spaceId: a.spaceId, device: publicKeysOf(phone), enrolledBy: a.founder.deviceId, grant: new Uint8Array([1]) },
      1,
    );
    const results = await Promise.allSettled([
      store.removeDevice(a.spaceId, phone.deviceId, a.founder.deviceId, 2),
      store.removeDevice(a.spaceId, a.founder.deviceId, phone.deviceId, 2),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    // The second to get the lock finds either its target the last active device or itself removed.
    const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason instanceof ConflictError || refused.reason instanceof ForbiddenError).toBe(true);
    const active = (await store.listDevices(a.spaceId)).filter((d) => d.removedAt === null);
    expect(active).toHaveLength(1);
  });

  it("assigns positions, is idempotent per (device, seq) and refuses a reused seq atomically", async () => {
    const store = await open(await freshDatabase());
    const { spaceId, founder } = await withSpace(store);
    // Made once each: sealing again would give other bytes (a fresh nonce), which is a different entry.
    const made = [1, 2, 3, 4, 5].map((seq) => makeEntry({ device: founder, documentId: "doc", seq }));
    const e = (seq: number) => made[seq - 1] as (typeof made)[number];
    const first = await store.appendEntries(spaceId, "doc", [e(1), e(2), e(3)], 1);
    expect(first.positions).toEqual([1, 2, 3]);
    expect(first.appended.map((x) => x.position)).toEqual([1, 2, 3]);
    const again = await store.appendEntries(spaceId, "doc", [e(2), e(4)], 2);
    expect(again.positions).toEqual([2, 4]);
    expect(again.appended.map((x) => x.seq)).toEqual([4]);
    // Seq 5 is new but seq 3 comes with other content: nothing of the batch is stored.
    const reused = makeEntry({ device: founder, documentId: "doc", seq: 3 });
    await expect(store.appendEntries(spaceId, "doc", [e(5), reused], 3)).rejects.toThrow(ConflictError);
    const page = await readAll(store, spaceId, "doc");
    expect(page.head).toBe(4);
    expect(page.entries.map((x) => [x.position, x.seq])).toEqual([
      [1, 1],
      [2, 2],
      [3, 3],
      [4, 4],
    ]);
    expect(await store.listDocuments(spaceId)).toEqual([{ documentId: "doc", head: 4 }]);
    const stranger = generateDeviceIdentity();
    await expect(
      store.appendEntries(spaceId, "doc", [makeEntry({ device: stranger, documentId: "doc", seq: 1 })], 4),
    ).rejects.toThrow(ForbiddenError);
  });

  it("has a unique constraint on (document, position): the database itself refuses a second entry at a position", async () => {
    const url = await freshDatabase();
    const store = await open(url);
    const { spaceId, founder } = await withSpace(store);
    await store.appendEntries(spaceId, "doc", [makeEntry({ device: founder, documentId: "doc", seq: 1 })], 1);
    const error = await withDatabase(url, (db) =>
      db
        .query(
          `INSERT INTO entries (doc, position, device_id, seq, epoch, kind, digest, size, received_at)
           SELECT doc, position, device_id, seq + 1, epoch, kind, digest, size, received_at FROM entries`,
        )
        .catch((e: unknown) => e),
    );
    expect(error).toMatchObject({ code: "23505", constraint: "entries_position_unique" });
  });

  it("gives gap-free, duplicate-free positions to concurrent appends from two stores on one database", async () => {
    const url = await freshDatabase();
    const [a, b] = [await open(url), await open(url)];
    const { spaceId, founder } = await withSpace(a);
    const writers = [founder];
    for (let i = 0; i < 7; i++) {
      const device = generateDeviceIdentity();
      await a.addDevice(
        { spaceId, device: publicKeysOf(device), enrolledBy: founder.deviceId, grant: new Uint8Array([i]) },
        1,
      );
      writers.push(device);
    }
    const PER_WRITER = 12;
    // Every writer appends its entries one or two at a time, alternating stores, all writers at once; each entry is
    // also sent a second time through the other store (a retry after a lost answer).
    const positions = new Map<string, number>();
    await Promise.all(
      writers.map(async (device, w) => {
        for (let seq = 1; seq <= PER_WRITER; seq += 2) {
          const batch = [seq, seq + 1].map((s) => makeEntry({ device, documentId: "shared", seq: s }));
          const [first, second] = w % 2 === 0 ? [a, b] : [b, a];
          const [one, two] = await Promise.all([
            first.appendEntries(spaceId, "shared", batch, 1),
            second.appendEntries(spaceId, "shared", batch, 1),
          ]);
          expect(two.positions).toEqual(one.positions);
          for (const [i, entry] of batch.entries()) {
            positions.set(`${device.deviceId}/${entry.seq}`, one.positions[i] ?? -1);
          }
        }
      }),
    );
    const total = writers.length * PER_WRITER;
    const page = await readAll(b, spaceId, "shared");
    expect(page.head).toBe(total);
    expect(page.entries.map((e) => e.position)).toEqual(Array.from({ length: total }, (_, i) => i + 1));
    expect(new Set(page.entries.map((e) => `${e.deviceId}/${e.seq}`)).size).toBe(total);
    for (const entry of page.entries) expect(positions.get(`${entry.deviceId}/${entry.seq}`)).toBe(entry.position);
  });

  it("announces each committed append to the other stores, with ids and positions only", async () => {
    const url = await freshDatabase();
    const [a, b] = [await open(url), await open(url)];
    const { spaceId, founder } = await withSpace(a);
    const heardByA: AppendNotice[] = [];
    const heardByB: AppendNotice[] = [];
    a.feed.watch((notice) => heardByA.push(notice));
    b.feed.watch((notice) => heardByB.push(notice));
    const batch = [1, 2, 3].map((seq) => makeEntry({ device: founder, documentId: "doc", seq }));
    await a.appendEntries(spaceId, "doc", batch, 1);
    // A retry stores nothing new and announces nothing; a refused batch announces nothing either.
    await a.appendEntries(spaceId, "doc", batch, 2);
    await expect(
      a.appendEntries(spaceId, "doc", [makeEntry({ device: generateDeviceIdentity(), documentId: "doc", seq: 1 })], 3),
    ).rejects.toThrow(ForbiddenError);
    await b.appendEntries(spaceId, "doc", [makeEntry({ device: founder, documentId: "doc", seq: 4 })], 4);
    const deadline = Date.now() + 10_000;
    while ((heardByB.length < 1 || heardByA.length < 1) && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 20));
    }
    await new Promise((r) => setTimeout(r, 200));
    expect(heardByB).toEqual([{ spaceId, documentId: "doc", first: 1, last: 3 }]);
    expect(heardByA).toEqual([{ spaceId, documentId: "doc", first: 4, last: 4 }]);
    const read = await b.feed.read(heardByB[0] as AppendNotice);
    expect(read.map((e) => [e.position, e.seq])).toEqual([
      [1, 1],
      [2, 2],
      [3, 3],
    ]);
    expect(Buffer.from(read[0]?.envelope ?? []).equals(Buffer.from(batch[0]?.envelope ?? []))).toBe(true);
  });

  it("answers an append at a compacted seq as compacted with the mark, same envelope or not", async () => {
    const store = await open(await freshDatabase());
    const { spaceId, founder } = await withSpace(store);
    await checkCompactedSeqAnswers(store, spaceId, founder);
  });

  it("compacts from several stores at once: each covered entry is dropped once, the snapshot and tail stay", async () => {
    const url = await freshDatabase();
    const [a, b] = [await open(url), await open(url)];
    const { spaceId, founder } = await withSpace(a);
    const docs = ["d0", "d1", "d2", "d3"];
    for (const doc of docs) {
      const changes = Array.from({ length: 40 }, (_, i) => makeEntry({ device: founder, documentId: doc, seq: i + 1 }));
      await a.appendEntries(spaceId, doc, changes, 1);
      const snapshot = makeEntry({ device: founder, documentId: doc, seq: 41, kind: "snapshot", covers: 40 });
      await a.appendEntries(spaceId, doc, [snapshot], 1);
      await a.appendEntries(spaceId, doc, [makeEntry({ device: founder, documentId: doc, seq: 42 })], 1);
    }
    const before = await a.storedBytes();
    expect(before).toBeGreaterThan(0);
    const results = await Promise.all([a.compact({ cutoff: Date.now() }), b.compact({ cutoff: Date.now() })]);
    expect(results.reduce((n, r) => n + r.entries, 0)).toBe(docs.length * 40);
    expect(results.reduce((n, r) => n + r.documents, 0)).toBe(docs.length);
    for (const doc of docs) {
      const page = await readAll(b, spaceId, doc);
      expect(page.head).toBe(42);
      expect(page.entries.map((e) => [e.position, e.kind])).toEqual([
        [41, "snapshot"],
        [42, "change"],
      ]);
      // A retry of a dropped entry is acknowledged as one, not stored again.
      const retried = await b.appendEntries(spaceId, doc, [makeEntry({ device: founder, documentId: doc, seq: 1 })], 2);
      expect(retried).toMatchObject({
        positions: [COMPACTED_POSITION],
        compacted: [{ index: 0, mark: 40 }],
        appended: [],
      });
    }
    // Nothing per dropped entry remains: two entries per document, and one mark per (document, device).
    const rows = await withDatabase(url, async (db) => {
      const count = async (table: string) => (await db.query(`SELECT count(*)::int AS n FROM ${table}`)).rows[0]?.n;
      return {
        entries: await count("entries"),
        bodies: await count("entry_bodies"),
        marks: await count("compaction_marks"),
      };
    });
    expect(rows).toEqual({ entries: docs.length * 2, bodies: docs.length * 2, marks: docs.length });
    expect(await a.compact({ cutoff: Date.now() })).toEqual({ documents: 0, entries: 0, bytes: 0 });
  });

  it("fails calls after close with E_STORAGE", async () => {
    const store = await PostgresStore.open(await freshDatabase());
    await store.close();
    await expect(store.listDocuments("x")).rejects.toThrow(StorageError);
    await store.close();
  });
});
