// @hearth/sync and @hearth/relay end to end: a new device catching up on a document of 10,000 changes through a real
// relay process, with a snapshot (goal <= 1.2x) and without, each against loading the plain `Automerge.save` of the
// same document; the bytes the relay keeps after compaction against that save (goal <= 1.3x); and what end-to-end
// encryption costs: opening the snapshot entry (verify + decrypt + load) against loading the same save in the clear,
// and per change seal + sign + verify + open + apply against applying the same change in the clear.
import * as Automerge from "@automerge/automerge";
import {
  createSpace,
  decodeSnapshotPayload,
  encodeChangePayload,
  encodeSnapshotPayload,
  encodeWireEntry,
  enrollDevice,
  joinSpace,
  MemoryStorage,
  openEntry,
  RelayApi,
  SyncClient,
  sealEntry,
  verifyEntry,
} from "@hearth/sync";
import { createPairingCode, generateDeviceIdentity, KeyRing, parsePairingCode } from "@hearth/transport";
import { startRelay } from "../lib/relay-process.mjs";

export const description = "new-device catch-up with and without a snapshot, relay bytes after compaction, E2EE cost";

const DOCUMENT = "tasks";
const CHANGES = { quick: 1_000, full: 10_000 };
const APPEND_BATCH = 500;
// Changes sealed, verified, opened and applied per timed call of the encryption measure.
const PER_CALL = 100;
const GOALS = { catchUpWithSnapshot: 1.2, storedAfterCompaction: 1.3 };

function sanityCheck(ok, what) {
  if (!ok) throw new Error(`sync suite: ${what}; the measure would be meaningless.`);
}

/**
 * A task list edited `count` times, one Automerge change per edit: every fifth edit adds a task, the others tick one
 * off or rewrite its note. Returns each change as the client would put it in an entry (`saveSince` the previous
 * heads) and the final document.
 */
function editHistory(count) {
  let doc = Automerge.init();
  const changes = [];
  for (let i = 0; i < count; i++) {
    const heads = Automerge.getHeads(doc);
    doc = Automerge.change(doc, (d) => {
      if (!d.tasks) d.tasks = [];
      if (i % 5 === 0) {
        d.tasks.push({ title: `Task ${i}: call the plumber`, done: false, note: "" });
      } else {
        const task = d.tasks[(i * 7919) % d.tasks.length];
        if (i % 2 === 1) task.done = !task.done;
        else task.note = `moved to ${i % 28} May`;
      }
    });
    changes.push(Automerge.saveSince(doc, heads));
  }
  return { doc, changes };
}

/** One entry per change, as a device that syncs each edit on its own sends them (the worst case for a log). */
async function appendChanges(api, identity, spaceId, keyRing, changes) {
  const entries = changes.map((changes, i) =>
    encodeWireEntry(
      sealEntry(identity, keyRing, { documentId: DOCUMENT, seq: i + 1, kind: "change" }, encodeChangePayload(changes)),
    ),
  );
  let head = 0;
  for (let i = 0; i < entries.length; i += APPEND_BATCH) {
    const positions = await api.append(spaceId, DOCUMENT, entries.slice(i, i + APPEND_BATCH));
    head = positions.at(-1);
  }
  return head;
}

/**
 * The snapshot entry `SyncClient.compact` appends, built from the same exported parts (the whole document, the
 * position it covers, the sequence numbers it contains), without a client catching up on the log first.
 */
async function appendSnapshot(api, identity, spaceId, keyRing, doc, covers, seq) {
  const plaintext = encodeSnapshotPayload({
    covers,
    seqs: { [identity.deviceId]: seq - 1 },
    document: Automerge.save(doc),
  });
  const entry = sealEntry(identity, keyRing, { documentId: DOCUMENT, seq, kind: "snapshot", covers }, plaintext);
  await api.append(spaceId, DOCUMENT, [encodeWireEntry(entry)]);
}

async function catchUpMeasures({ quick, measure, measureValue }) {
  const count = quick ? CHANGES.quick : CHANGES.full;
  const { doc, changes } = editHistory(count);
  const save = Automerge.save(doc);
  const heads = Automerge.getHeads(doc).join(",");
  const loadSave = () => Automerge.load(save);

  let compacted;
  const relay = await startRelay({
    retentionDays: 0,
    onLog: (record) => {
      if (record.msg === "compacted") compacted?.(record);
    },
  });
  try {
    const laptop = generateDeviceIdentity();
    const { spaceId, keyRing } = await createSpace({ relayUrl: relay.url, identity: laptop });
    const laptopApi = new RelayApi(relay.url, laptop);
    const head = await appendChanges(laptopApi, laptop, spaceId, keyRing, changes);

    // The new device: enrolled from the laptop with its pairing code, as the README's flow does.
    const phone = generateDeviceIdentity();
    const joining = joinSpace({ relayUrl: relay.url, identity: phone, spaceId, pollIntervalMs: 20 });
    await enrollDevice({
      relayUrl: relay.url,
      identity: laptop,
      spaceId,
      keyRing,
      device: parsePairingCode(createPairingCode(phone)),
    });
    const joined = await joining;

    // A catch-up: open a client with empty storage, sync the document, close. No live socket: one full pass. Each
    // call checks it reached the document's heads, so a wrong catch-up can never be timed as a fast one.
    const catchUp = async () => {
      const client = await SyncClient.open({
        relayUrl: relay.url,
        identity: phone,
        spaceId,
        keyRing: joined.keyRing,
        storage: new MemoryStorage(),
        webSocket: null,
        pollIntervalMs: 3_600_000,
      });
      try {
        const handle = await client.document(DOCUMENT);
        await client.syncNow();
        sanityCheck(Automerge.getHeads(handle.doc()).join(",") === heads, "a new device missed changes");
      } finally {
        await client.close();
      }
    };

    const logSamples = quick ? 1 : 2;
    await measure({
      name: `new device catch-up, ${count.toLocaleString("en-US")} changes, log only`,
      unit: "ms",
      ours: catchUp,
      baselines: [{ name: "Automerge.load of the plain save", fn: loadSave }],
      // A catch-up through the whole log verifies one signature per change: seconds a sample, so a fixed few.
      plan: { budgetMs: 0, warmupMs: 0, minSamples: logSamples, maxSamples: logSamples },
    });

    // The laptop compacts; the relay drops what the snapshot covers at once (retention 0) and logs it.
    const done = new Promise((resolve) => {
      compacted = resolve;
    });
    await appendSnapshot(laptopApi, laptop, spaceId, keyRing, doc, head, count + 1);
    const dropped = await done;
    sanityCheck(dropped.entries === count, `compaction dropped ${dropped.entries} entries, not ${count}`);

    await measure({
      name: `new device catch-up, ${count.toLocaleString("en-US")} changes, snapshot`,
      unit: "ms",
      ours: catchUp,
      baselines: [{ name: "Automerge.load of the plain save", fn: loadSave, maxRatio: GOALS.catchUpWithSnapshot }],
      plan: quick
        ? { budgetMs: 1500, warmupMs: 0, minSamples: 5, maxSamples: 10 }
        : { budgetMs: 8000, warmupMs: 0, minSamples: 20, maxSamples: 40 },
    });

    // What the relay holds now: the snapshot, and one compaction mark (highest seq dropped) per document and device.
    await measureValue({
      name: `relay storage after compaction, ${count.toLocaleString("en-US")} changes (SQLite file)`,
      unit: "bytes",
      ours: relay.storedBytes(),
      baselines: [{ name: "Automerge.save", value: save.length, maxRatio: GOALS.storedAfterCompaction }],
    });
    const api = new RelayApi(relay.url, phone);
    const { entries } = await api.fetchEntries(spaceId, DOCUMENT, 0, 1000);
    const kept = entries.reduce((n, e) => n + e.envelope.length + e.signature.length, 0);
    await measureValue({
      name: `entries kept after compaction, ${count.toLocaleString("en-US")} changes (envelopes + signatures)`,
      unit: "bytes",
      ours: kept,
      baselines: [{ name: "Automerge.save", value: save.length, maxRatio: GOALS.storedAfterCompaction }],
    });
  } finally {
    await relay.stop();
  }
  return { doc, changes };
}

/**
 * The new device's snapshot step without the network: the entry the catch-up fetches, verified, decrypted and
 * loaded, against loading the same `Automerge.save` in the clear. The catch-up's ratio less this one is what the
 * relay round trips (device list, key grants, the fetch) add.
 */
async function snapshotEncryption(measure, identity, keyRing, doc, count) {
  const save = Automerge.save(doc);
  const heads = Automerge.getHeads(doc).join(",");
  const plaintext = encodeSnapshotPayload({ covers: count, seqs: { [identity.deviceId]: count }, document: save });
  const place = { documentId: DOCUMENT, seq: count + 1, kind: "snapshot", covers: count };
  const entry = sealEntry(identity, keyRing, place, plaintext);
  const open = () => {
    verifyEntry(entry, identity.signing.publicKey);
    return Automerge.load(decodeSnapshotPayload(openEntry(entry, keyRing)).document);
  };
  sanityCheck(Automerge.getHeads(open()).join(",") === heads, "the opened snapshot is another document");
  await measure({
    name: `open a snapshot of ${count.toLocaleString("en-US")} changes: verify + decrypt + load`,
    unit: "ms",
    ours: open,
    baselines: [{ name: "Automerge.load of the plain save", fn: () => Automerge.load(save) }],
  });
}

async function encryptionOverhead(measure, identity, keyRing, changes) {
  const batch = changes.slice(0, PER_CALL);
  // Sender and receiver in one call, per change: what a change costs end to end beyond Automerge's own apply.
  const ours = () => {
    let doc = Automerge.init();
    for (const [i, changes] of batch.entries()) {
      const entry = sealEntry(
        identity,
        keyRing,
        { documentId: DOCUMENT, seq: i + 1, kind: "change" },
        encodeChangePayload(changes),
      );
      verifyEntry(entry, identity.signing.publicKey);
      doc = Automerge.loadIncremental(doc, openEntry(entry, keyRing).subarray(1));
    }
    return doc;
  };
  const clear = () => {
    let doc = Automerge.init();
    for (const changes of batch) doc = Automerge.loadIncremental(doc, changes);
    return doc;
  };
  sanityCheck(Automerge.getHeads(ours()).join() === Automerge.getHeads(clear()).join(), "sealed and clear differ");
  await measure({
    name: `seal + sign + verify + open + apply, per change (first ${PER_CALL} changes)`,
    unit: "us",
    opsPerCall: PER_CALL,
    ours,
    baselines: [{ name: "Automerge.loadIncremental in the clear", fn: clear }],
  });
}

/** @param {{quick: boolean, measure: Function, measureValue: Function}} ctx */
export async function run(ctx) {
  const { doc, changes } = await catchUpMeasures(ctx);
  const identity = generateDeviceIdentity();
  const keyRing = KeyRing.create();
  await snapshotEncryption(ctx.measure, identity, keyRing, doc, changes.length);
  await encryptionOverhead(ctx.measure, identity, keyRing, changes);
}
