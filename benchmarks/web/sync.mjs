// @hearth/sync's end-to-end encryption in the browser, against plain Automerge without it, on the same edit history:
//   - opening a snapshot entry (verify the signature, decrypt, parse, Automerge.load) against Automerge.load of the
//     plain save: what a new device pays in the page for a snapshot, beside the network the node-cpu suite measures;
//   - seal + sign + verify + open + apply per change against applying the same change in the clear.
import * as Automerge from "@automerge/automerge";
import {
  decodeChangePayload,
  decodeSnapshotPayload,
  encodeChangePayload,
  encodeSnapshotPayload,
  openEntry,
  sealEntry,
  verifyEntry,
} from "@hearth/sync";
import { generateDeviceIdentity, KeyRing } from "@hearth/transport";

const DOCUMENT = "tasks";
const CHANGES = { quick: 1_000, full: 10_000 };
const PER_CALL = 100;

function sanityCheck(ok, what) {
  if (!ok) throw new Error(`sync suite (web): ${what}; the measure would be meaningless.`);
}

/** The node-cpu suite's task list, edited `count` times, one change per edit (see suites/sync.mjs). */
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

async function snapshot(measure, identity, keyRing, doc, count) {
  const save = Automerge.save(doc);
  const heads = Automerge.getHeads(doc).join(",");
  const plaintext = encodeSnapshotPayload({ covers: count, seqs: { [identity.deviceId]: count }, document: save });
  const entry = sealEntry(
    identity,
    keyRing,
    { documentId: DOCUMENT, seq: count + 1, kind: "snapshot", covers: count },
    plaintext,
  );
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

async function perChange(measure, identity, keyRing, changes) {
  const batch = changes.slice(0, PER_CALL);
  const ours = () => {
    let doc = Automerge.init();
    for (const [i, change] of batch.entries()) {
      const entry = sealEntry(
        identity,
        keyRing,
        { documentId: DOCUMENT, seq: i + 1, kind: "change" },
        encodeChangePayload(change),
      );
      verifyEntry(entry, identity.signing.publicKey);
      doc = Automerge.loadIncremental(doc, decodeChangePayload(openEntry(entry, keyRing)));
    }
    return doc;
  };
  const clear = () => {
    let doc = Automerge.init();
    for (const change of batch) doc = Automerge.loadIncremental(doc, change);
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

export async function run({ quick, measure }) {
  const count = quick ? CHANGES.quick : CHANGES.full;
  const { doc, changes } = editHistory(count);
  const identity = generateDeviceIdentity();
  const keyRing = KeyRing.create();
  await snapshot(measure, identity, keyRing, doc, count);
  await perChange(measure, identity, keyRing, changes);
}
