// Runs in real Chromium: a SyncClient in the browser (IndexedDBStorage, the browser's own fetch and WebSocket, a
// page on another origin than the relay, so CORS preflights are real) pairs with and syncs against a Node device
// through a real relay process; both see each other's edits, live; the browser goes offline, edits, comes back and
// both converge; a reopened client finds everything, key ring included, in IndexedDB.
import { IndexedDBStorage, joinSpace, SyncClient, type SyncError } from "@hearth/sync";
import { createPairingCode, generateDeviceIdentity } from "@hearth/transport";
import { afterAll, describe, expect, it } from "vitest";
import { commands } from "vitest/browser";
import type { SharedDoc, SyncE2eBrowserCommands } from "./node-commands";

declare module "vitest/browser" {
  interface BrowserCommands extends SyncE2eBrowserCommands {}
}

afterAll(async () => {
  await commands.syncE2eStop();
});

async function until(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}.`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

const plain = (value: unknown): SharedDoc => JSON.parse(JSON.stringify(value)) as SharedDoc;

describe("sync between Chromium and Node through a real relay", () => {
  it("pairs, syncs both ways live, survives going offline, and reopens from IndexedDB", {
    timeout: 60_000,
  }, async () => {
    expect(navigator.userAgent).toMatch(/Chrome/);
    const { relayUrl, spaceId } = await commands.syncE2eStart();
    expect(new URL(relayUrl).origin).not.toBe(location.origin);

    // Pairing: the browser shows a code, Node enrolls it, both show the same six digits.
    const identity = generateDeviceIdentity();
    const joining = joinSpace({ relayUrl, identity, pollIntervalMs: 100, timeoutMs: 20_000 });
    const nodeSas = await commands.syncE2eEnroll(createPairingCode(identity));
    const joined = await joining;
    expect(joined.spaceId).toBe(spaceId);
    expect(joined.shortAuthenticationString).toBe(nodeSas);

    const databaseName = `hearth-e2e-${spaceId}`;
    const storage = new IndexedDBStorage(databaseName);
    // The browser's own WebSocket (none is passed); no polling within the test's waits, so only pushes deliver.
    const options = { relayUrl, identity, spaceId, pollIntervalMs: 60_000 };
    const client = await SyncClient.open({ ...options, keyRing: joined.keyRing, storage });
    const problems: SyncError[] = [];
    client.on("error", (e) => problems.push(e));
    const shared = await client.document<SharedDoc>("shared");
    await client.syncNow();
    expect(shared.doc().greeting).toBe("hello from Node");
    expect(plain(shared.doc()).items).toEqual(["node-0"]);

    // Node writes; the browser gets it by the live push alone (no syncNow here).
    await commands.syncE2eWrite("shared", "fromNode", "Grüße aus Node 🧭");
    await until(() => shared.doc().fromNode === "Grüße aus Node 🧭", "the push to reach the browser");

    // The browser writes; Node gets it by its own live push.
    await shared.change((d) => {
      d.fromBrowser = "hello from Chromium, 日本語";
      d.items?.push("browser-0");
    });
    await until(
      async () => (await commands.syncE2eRead("shared")).fromBrowser === "hello from Chromium, 日本語",
      "the browser's edit to reach Node",
    );

    // Offline in the browser: edits queue in IndexedDB; Node's edit made meanwhile does not arrive.
    client.pause();
    await until(() => client.status.state === "offline", "the browser client to go offline");
    for (let i = 1; i <= 5; i++) {
      await shared.change((d) => {
        d.items?.push(`browser-${i}`);
        d[`offline${i}`] = `written offline ${i}`;
      });
    }
    await client.flush();
    expect((await storage.loadRange(["queue", "shared"])).length).toBeGreaterThanOrEqual(1);
    await commands.syncE2eWrite("shared", "whileAway", "Node wrote this while the browser was away");
    await commands.syncE2eSync();
    expect((await commands.syncE2eRead("shared")).offline1).toBeUndefined();
    await expect(client.syncNow()).rejects.toMatchObject({ code: "E_OFFLINE" });
    expect(shared.doc().whileAway).toBeUndefined();

    // Back online: both converge, with every edit of both sides.
    client.resume();
    await client.syncNow();
    await commands.syncE2eSync();
    const onNode = await commands.syncE2eRead("shared");
    expect(plain(shared.doc())).toEqual(onNode);
    expect(onNode.whileAway).toBe("Node wrote this while the browser was away");
    expect(onNode.offline5).toBe("written offline 5");
    expect([...(onNode.items ?? [])].sort()).toEqual(
      [
        "node-0",
        "Grüße aus Node 🧭",
        "Node wrote this while the browser was away",
        ...[0, 1, 2, 3, 4, 5].map((i) => `browser-${i}`),
      ].sort(),
    );
    expect(await storage.loadRange(["queue", "shared"])).toEqual([]);

    // A new client on the same IndexedDB database: no key ring passed, the sealed one in storage is used.
    await client.close();
    await storage.close();
    const storageAgain = new IndexedDBStorage(databaseName);
    const again = await SyncClient.open({ ...options, storage: storageAgain });
    again.on("error", (e) => problems.push(e));
    const reopened = await again.document<SharedDoc>("shared");
    expect(plain(reopened.doc())).toEqual(onNode);
    await commands.syncE2eWrite("shared", "afterReopen", "one more from Node");
    await commands.syncE2eSync();
    await again.syncNow();
    expect(reopened.doc().afterReopen).toBe("one more from Node");
    expect(plain(reopened.doc())).toEqual(await commands.syncE2eRead("shared"));
    await again.close();
    await storageAgain.close();
    expect(problems.map((p) => `${p.code}: ${p.message}`)).toEqual([]);
  });
});
