// What every store answers for an append at a seq compaction has dropped, with the same envelope (a retry) and with
// another one (a device that reuses its seqs): both are reported as compacted with the mark, neither is stored,
// while a different envelope at a seq still held stays a conflict. Shared by the SQLite and PostgreSQL tests.
import type { DeviceIdentity } from "@hearth/transport";
import { expect } from "vitest";
import { COMPACTED_POSITION, ConflictError, type RelayStore } from "../../src/index";
import { makeEntry } from "./entries";

export async function checkCompactedSeqAnswers(store: RelayStore, spaceId: string, device: DeviceIdentity) {
  const doc = "reused";
  const text = (s: string) => new TextEncoder().encode(s);
  const original = (seq: number) => makeEntry({ device, documentId: doc, seq, plaintext: text(`original ${seq}`) });
  const entries = Array.from({ length: 8 }, (_, i) => original(i + 1));
  await store.appendEntries(spaceId, doc, entries, 1);
  const snapshot = makeEntry({ device, documentId: doc, seq: 9, kind: "snapshot", covers: 6 });
  await store.appendEntries(spaceId, doc, [snapshot], 1);
  expect((await store.compact({ cutoff: Date.now(), spaceId, documentId: doc })).entries).toBe(6);
  const bytes = await store.storedBytes();

  // The same envelope again (a retry of a dropped entry) and new content under a dropped seq get the same answer:
  // not stored, compacted, with the device's mark (the highest seq dropped).
  const retry = await store.appendEntries(spaceId, doc, [entries[2] ?? original(3)], 2);
  expect(retry).toEqual({
    positions: [COMPACTED_POSITION],
    compacted: [{ index: 0, mark: 6 }],
    appended: [],
    newSnapshot: false,
  });
  const reused = makeEntry({ device, documentId: doc, seq: 3, plaintext: text("new edit under an old seq") });
  const answer = await store.appendEntries(spaceId, doc, [reused], 2);
  expect(answer).toEqual({
    positions: [COMPACTED_POSITION],
    compacted: [{ index: 0, mark: 6 }],
    appended: [],
    newSnapshot: false,
  });

  // In a batch, only the entries at or below the mark are listed; the rest is stored or retried as usual.
  const fresh = makeEntry({ device, documentId: doc, seq: 10 });
  const mixed = await store.appendEntries(spaceId, doc, [reused, entries[6] ?? original(7), fresh], 2);
  expect(mixed.positions).toEqual([COMPACTED_POSITION, 7, 10]);
  expect(mixed.compacted).toEqual([{ index: 0, mark: 6 }]);
  expect(mixed.appended.map((e) => e.seq)).toEqual([10]);

  // Above the mark the digest is still held: another envelope under a stored seq is refused, nothing stored.
  const clash = makeEntry({ device, documentId: doc, seq: 7, plaintext: text("another edit under seq 7") });
  await expect(store.appendEntries(spaceId, doc, [clash], 2)).rejects.toThrow(ConflictError);

  const page = await store.fetchEntries(spaceId, doc, { after: 0, limit: 100, maxBytes: 1e9 });
  expect(page.head).toBe(10);
  expect(page.entries.map((e) => [e.position, e.seq])).toEqual([
    [9, 9],
    [7, 7],
    [8, 8],
    [10, 10],
  ]);
  expect(await store.storedBytes()).toBeLessThan(bytes + 64 * 1024);
}
