// @hearth/relay at scale: N simulated devices (200; 40 under --quick) in spaces of four, spread over two relay
// processes that share one PostgreSQL database (a throwaway cluster on loopback), each holding a live WebSocket and,
// for a fixed time, appending a sealed and signed entry, waiting for the answer, and now and then pulling a
// document from its cursor. Measured: appends per second, push latency (from sending an append to each other
// device of the space receiving it live, across relays when the devices sit on different ones: p50, p95, p99),
// requests answered without error, and the database's size afterwards.
//
// Baseline, side by side in the same run: the same devices and the same load on one relay process on SQLite, the
// single-node deployment. The ratio says what spreading over several stateless relays and a shared database costs
// (or gains) on one machine; on a real deployment the relays and the database would each have their own.
import { once } from "node:events";
import { Agent, request } from "node:http";
import { createSpace, enrollDevice, joinSpace } from "@hearth/sync";
import { AUTH_HEADERS, encodeWireEntry, routes, verifyRequest } from "@hearth/sync/protocol";
import {
  encodeEntryContext,
  generateDeviceIdentity,
  publicKeysOf,
  sealEnvelope,
  signEnvelope,
} from "@hearth/transport";
import { WebSocket } from "ws";
import { findPostgres, installHint, startPostgres } from "../../scripts/postgres.mjs";
import { fastSigner } from "../lib/fast-signer.mjs";
import { startRelay } from "../lib/relay-process.mjs";

export const description =
  "N devices over 2 relay processes on one PostgreSQL database: appends/s, push latency, errors, size; vs 1 relay on SQLite";

const DEVICES_PER_SPACE = 4;
const DOCS_PER_SPACE = 3;
const PLAINTEXT_BYTES = 200;
// Pause between a device's appends (uniform in 0..THINK_MS): devices that edit, not a tight loop.
const THINK_MS = 100;
// Chance that a device pulls a document from its cursor after an append.
const PULL_EVERY = 0.1;
const PLANS = {
  quick: { devices: 40, seconds: 2 },
  full: { devices: 200, seconds: 15 },
};

function sanityCheck(ok, what) {
  if (!ok) throw new Error(`relay-postgres suite: ${what}; the measure would be meaningless.`);
}

function percentile(sorted, p) {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** One HTTP request; resolves with the status and the parsed body (or rejects on a broken connection). */
function send(agent, base, { method, path, headers, body }) {
  return new Promise((resolve, reject) => {
    const req = request(new URL(path, base), { method, agent, headers }, (res) => {
      const chunks = [];
      res.on("data", (c) => chunks.push(c));
      res.on("end", () => {
        const text = Buffer.concat(chunks).toString("utf8");
        let parsed;
        try {
          parsed = text ? JSON.parse(text) : undefined;
        } catch {
          parsed = undefined;
        }
        resolve({ status: res.statusCode, body: parsed });
      });
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end(body);
  });
}

async function authHeaders(signer, method, target, body) {
  const auth = await signer.request(method, target, body);
  return {
    [AUTH_HEADERS.device]: auth.device,
    [AUTH_HEADERS.time]: auth.time,
    [AUTH_HEADERS.nonce]: auth.nonce,
    [AUTH_HEADERS.signature]: auth.signature,
  };
}

/**
 * Spaces of four devices on the relays (enrolled the way apps do, through @hearth/sync), each device assigned to a
 * relay in turn, so most spaces have devices on both.
 */
async function makeDevices(urls, count) {
  const devices = [];
  while (devices.length < count) {
    const founder = generateDeviceIdentity();
    const { spaceId, keyRing } = await createSpace({ relayUrl: urls[0], identity: founder });
    const members = [founder];
    for (let i = 1; i < DEVICES_PER_SPACE && devices.length + members.length < count; i++) {
      const identity = generateDeviceIdentity();
      await enrollDevice({ relayUrl: urls[0], identity: founder, spaceId, keyRing, device: publicKeysOf(identity) });
      await joinSpace({ relayUrl: urls[0], identity, spaceId, timeoutMs: 10_000 });
      members.push(identity);
    }
    for (const identity of members) {
      const n = devices.length;
      devices.push({ identity, spaceId, keyRing, url: urls[n % urls.length], signer: fastSigner(identity) });
    }
  }
  return devices;
}

/** Opens a device's live socket; `onPush(message)` for each push. */
async function openLive(device, onPush, onError) {
  const target = routes.live(device.spaceId);
  const auth = await device.signer.request("GET", target, Buffer.alloc(0));
  const query = new URLSearchParams(auth).toString();
  const ws = new WebSocket(`${device.url.replace(/^http/, "ws")}${target}?${query}`);
  ws.on("message", (data) => {
    try {
      onPush(JSON.parse(String(data)));
    } catch {
      onError();
    }
  });
  ws.on("error", onError);
  await once(ws, "open");
  return ws;
}

/** The load on one deployment: every device appends and pulls for `seconds`; returns what was seen. */
async function runLoad(devices, seconds) {
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  const sent = new Map();
  const latencies = [];
  const stats = { appends: 0, requests: 0, errors: 0, pushes: 0 };
  const sockets = [];
  const cursors = new Map();
  const payload = crypto.getRandomValues(new Uint8Array(PLAINTEXT_BYTES));
  try {
    for (const device of devices) {
      const onPush = (message) => {
        if (message?.type !== "entries") return;
        const now = performance.now();
        for (const entry of message.entries ?? []) {
          stats.pushes++;
          const key = `${device.spaceId}/${message.documentId}/${entry.deviceId}/${entry.seq}`;
          const at = sent.get(key);
          if (at !== undefined && entry.deviceId !== device.identity.deviceId) latencies.push(now - at);
          const cursorKey = `${device.identity.deviceId}/${message.documentId}`;
          cursors.set(cursorKey, Math.max(cursors.get(cursorKey) ?? 0, entry.position ?? 0));
        }
      };
      sockets.push(await openLive(device, onPush, () => stats.errors++));
    }
    // The first append of the run is checked against the library's own signing, once.
    let checked = false;
    const deadline = performance.now() + seconds * 1000;
    const started = performance.now();
    await Promise.all(
      devices.map(async (device, n) => {
        const seqs = new Map();
        for (let k = n; performance.now() < deadline; k++) {
          const documentId = `doc-${k % DOCS_PER_SPACE}`;
          const seq = (seqs.get(documentId) ?? 0) + 1;
          seqs.set(documentId, seq);
          const place = { documentId, deviceId: device.identity.deviceId, seq, epoch: 0, kind: "change" };
          const context = encodeEntryContext(place);
          const envelope = sealEnvelope(device.keyRing.documentKey(documentId, 0), payload, {
            epoch: 0,
            context,
            pad: true,
          });
          const signature = device.signer.entry(envelope, context);
          if (!checked) {
            checked = true;
            const expected = signEnvelope(device.identity.signing.secretKey, envelope, context);
            sanityCheck(
              Buffer.from(signature).equals(Buffer.from(expected)),
              "an entry signature differs from signEnvelope",
            );
          }
          const path = routes.entries(device.spaceId, documentId);
          const body = Buffer.from(JSON.stringify({ entries: [encodeWireEntry({ ...place, envelope, signature })] }));
          const headers = {
            "content-type": "application/json",
            "content-length": body.length,
            ...(await authHeaders(device.signer, "POST", path, body)),
          };
          sent.set(`${device.spaceId}/${documentId}/${device.identity.deviceId}/${seq}`, performance.now());
          stats.requests++;
          try {
            const answer = await send(agent, device.url, { method: "POST", path, headers, body });
            if (answer.status === 200) stats.appends++;
            else stats.errors++;
          } catch {
            stats.errors++;
          }
          if (Math.random() < PULL_EVERY) {
            const pullDoc = `doc-${Math.floor(Math.random() * DOCS_PER_SPACE)}`;
            const after = cursors.get(`${device.identity.deviceId}/${pullDoc}`) ?? 0;
            const target = `${routes.entries(device.spaceId, pullDoc)}?after=${after}&limit=500`;
            const empty = Buffer.alloc(0);
            stats.requests++;
            try {
              const answer = await send(agent, device.url, {
                method: "GET",
                path: target,
                headers: await authHeaders(device.signer, "GET", target, empty),
              });
              if (answer.status !== 200) stats.errors++;
              const last = answer.body?.entries?.at(-1)?.position;
              if (last) cursors.set(`${device.identity.deviceId}/${pullDoc}`, last);
            } catch {
              stats.errors++;
            }
          }
          await new Promise((r) => setTimeout(r, Math.random() * THINK_MS));
        }
      }),
    );
    const elapsed = (performance.now() - started) / 1000;
    // Pushes still on their way when the clock ran out.
    await new Promise((r) => setTimeout(r, 500));
    latencies.sort((a, b) => a - b);
    return {
      appendsPerSec: stats.appends / elapsed,
      p50: percentile(latencies, 50),
      p95: percentile(latencies, 95),
      p99: percentile(latencies, 99),
      pushes: latencies.length,
      requests: stats.requests,
      errors: stats.errors,
    };
  } finally {
    for (const ws of sockets) ws.terminate();
    agent.destroy();
  }
}

/** @param {{quick: boolean, measureValue: Function, unavailable: Function}} ctx */
export async function run({ quick, measureValue, unavailable }) {
  if (!findPostgres()) {
    unavailable(installHint);
    return;
  }
  const plan = quick ? PLANS.quick : PLANS.full;
  // On the disk (not tmpfs): the database pays its fsyncs as a deployment's would, as the SQLite relay does.
  const cluster = await startPostgres();
  const relays = [];
  try {
    const name = "relay_load";
    const storeUrl = await cluster.createDatabase(name);
    const pgRelays = [
      await startRelay({ storeUrl, logLevel: "warn" }),
      await startRelay({ storeUrl, logLevel: "warn" }),
    ];
    relays.push(...pgRelays);
    const sqliteRelay = await startRelay({ logLevel: "warn" });
    relays.push(sqliteRelay);

    // Request signing by node:crypto must give what the relay verifies: checked once before anything is timed.
    const probe = generateDeviceIdentity();
    const auth = await fastSigner(probe).request("GET", "/x", Buffer.alloc(0));
    verifyRequest(probe.signingPublicKey, { method: "GET", target: "/x" }, auth);

    const pgDevices = await makeDevices(
      pgRelays.map((r) => r.url),
      plan.devices,
    );
    const sqliteDevices = await makeDevices([sqliteRelay.url], plan.devices);
    const ours = await runLoad(pgDevices, plan.seconds);
    const base = await runLoad(sqliteDevices, plan.seconds);
    sanityCheck(ours.appendsPerSec > 0 && base.appendsPerSec > 0, "no append succeeded");
    sanityCheck(ours.pushes > 0 && base.pushes > 0, "no push arrived");

    const pgBytes = Number(
      await cluster.query(
        name,
        "SELECT sum(pg_total_relation_size(c.oid)) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace " +
          "WHERE n.nspname = 'public' AND c.relkind = 'r'",
      ),
    );
    const label = `${plan.devices} devices, ${plan.seconds} s`;
    const baseline = `1 relay on SQLite, same ${plan.devices} devices`;
    await measureValue({
      name: `appends per second, ${label}, 2 relays on PostgreSQL`,
      unit: "ops/s",
      ours: ours.appendsPerSec,
      baselines: [{ name: baseline, value: base.appendsPerSec }],
    });
    for (const p of ["p50", "p95", "p99"]) {
      await measureValue({
        name: `push latency ${p}, append sent to pushed to another device (${ours.pushes} pushes)`,
        unit: "ms",
        ours: ours[p],
        baselines: [{ name: `${baseline} (${base.pushes} pushes)`, value: Math.max(base[p], 0.001) }],
      });
    }
    const okShare = (r) => (100 * (r.requests - r.errors)) / r.requests;
    await measureValue({
      name: `requests answered without error (errors: ${ours.errors} of ${ours.requests})`,
      unit: "%",
      ours: okShare(ours),
      baselines: [
        {
          name: `${baseline} (errors: ${base.errors} of ${base.requests})`,
          value: Math.max(okShare(base), 0.001),
          limit: { of: "value", min: 100 },
        },
      ],
    });
    await measureValue({
      name: `database size after the run (PostgreSQL tables, indexes, TOAST)`,
      unit: "bytes",
      ours: pgBytes,
      baselines: [{ name: `${baseline} (file + WAL)`, value: sqliteRelay.storedBytes() }],
    });
  } finally {
    for (const relay of relays) await relay.stop();
    cluster.stop();
  }
}
