// Commands the browser end-to-end test calls to run the other side in Node (vitest browser mode `commands`): a real
// relay process on loopback and a Node device with its own SyncClient (live pushes over `ws`). Node uses the built
// packages, as a user's server would; what crosses to the browser is plain strings and JSON.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { DocHandle, SyncClient } from "@hearth/sync";

type Sync = typeof import("@hearth/sync");
type Transport = typeof import("@hearth/transport");
type Ws = typeof import("ws");
// Computed specifiers keep vitest's config bundler from pulling these modules into the config itself; the paths are
// the ones @hearth/relay resolves, so sync and transport share one instance.
const load = <T>(path: string): Promise<T> => import(new URL(path, import.meta.url).href);
const loadSync = () => load<Sync>("../../../sync/dist/index.js");
const loadTransport = () => load<Transport>("../../../transport/dist/index.js");
const loadWs = () => load<Ws>("../../node_modules/ws/wrapper.mjs");

interface RelayChild {
  url: string;
  dataDir: string;
  child: ChildProcess;
}

// The built relay CLI, as test/helpers/relay-process.ts runs it (not imported: this file loads into the root vitest
// config, which should pull in nothing but Node built-ins).
function startRelay(): Promise<RelayChild> {
  const cli = fileURLToPath(new URL("../../dist/cli.js", import.meta.url));
  const dataDir = mkdtempSync(join(tmpdir(), "hearth-relay-browser-"));
  const args = [cli, "--port", "0", "--host", "127.0.0.1", "--data-dir", dataDir, "--rate", "0", "--log-level", "warn"];
  const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "pipe"] });
  process.once("exit", () => child.kill("SIGKILL"));
  return new Promise((resolve, reject) => {
    let out = "";
    let err = "";
    child.stderr?.on("data", (chunk: Buffer) => {
      err += chunk.toString();
    });
    child.stdout?.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split("\n").find((l) => l.includes('"listening"'));
      if (line) resolve({ url: String((JSON.parse(line) as { url: unknown }).url), dataDir, child });
    });
    child.once("exit", (code) => reject(new Error(`The relay exited (code ${code}) before listening: ${err}`)));
  });
}

async function stopRelay(relay: RelayChild): Promise<void> {
  if (relay.child.exitCode === null && relay.child.signalCode === null) {
    const exited = new Promise((resolve) => relay.child.once("exit", resolve));
    relay.child.kill("SIGTERM");
    await exited;
  }
  rmSync(relay.dataDir, { recursive: true, force: true });
}

/** A document as the browser test writes it: string keys, and one list both sides append to. */
export type SharedDoc = Record<string, unknown> & { items?: string[] };

interface NodeSide {
  relay: RelayChild;
  client: SyncClient;
  handles: Map<string, DocHandle<SharedDoc>>;
}

let side: NodeSide | undefined;

function current(): NodeSide {
  if (!side) throw new Error("Start the relay first (syncE2eStart).");
  return side;
}

async function handle(documentId: string): Promise<DocHandle<SharedDoc>> {
  const { client, handles } = current();
  let found = handles.get(documentId);
  if (!found) {
    found = await client.document<SharedDoc>(documentId);
    handles.set(documentId, found);
  }
  return found;
}

const plain = (value: unknown): SharedDoc => JSON.parse(JSON.stringify(value)) as SharedDoc;

async function stop(): Promise<void> {
  const ending = side;
  side = undefined;
  if (!ending) return;
  await ending.client.close();
  await stopRelay(ending.relay);
}

export const syncE2eCommands = {
  /**
   * Starts a relay process, founds a space with a Node device and opens its client; the document `shared` starts
   * with a list `items` and a greeting. Resolves with the relay's URL and the space id.
   */
  async syncE2eStart(_ctx: unknown): Promise<{ relayUrl: string; spaceId: string }> {
    await stop();
    const [sync, transport, ws] = await Promise.all([loadSync(), loadTransport(), loadWs()]);
    const relay = await startRelay();
    const identity = transport.generateDeviceIdentity();
    const { spaceId, keyRing } = await sync.createSpace({ relayUrl: relay.url, identity });
    const client = await sync.SyncClient.open({
      relayUrl: relay.url,
      identity,
      spaceId,
      keyRing,
      storage: new sync.MemoryStorage(),
      webSocket: ws.WebSocket,
      backoff: { minMs: 50, maxMs: 500 },
      // Only live pushes deliver within the test's waits.
      pollIntervalMs: 60_000,
    });
    side = { relay, client, handles: new Map() };
    await (await handle("shared")).change((d) => {
      d.items = ["node-0"];
      d.greeting = "hello from Node";
    });
    await client.syncNow();
    return { relayUrl: relay.url, spaceId };
  },

  /** The Node device enrolls the device of a pairing code; resolves with the short authentication string it shows. */
  async syncE2eEnroll(_ctx: unknown, pairingCode: string): Promise<string> {
    const transport = await loadTransport();
    const enrolled = await current().client.enrollDevice(transport.parsePairingCode(pairingCode));
    return enrolled.shortAuthenticationString;
  },

  /** Sets `key` to `value` and appends `value` to `items`, on the Node device (sent in the background). */
  async syncE2eWrite(_ctx: unknown, documentId: string, key: string, value: string): Promise<void> {
    await (await handle(documentId)).change((d) => {
      d[key] = value;
      d.items ??= [];
      d.items.push(value);
    });
  },

  /** The document as the Node device holds it now, as JSON. */
  async syncE2eRead(_ctx: unknown, documentId: string): Promise<SharedDoc> {
    return plain((await handle(documentId)).doc());
  },

  /** The Node device syncs: sends its queue and fetches everything new. */
  async syncE2eSync(_ctx: unknown): Promise<void> {
    await current().client.syncNow();
  },

  /** Closes the Node client and stops the relay (and deletes its data). */
  async syncE2eStop(_ctx: unknown): Promise<void> {
    await stop();
  },
};

/** The browser-side signatures of {@link syncE2eCommands}. */
export interface SyncE2eBrowserCommands {
  syncE2eStart(): Promise<{ relayUrl: string; spaceId: string }>;
  syncE2eEnroll(pairingCode: string): Promise<string>;
  syncE2eWrite(documentId: string, key: string, value: string): Promise<void>;
  syncE2eRead(documentId: string): Promise<SharedDoc>;
  syncE2eSync(): Promise<void>;
  syncE2eStop(): Promise<void>;
}
