// @hearth/relay's append path under concurrent appenders: a real relay process on loopback (SQLite, WAL, group
// commit, every append fsynced before its answer), 16 appenders each posting signed, sealed entries: one per request,
// as devices syncing single edits do, and 50 per request, as a client catching up on its offline queue does (it
// sends up to 200). Goal: at least 5,000 appends (entries) per second.
//
// The load generator is this process: requests are sealed and signed before the timed section (well inside the
// relay's 5-minute clock window), the timed calls only post them, and the relay's per-request log lines are drained
// unparsed (lib/relay-process.mjs), so the generator does the same work per request for the relay as for the
// trivial server below, whose figure shows what the generator itself reaches.
//
// The fair "raw library" comparison is the HTTP round trip: the same client, the same concurrency, the same request
// bodies, against a trivial node:http server in its own process. Every append pays that floor whatever the relay
// does, so the ratio is exactly what the relay adds on top (request and entry signature checks, validation, durable
// storage, the answer). Raw SQLite inserts are a second, informational baseline: each is its own transaction with
// the same journal and synchronous settings, so each pays one fsync. That is what "durable per append" costs without
// group commit, and it measures the disk as much as the library; the relay, which folds concurrent appends into one
// commit, is not held to it.
import { mkdtempSync, rmSync } from "node:fs";
import { Agent, request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { AUTH_HEADERS, encodeWireEntry, routes, toBase64, verifyRequest } from "@hearth/sync/protocol";
import {
  createSpaceGenesis,
  encodeEntryContext,
  generateDeviceIdentity,
  KeyRing,
  sealEnvelope,
  signEnvelope,
} from "@hearth/transport";
import Database from "better-sqlite3";
import { startChild, stopChild } from "../lib/child.mjs";
import { fastSigner } from "../lib/fast-signer.mjs";
import { startRelay } from "../lib/relay-process.mjs";

export const description =
  "appends per second through a relay process, 16 concurrent appenders, vs raw HTTP and SQLite";

const APPENDERS = 16;
const PLAINTEXT_BYTES = 200;
const GOAL = { of: "opsPerSec", min: 5000 };
// `sequential`: requests each appender sends one after the other in a timed call.
const SHAPES = [
  {
    entriesPerRequest: 1,
    sequential: 4,
    plans: {
      quick: { budgetMs: 600, warmupMs: 0, minSamples: 8, maxSamples: 12 },
      full: { budgetMs: 8000, warmupMs: 0, minSamples: 40, maxSamples: 120 },
    },
  },
  {
    entriesPerRequest: 50,
    sequential: 1,
    plans: {
      quick: { budgetMs: 600, warmupMs: 0, minSamples: 5, maxSamples: 8 },
      full: { budgetMs: 6000, warmupMs: 0, minSamples: 20, maxSamples: 40 },
    },
  },
];
// Calls run before the timed ones (the first connections, the JIT, SQLite's page cache).
const WARM_CALLS = 5;
const ROUND_MARGIN = 20;
const TRIVIAL_SERVER = fileURLToPath(new URL("../lib/trivial-server.mjs", import.meta.url));

function sanityCheck(ok, what) {
  if (!ok) throw new Error(`relay suite: ${what}; the measure would be meaningless.`);
}

/**
 * `count` append requests of `perRequest` entries for each appender (a document each, named after `tag`), sealed
 * and signed ahead of time.
 */
async function prepareAppends(identity, spaceId, keyRing, { tag, count, perRequest }) {
  const signer = fastSigner(identity);
  const plaintext = crypto.getRandomValues(new Uint8Array(PLAINTEXT_BYTES));
  const queues = [];
  for (let a = 0; a < APPENDERS; a++) {
    const documentId = `${tag}-${a}`;
    const target = routes.entries(spaceId, documentId);
    const queue = [];
    let seq = 0;
    for (let r = 0; r < count; r++) {
      const entries = [];
      for (let e = 0; e < perRequest; e++) {
        const place = { documentId, deviceId: identity.deviceId, seq: ++seq, epoch: 0, kind: "change" };
        const context = encodeEntryContext(place);
        const key = keyRing.documentKey(documentId, 0);
        const envelope = sealEnvelope(key, plaintext, { epoch: 0, context, pad: true });
        const signature = signer.entry(envelope, context);
        if (a === 0 && seq === 1) {
          const expected = signEnvelope(identity.signing.secretKey, envelope, context);
          sanityCheck(
            Buffer.from(signature).equals(Buffer.from(expected)),
            "an entry signature differs from signEnvelope",
          );
        }
        entries.push({
          documentId,
          seq,
          envelope,
          signature,
          wire: encodeWireEntry({ ...place, envelope, signature }),
        });
      }
      const body = Buffer.from(JSON.stringify({ entries: entries.map((e) => e.wire) }));
      const auth = await signer.request("POST", target, body);
      if (a === 0 && r === 0) verifyRequest(identity.signing.publicKey, { method: "POST", target, body }, auth);
      queue.push({
        path: target,
        body,
        headers: {
          "content-type": "application/json",
          "content-length": body.length,
          [AUTH_HEADERS.device]: auth.device,
          [AUTH_HEADERS.time]: auth.time,
          [AUTH_HEADERS.nonce]: auth.nonce,
          [AUTH_HEADERS.signature]: auth.signature,
        },
        entries,
      });
    }
    queues.push(queue);
  }
  return queues;
}

function post(agent, base, { path, headers, body }) {
  return new Promise((resolve, reject) => {
    const req = request(new URL(path, base), { method: "POST", agent, headers }, (res) => {
      const chunks = [];
      res.on("data", (c) => chunks.push(c));
      res.on("end", () => {
        if (res.statusCode !== 200) reject(new Error(`relay suite: HTTP ${res.statusCode}: ${Buffer.concat(chunks)}`));
        else resolve();
      });
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end(body);
  });
}

/** A call: every appender posts its next `sequential` requests one after the other, all appenders at once. */
function appendRound(agent, base, queues, cursor, sequential) {
  return Promise.all(
    queues.map(async (queue, a) => {
      for (let k = 0; k < sequential; k++) {
        const next = queue[cursor[a]++];
        if (!next)
          throw new Error("relay suite: ran out of prepared appends (the plan allows more calls than prepared)");
        await post(agent, base, next);
      }
    }),
  );
}

async function measureShape({ quick, measure, relay, trivialBase, agent, identity, spaceId, dbDir }, shape) {
  const { entriesPerRequest, sequential } = shape;
  const plan = quick ? shape.plans.quick : shape.plans.full;
  // Every call of any contender: compare's one warm-up call, our own warm calls, and the timed ones (at most
  // maxSamples, rounded up to whole rounds: ROUND_MARGIN more at most).
  const count = (1 + WARM_CALLS + plan.maxSamples + ROUND_MARGIN) * sequential;
  const tag = `notes${entriesPerRequest}`;
  const queues = await prepareAppends(identity, spaceId, KeyRing.create(), {
    tag,
    count,
    perRequest: entriesPerRequest,
  });
  const cursors = { relay: queues.map(() => 0), http: queues.map(() => 0), sqlite: queues.map(() => 0) };

  // The same journal and durability as the relay's SqliteStore; one transaction (so one fsync) per request.
  const db = new Database(join(dbDir, `${tag}.sqlite`));
  try {
    db.pragma("journal_mode = WAL");
    db.pragma("synchronous = FULL");
    db.exec(
      "CREATE TABLE entries (document TEXT NOT NULL, seq INTEGER NOT NULL, envelope BLOB NOT NULL, " +
        "signature BLOB NOT NULL, PRIMARY KEY (document, seq))",
    );
    const insert = db.prepare("INSERT INTO entries (document, seq, envelope, signature) VALUES (?, ?, ?, ?)");
    const insertRequest = db.transaction((entries) => {
      for (const e of entries) insert.run(e.documentId, e.seq, e.envelope, e.signature);
    });
    const sqliteRound = () => {
      for (let k = 0; k < sequential; k++) {
        for (const [a, queue] of queues.entries()) insertRequest(queue[cursors.sqlite[a]++].entries);
      }
    };
    const ours = () => appendRound(agent, relay.url, queues, cursors.relay, sequential);
    const http = () => appendRound(agent, trivialBase, queues, cursors.http, sequential);
    for (let i = 0; i < WARM_CALLS; i++) {
      await ours();
      await http();
      sqliteRound();
    }
    await measure({
      name: `append, ${entriesPerRequest} ${entriesPerRequest === 1 ? "entry" : "entries"} per request, ${APPENDERS} concurrent appenders`,
      unit: "us",
      opsPerCall: APPENDERS * sequential * entriesPerRequest,
      ours,
      baselines: [
        { name: "node:http round trip (trivial server)", fn: http, limit: GOAL },
        { name: "better-sqlite3, WAL, synchronous=FULL, a transaction per request", fn: sqliteRound },
      ],
      plan,
    });
  } finally {
    db.close();
  }
}

/** @param {{quick: boolean, measure: Function}} ctx */
export async function run({ quick, measure }) {
  const relay = await startRelay();
  const trivial = await startChild(TRIVIAL_SERVER, []);
  const dbDir = mkdtempSync(join(tmpdir(), "hearth-bench-sqlite-"));
  const agent = new Agent({ keepAlive: true, maxSockets: APPENDERS });
  try {
    const identity = generateDeviceIdentity();
    const { spaceId, genesis } = createSpaceGenesis(identity);
    const created = await fetch(`${relay.url}${routes.createSpace()}`, {
      method: "POST",
      body: JSON.stringify({ genesis: toBase64(genesis) }),
    });
    sanityCheck(created.status === 201, `creating the space answered ${created.status}`);
    const trivialBase = `http://127.0.0.1:${trivial.ready.trim()}`;
    const ctx = { quick, measure, relay, trivialBase, agent, identity, spaceId, dbDir };
    for (const shape of SHAPES) await measureShape(ctx, shape);
  } finally {
    agent.destroy();
    await stopChild(trivial.child);
    await relay.stop();
    rmSync(dbDir, { recursive: true, force: true });
  }
}
