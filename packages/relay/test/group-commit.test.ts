// Group commit with the sync off the event loop: a write is answered only after a sync that started after its
// commit, reads never see a commit before it is durable, and a failed sync stops the store from promising anything.
// A real SQLite database; the sync is a function the test resolves, so each step can be watched in between.
import fs, { fstatSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { syncBuiltinESMExports } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createSpaceGenesis, generateDeviceIdentity, verifySpaceGenesis } from "@hearth/transport";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { SqliteStore, StorageError } from "../src/index";
import { FileSyncer } from "../src/store/sqlite/file-syncer";
import { GroupCommit } from "../src/store/sqlite/group-commit";
import { makeEntry } from "./helpers/entries";

const cleanups: Array<() => void | Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "hearth-relay-commit-"));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A sync the test settles by hand, counting its calls. */
function manualSync() {
  const calls: Array<{ resolve: () => void; reject: (error: Error) => void }> = [];
  const sync = () => new Promise<void>((resolve, reject) => calls.push({ resolve, reject }));
  return { sync, calls };
}

function openCommit() {
  const db = new Database(join(tempDir(), "t.sqlite"));
  cleanups.push(() => {
    db.close();
  });
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  db.exec("CREATE TABLE t (v INTEGER NOT NULL UNIQUE)");
  const manual = manualSync();
  const commits = new GroupCommit(db, manual.sync);
  const insert = db.prepare("INSERT INTO t (v) VALUES (?)");
  const count = () => (db.prepare("SELECT count(*) AS n FROM t").get() as { n: number }).n;
  return { db, commits, insert, count, ...manual };
}

/** Lets setImmediate callbacks (the flush) and promise reactions run. */
const turn = () => new Promise((resolve) => setImmediate(resolve));

async function settled<T>(promise: Promise<T>): Promise<"pending" | "resolved" | "rejected"> {
  let state: "pending" | "resolved" | "rejected" = "pending";
  promise.then(
    () => {
      state = "resolved";
    },
    () => {
      state = "rejected";
    },
  );
  await turn();
  await turn();
  return state;
}

describe("GroupCommit", () => {
  it("answers a write only after the sync that follows its commit", async () => {
    const { commits, insert, count, calls } = openCommit();
    const write = commits.run(() => insert.run(1).changes);
    await turn();
    // Committed into the WAL, sync asked for, not answered.
    expect(count()).toBe(1);
    expect(calls).toHaveLength(1);
    expect(await settled(write)).toBe("pending");
    calls[0]?.resolve();
    expect(await write).toBe(1);
  });

  it("gathers the writes queued during a sync into the next batch, with one sync for them all", async () => {
    const { commits, insert, count, calls } = openCommit();
    const first = commits.run(() => insert.run(0));
    await turn();
    const next = Array.from({ length: 20 }, (_, i) => commits.run(() => insert.run(i + 1)));
    await turn();
    // Nothing of the next batch commits while the first one's sync runs.
    expect(count()).toBe(1);
    expect(calls).toHaveLength(1);
    calls[0]?.resolve();
    await first;
    await turn();
    expect(count()).toBe(21);
    expect(calls).toHaveLength(2);
    expect(await settled(Promise.all(next))).toBe("pending");
    calls[1]?.resolve();
    await Promise.all(next);
    await commits.drain();
  });

  it("holds reads during a sync and runs them before the next batch commits", async () => {
    const { commits, insert, count, calls } = openCommit();
    const first = commits.run(() => insert.run(1));
    await turn();
    const read = commits.read(count);
    const second = commits.run(() => insert.run(2));
    await turn();
    expect(await settled(read)).toBe("pending");
    calls[0]?.resolve();
    // The read saw the first write (durable now) and not the second (not even committed yet).
    expect(await read).toBe(1);
    await first;
    await turn();
    expect(calls).toHaveLength(2);
    // A read while nothing is in flight runs at once... and one during the second sync waits for it.
    const during = commits.read(count);
    expect(await settled(during)).toBe("pending");
    calls[1]?.resolve();
    expect(await during).toBe(2);
    await second;
    expect(await commits.read(count)).toBe(2);
  });

  it("rolls back a failing write alone and answers the others of its batch", async () => {
    const { commits, insert, count, calls } = openCommit();
    const writes = [1, 1, 2].map((v) => commits.run(() => insert.run(v)));
    await turn();
    calls[0]?.resolve();
    const outcomes = await Promise.allSettled(writes);
    expect(outcomes.map((o) => o.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect(count()).toBe(2);
  });

  it("refuses the whole batch, and runs none of it on its own, when SQLite rolls the transaction back", async () => {
    const { db, commits, insert, count, calls } = openCommit();
    db.exec("CREATE TABLE big (b BLOB)");
    const big = db.prepare("INSERT INTO big (b) VALUES (?)");
    // A disk full for this file: a write that needs more pages fails with SQLITE_FULL, and SQLite rolls back the
    // whole transaction, not only that write's savepoint.
    db.pragma(`max_page_count = ${(db.pragma("page_count", { simple: true }) as number) + 2}`);
    const writes = [
      commits.run(() => insert.run(1)),
      commits.run(() => big.run(Buffer.alloc(100_000))),
      commits.run(() => insert.run(3)),
    ];
    const settling = Promise.allSettled(writes);
    await turn();
    // (Were anything committed, its sync would be answered here rather than leave the test waiting.)
    for (const call of calls) call.resolve();
    const outcomes = await settling;
    expect(outcomes.map((o) => o.status)).toEqual(["rejected", "rejected", "rejected"]);
    expect(outcomes[2]).toMatchObject({ reason: { code: "E_STORAGE" } });
    // Nothing was committed outside the group transaction (and so without a sync and answered as failed).
    expect(count()).toBe(0);
    expect(db.inTransaction).toBe(false);
    expect(calls).toHaveLength(0);
    // Once there is room again, writes go through.
    db.pragma("max_page_count = 1000000");
    const later = commits.run(() => insert.run(4).changes);
    await turn();
    calls.at(-1)?.resolve();
    expect(await later).toBe(1);
  });

  it("refuses the batch, every later write and every read once a sync fails", async () => {
    const { commits, insert, calls } = openCommit();
    const write = commits.run(() => insert.run(1));
    await turn();
    const held = commits.read(() => "read");
    calls[0]?.reject(Object.assign(new Error("EIO: i/o error, fsync"), { code: "EIO" }));
    const failure = await write.then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(StorageError);
    expect(failure).toMatchObject({ code: "E_STORAGE", cause: { code: "EIO" } });
    expect((failure as Error).message).toMatch(/fsync failed/);
    await expect(held).rejects.toBe(failure);
    await expect(commits.run(() => insert.run(2))).rejects.toBe(failure);
    await expect(commits.read(() => "read")).rejects.toBe(failure);
    // Nothing is waiting any more.
    await commits.drain();
    expect(calls).toHaveLength(1);
  });
});

describe("FileSyncer", () => {
  it("fails with the system error while the file is missing, and syncs it once it exists", async () => {
    const path = join(tempDir(), "wal");
    const syncer = new FileSyncer(path);
    cleanups.push(() => syncer.close());
    await expect(syncer.sync()).rejects.toMatchObject({ code: "ENOENT" });
    fs.writeFileSync(path, "frames");
    await expect(syncer.sync()).resolves.toBeUndefined();
  });
});

describe("SqliteStore durability", () => {
  it("fsyncs its WAL file before it answers an append", async () => {
    const dir = tempDir();
    const store = SqliteStore.open(dir);
    cleanups.push(() => store.close());
    const founder = generateDeviceIdentity();
    const { genesis } = createSpaceGenesis(founder);
    const { spaceId, founder: keys } = verifySpaceGenesis(genesis);
    await store.createSpace({ spaceId, genesis, founder: keys }, 0);

    // Watch every fsync the process makes from now on: which file, and when it completes.
    const events: string[] = [];
    const original = fs.fsync;
    fs.fsync = ((fd: number, callback: (error: NodeJS.ErrnoException | null) => void) => {
      const { dev, ino } = fstatSync(fd);
      original(fd, (error) => {
        events.push(`fsync ${dev}:${ino}`);
        callback(error);
      });
    }) as typeof fs.fsync;
    syncBuiltinESMExports();
    try {
      const appended = store
        .appendEntries(spaceId, "doc", [makeEntry({ device: founder, documentId: "doc", seq: 1 })], 0)
        .then((result) => {
          events.push("answered");
          return result;
        });
      expect((await appended).positions).toEqual([1]);
    } finally {
      fs.fsync = original;
      syncBuiltinESMExports();
    }
    const wal = statSync(join(dir, "relay.sqlite-wal"));
    expect(events).toEqual([`fsync ${wal.dev}:${wal.ino}`, "answered"]);
  });
});
