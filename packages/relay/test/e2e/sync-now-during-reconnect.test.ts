// A syncNow() that arrives while a connection attempt begun earlier is failing (a relay still restarting, say) is
// owed an attempt that starts after the call: it must not inherit the stale attempt's E_OFFLINE.
import type { LiveWebSocket, WebSocketConstructor } from "@hearth/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { cleanUp, founder, openClient, type RelayProcess, startRelayProcess, until } from "./sync-harness";

let relay: RelayProcess;
beforeAll(async () => {
  relay = await startRelayProcess({ args: ["--rate", "0"] });
});
afterAll(async () => {
  await relay?.stop();
  cleanUp();
});

/** A live connection that fails after `ms`, as one to a relay that is not listening yet does. */
function droppedSocket(ms: number): LiveWebSocket {
  const listeners = new Map<string, Array<(event: object) => void>>();
  setTimeout(() => {
    for (const type of ["error", "close"]) for (const listener of listeners.get(type) ?? []) listener({});
  }, ms);
  return {
    readyState: 0,
    close() {},
    addEventListener(type: string, listener: (event: object) => void) {
      listeners.set(type, [...(listeners.get(type) ?? []), listener]);
    },
  };
}

describe("syncNow() during a failing connection attempt", () => {
  it("makes an attempt of its own instead of failing with the earlier one", async () => {
    let attempts = 0;
    // The first live connection fails slowly; the next ones reach the relay.
    const FirstFails = function (this: unknown, url: string) {
      attempts++;
      return attempts === 1 ? droppedSocket(400) : new WebSocket(url);
    } as unknown as WebSocketConstructor;
    const device = await founder(relay.url);
    // A long backoff: without the fix the call fails, and the client would not be back before the test ends.
    const client = await openClient(relay.url, device, {
      webSocket: FirstFails,
      backoff: { minMs: 60_000, maxMs: 60_000 },
    });
    try {
      await until(() => attempts === 1, "the first connection attempt");
      const doc = await client.document<{ n?: number }>("notes");
      await doc.change((d) => {
        d.n = 1;
      });
      await client.syncNow();
      expect(attempts).toBe(2);
      expect(client.status.state).toBe("synced");
      expect(client.stats.entriesSent).toBe(1);
    } finally {
      await client.close();
    }
  });

  it("still fails when the relay cannot be reached by an attempt made after the call", async () => {
    const device = await founder(relay.url);
    let attempts = 0;
    const AlwaysFails = function (this: unknown) {
      attempts++;
      return droppedSocket(50);
    } as unknown as WebSocketConstructor;
    const client = await openClient(relay.url, device, {
      webSocket: AlwaysFails,
      backoff: { minMs: 60_000, maxMs: 60_000 },
    });
    try {
      await until(() => attempts === 1, "the first connection attempt");
      await expect(client.syncNow()).rejects.toMatchObject({ code: "E_OFFLINE" });
      // One attempt for the call, not a loop.
      expect(attempts).toBe(2);
    } finally {
      await client.close();
    }
  });
});
