// How a device applies entries from the log: order, duplicates, gaps, forgeries, epochs and snapshots. Entries
// are made by a second real device identity with the real sealing code; no relay is involved at this level.
import * as Automerge from "@automerge/automerge";
import { type DeviceIdentity, generateDeviceIdentity, KeyRing } from "@hearth/transport";
import { describe, expect, it } from "vitest";
import { DocumentReplica, type ReplicaContext } from "../src/client/document-replica";
import { emptyStats } from "../src/client/sync-stats";
import {
  encodeChangePayload,
  encodeSnapshotPayload,
  type FetchedEntry,
  MemoryStorage,
  type SyncError,
  sealEntry,
} from "../src/index";

interface Counts {
  [name: string]: number;
}

function context(identity: DeviceIdentity, keyRing: KeyRing, devices: DeviceIdentity[], storage = new MemoryStorage()) {
  const errors: SyncError[] = [];
  const ctx: ReplicaContext = {
    storage,
    identity,
    keyRing,
    signingKeyOf: (id) => devices.find((d) => d.deviceId === id)?.signingPublicKey,
    report: (e) => errors.push(e),
    maxEntryBytes: 4 * 1024 * 1024,
    stats: emptyStats(),
  };
  return { ctx, errors };
}

/** A writer device: makes Automerge changes and seals them into entries, seq 1, 2, 3... */
function writer(identity: DeviceIdentity, keyRing: KeyRing, documentId = "doc") {
  let doc = Automerge.init<Counts>();
  let heads: string[] = [];
  let seq = 0;
  let position = 0;
  return {
    change(name: string, value: number): FetchedEntry {
      doc = Automerge.change(doc, (d) => {
        d[name] = value;
      });
      const changes = Automerge.saveSince(doc, heads);
      heads = Automerge.getHeads(doc);
      const entry = sealEntry(
        identity,
        keyRing,
        { documentId, seq: ++seq, kind: "change" },
        encodeChangePayload(changes),
      );
      return { ...entry, position: ++position };
    },
    snapshot(covers: number, seqs: Record<string, number>): FetchedEntry {
      const plaintext = encodeSnapshotPayload({ covers, seqs, document: Automerge.save(doc) });
      const entry = sealEntry(identity, keyRing, { documentId, seq: ++seq, kind: "snapshot", covers }, plaintext);
      return { ...entry, position: ++position };
    },
    get doc() {
      return doc;
    },
  };
}

describe("DocumentReplica: applying entries", () => {
  it("applies entries in order, moves the cursor, and ignores replays", async () => {
    const keyRing = KeyRing.create();
    const [a, b] = [generateDeviceIdentity(), generateDeviceIdentity()];
    const { ctx, errors } = context(b, keyRing, [a, b]);
    const replica = await DocumentReplica.load(ctx, "doc");
    const w = writer(a, keyRing);
    const e1 = w.change("x", 1);
    const e2 = w.change("y", 2);
    const first = await replica.ingest([e1, e2], true);
    expect(first.changed).toBe(true);
    expect(replica.doc).toEqual({ x: 1, y: 2 });
    expect(replica.state.cursor).toBe(2);
    expect(replica.state.applied[a.deviceId]).toBe(2);
    const again = await replica.ingest([e1, e2, e1], true);
    expect(again.changed).toBe(false);
    expect(ctx.stats.entriesApplied).toBe(2);
    expect(errors).toEqual([]);
  });

  it("holds an entry that skips a sequence number until the missing one arrives", async () => {
    const keyRing = KeyRing.create();
    const [a, b] = [generateDeviceIdentity(), generateDeviceIdentity()];
    const { ctx } = context(b, keyRing, [a, b]);
    const replica = await DocumentReplica.load(ctx, "doc");
    const w = writer(a, keyRing);
    const [e1, e2, e3] = [w.change("x", 1), w.change("y", 2), w.change("z", 3)];
    // The relay (or the network) dropped e2 and delivered e3.
    const result = await replica.ingest([e1, e3], true);
    expect(result.pending).toBe(1);
    expect(replica.doc).toEqual({ x: 1 });
    // The cursor stops before the held entry, so fetching again from it returns e2 and e3.
    expect(replica.state.cursor).toBe(1);
    const filled = await replica.ingest([e2, e3], true);
    expect(filled.pending).toBe(0);
    expect(replica.doc).toEqual({ x: 1, y: 2, z: 3 });
    expect(replica.state.cursor).toBe(3);
  });

  it("rejects forged, tampered and misplaced entries with E_VERIFY and never applies them", async () => {
    const keyRing = KeyRing.create();
    const [a, b, stranger] = [generateDeviceIdentity(), generateDeviceIdentity(), generateDeviceIdentity()];
    const { ctx, errors } = context(b, keyRing, [a, b]);
    const replica = await DocumentReplica.load(ctx, "doc");
    const good = writer(a, keyRing).change("x", 1);

    const flipped = { ...good, envelope: good.envelope.slice() };
    flipped.envelope[40] = (flipped.envelope[40] ?? 0) ^ 1;
    const badSignature = { ...good, signature: good.signature.slice() };
    badSignature.signature[0] = (badSignature.signature[0] ?? 0) ^ 1;
    const movedSeq = { ...good, seq: 1, kind: "snapshot" as const, covers: 0 };
    const otherDoc = { ...writer(a, keyRing, "elsewhere").change("x", 1), position: 1 };
    const byStranger = writer(stranger, keyRing).change("x", 666);
    const wrongKey = writer(a, KeyRing.create()).change("x", 666);

    for (const entry of [flipped, badSignature, movedSeq, otherDoc, byStranger, wrongKey]) {
      await replica.ingest([entry], false);
    }
    expect(errors.map((e) => e.code)).toEqual(Array(6).fill("E_VERIFY"));
    expect(replica.doc).toEqual({});
    expect(ctx.stats.entriesRejected).toBe(6);
    // The real entry still applies afterwards.
    await replica.ingest([good], true);
    expect(replica.doc).toEqual({ x: 1 });
  });

  it("holds entries of an epoch it lacks and applies them once the key arrives", async () => {
    const writerRing = KeyRing.create();
    const readerRing = KeyRing.fromBytes(writerRing.toBytes());
    writerRing.rotate();
    const [a, b] = [generateDeviceIdentity(), generateDeviceIdentity()];
    const { ctx } = context(b, readerRing, [a, b]);
    const replica = await DocumentReplica.load(ctx, "doc");
    const entry = writer(a, writerRing).change("secret", 1);
    expect(entry.epoch).toBe(1);
    const result = await replica.ingest([entry], true);
    expect(result.missingEpochs).toEqual([1]);
    expect(replica.state.cursor).toBe(0);
    expect(replica.doc).toEqual({});
    readerRing.add(1, writerRing.spaceKey(1));
    await replica.ingest([entry], true);
    expect(replica.doc).toEqual({ secret: 1 });
  });

  it("loads a covering snapshot, jumps the cursor to what it covers and skips the covered entries", async () => {
    const keyRing = KeyRing.create();
    const [a, b, c] = [generateDeviceIdentity(), generateDeviceIdentity(), generateDeviceIdentity()];
    const { ctx } = context(c, keyRing, [a, b, c]);
    const replica = await DocumentReplica.load(ctx, "doc");
    const w = writer(a, keyRing);
    const early = [w.change("a", 1), w.change("b", 2), w.change("c", 3)];
    const snapshot = w.snapshot(3, { [a.deviceId]: 3 });
    const late = w.change("d", 4);
    // What the relay answers a new device after compaction: the snapshot first, then the tail.
    await replica.ingest([snapshot, late], true);
    expect(replica.doc).toEqual({ a: 1, b: 2, c: 3, d: 4 });
    expect(replica.state.cursor).toBe(late.position);
    expect(replica.state.applied[a.deviceId]).toBe(5);
    expect(ctx.stats.snapshotsApplied).toBe(1);
    // Covered entries arriving later (a relay that did not drop them yet) are duplicates.
    const before = ctx.stats.entriesApplied;
    await replica.ingest(early, false);
    expect(ctx.stats.entriesApplied).toBe(before);
  });

  it("catches up from a snapshot alone without fetching it twice, and keeps its bytes as the stored copy", async () => {
    const keyRing = KeyRing.create();
    const [a, c] = [generateDeviceIdentity(), generateDeviceIdentity()];
    const storage = new MemoryStorage();
    const { ctx } = context(c, keyRing, [a, c], storage);
    const replica = await DocumentReplica.load(ctx, "doc");
    const w = writer(a, keyRing);
    for (const name of ["a", "b", "c"]) w.change(name, 1);
    const snapshot = w.snapshot(3, { [a.deviceId]: 3 });
    // The relay's answer when nothing follows the snapshot: the snapshot alone, at position 4 covering 1 to 3.
    await replica.ingest([snapshot], true);
    expect(replica.doc).toEqual({ a: 1, b: 1, c: 1 });
    expect(replica.state.cursor).toBe(snapshot.position);
    // The snapshot's document, as sealed, is what storage holds: no second save, no chunk.
    const stored = await storage.load(["docs", "doc", "snapshot"]);
    expect(stored).toEqual(Automerge.save(w.doc));
    expect(await storage.loadRange(["docs", "doc", "chunks"])).toEqual([]);

    // What comes after goes into a chunk on top of it, and a reload gives the same document and cursor.
    const late = w.change("d", 2);
    await replica.ingest([late], true);
    expect(await storage.loadRange(["docs", "doc", "chunks"])).toHaveLength(1);
    const reloaded = await DocumentReplica.load(context(c, keyRing, [a, c], storage).ctx, "doc");
    expect(reloaded.doc).toEqual({ a: 1, b: 1, c: 1, d: 2 });
    expect(reloaded.state.cursor).toBe(late.position);
  });

  it("merges a covering snapshot into a replica that already has content", async () => {
    const keyRing = KeyRing.create();
    const [a, c] = [generateDeviceIdentity(), generateDeviceIdentity()];
    const { ctx } = context(c, keyRing, [a, c]);
    const replica = await DocumentReplica.load(ctx, "doc");
    replica.setLocal(
      Automerge.change(replica.doc as Automerge.Doc<Counts>, (d) => {
        d.mine = 7;
      }),
    );
    const w = writer(a, keyRing);
    w.change("theirs", 1);
    await replica.ingest([w.snapshot(1, { [a.deviceId]: 1 })], true);
    expect(replica.doc).toEqual({ mine: 7, theirs: 1 });
    expect(replica.hasUnsentChanges).toBe(true);
  });

  it("rejects a snapshot whose sealed covers disagrees with the clear one", async () => {
    const keyRing = KeyRing.create();
    const [a, b] = [generateDeviceIdentity(), generateDeviceIdentity()];
    const { ctx, errors } = context(b, keyRing, [a, b]);
    const replica = await DocumentReplica.load(ctx, "doc");
    const w = writer(a, keyRing);
    w.change("a", 1);
    const plaintext = encodeSnapshotPayload({ covers: 1, seqs: {}, document: Automerge.save(w.doc) });
    const lying = sealEntry(a, keyRing, { documentId: "doc", seq: 2, kind: "snapshot", covers: 99 }, plaintext);
    await replica.ingest([{ ...lying, position: 2 }], true);
    expect(errors.map((e) => e.code)).toEqual(["E_VERIFY"]);
    expect(replica.state.cursor).toBe(2);
    expect(replica.doc).toEqual({});
  });
});

describe("DocumentReplica: local persistence and the offline queue", () => {
  it("persists changes and sealed entries, and reloads both", async () => {
    const keyRing = KeyRing.create();
    const me = generateDeviceIdentity();
    const storage = new MemoryStorage();
    const { ctx } = context(me, keyRing, [me], storage);
    const replica = await DocumentReplica.load(ctx, "doc");
    replica.setLocal(
      Automerge.change(replica.doc as Automerge.Doc<Counts>, (d) => {
        d.a = 1;
      }),
    );
    expect(await replica.enqueue()).toBe(1);
    replica.setLocal(
      Automerge.change(replica.doc as Automerge.Doc<Counts>, (d) => {
        d.b = 2;
      }),
    );
    expect(await replica.enqueue()).toBe(1);
    expect(await replica.enqueue()).toBe(0);

    const reloaded = await DocumentReplica.load(context(me, keyRing, [me], storage).ctx, "doc");
    expect(reloaded.doc).toEqual({ a: 1, b: 2 });
    expect(reloaded.queue.map((r) => r.entry.seq)).toEqual([1, 2]);
    expect(reloaded.state.nextSeq).toBe(3);
    expect(reloaded.hasUnsentChanges).toBe(false);

    // The queued entries are what another device can verify, open and apply.
    const other = generateDeviceIdentity();
    const reader = await DocumentReplica.load(context(other, keyRing, [me, other]).ctx, "doc");
    await reader.ingest(
      reloaded.queue.map((r, i) => ({ ...r.entry, position: i + 1 })),
      true,
    );
    expect(reader.doc).toEqual({ a: 1, b: 2 });
  });

  it("recovers the next sequence number from the queue after a crash between queue and state writes", async () => {
    const keyRing = KeyRing.create();
    const me = generateDeviceIdentity();
    const storage = new MemoryStorage();
    const replica = await DocumentReplica.load(context(me, keyRing, [me], storage).ctx, "doc");
    replica.setLocal(
      Automerge.change(replica.doc as Automerge.Doc<Counts>, (d) => {
        d.a = 1;
      }),
    );
    await replica.enqueue();
    // Roll the state back to before the entry, as a crash right after the queue write would leave it.
    await storage.remove(["docs", "doc", "state"]);
    const reloaded = await DocumentReplica.load(context(me, keyRing, [me], storage).ctx, "doc");
    expect(reloaded.state.nextSeq).toBe(2);
    expect(reloaded.hasUnsentChanges).toBe(false);
  });

  it("compacts its local chunks into one snapshot and loads the same document", async () => {
    const keyRing = KeyRing.create();
    const me = generateDeviceIdentity();
    const storage = new MemoryStorage();
    const replica = await DocumentReplica.load(context(me, keyRing, [me], storage).ctx, "doc");
    for (let i = 0; i < 150; i++) {
      replica.setLocal(
        Automerge.change(replica.doc as Automerge.Doc<Counts>, (d) => {
          d[`k${i}`] = i;
        }),
      );
      await replica.persist();
    }
    const chunks = await storage.loadRange(["docs", "doc", "chunks"]);
    expect(chunks.length).toBeLessThan(64);
    expect(await storage.load(["docs", "doc", "snapshot"])).toBeDefined();
    const reloaded = await DocumentReplica.load(context(me, keyRing, [me], storage).ctx, "doc");
    expect(Object.keys(reloaded.doc as Counts)).toHaveLength(150);
  });

  it("splits changes too large for one entry into several entries", async () => {
    const keyRing = KeyRing.create();
    const me = generateDeviceIdentity();
    const { ctx, errors } = context(me, keyRing, [me]);
    ctx.maxEntryBytes = 4096;
    const replica = await DocumentReplica.load(ctx, "doc");
    for (let i = 0; i < 40; i++) {
      replica.setLocal(
        Automerge.change(replica.doc as Automerge.Doc<Record<string, string>>, (d) => {
          d[`k${i}`] = `${i}`.repeat(100);
        }),
      );
    }
    const n = await replica.enqueue();
    expect(n).toBeGreaterThan(1);
    expect(replica.queue.every((r) => r.entry.envelope.length <= 4096)).toBe(true);
    const other = generateDeviceIdentity();
    const reader = await DocumentReplica.load(context(other, keyRing, [me, other]).ctx, "doc");
    await reader.ingest(
      replica.queue.map((r, i) => ({ ...r.entry, position: i + 1 })),
      true,
    );
    expect(Object.keys(reader.doc as object)).toHaveLength(40);
    // One change bigger than an entry cannot be split: reported, kept locally, nothing queued.
    replica.setLocal(
      Automerge.change(replica.doc as Automerge.Doc<Record<string, string>>, (d) => {
        d.huge = Array.from({ length: 800 }, () => Math.random().toString(36).slice(2)).join("");
      }),
    );
    expect(await replica.enqueue()).toBe(0);
    expect(errors.map((e) => e.code)).toEqual(["E_TOO_LARGE"]);
  });
});
