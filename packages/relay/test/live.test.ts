// The live WebSocket: pushes after appends, only within the space, and only for signed, active devices.
import { once } from "node:events";
import { type LiveMessage, routes } from "@hearth/sync/protocol";
import { generateDeviceIdentity } from "@hearth/transport";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { makeWireEntry } from "./helpers/entries";
import { startTestRelay, type TestRelay } from "./helpers/in-process-relay";
import { SignedClient } from "./helpers/signed-client";
import { enrollDevice, foundSpace } from "./helpers/spaces";

let t: TestRelay;
beforeAll(async () => {
  t = await startTestRelay();
});
afterAll(async () => {
  await t.dispose();
});

/** A live connection that records what it receives. */
async function connect(url: string) {
  const ws = new WebSocket(url);
  const messages: LiveMessage[] = [];
  const waiting: Array<() => void> = [];
  ws.on("message", (data) => {
    messages.push(JSON.parse(String(data)) as LiveMessage);
    for (const wake of waiting.splice(0)) wake();
  });
  await once(ws, "open");
  const next = async (count: number) => {
    while (messages.length < count) await new Promise<void>((resolve) => waiting.push(resolve));
    return messages.slice(0, count);
  };
  return { ws, messages, next };
}

/** Tries to open a live connection and returns the HTTP status and body it was refused with. */
async function refused(url: string): Promise<{ status: number; body: { error: { code: string } } }> {
  const ws = new WebSocket(url);
  return new Promise((resolve, reject) => {
    ws.on("open", () => reject(new Error("the connection was accepted")));
    ws.on("error", () => {});
    ws.on("unexpected-response", (_req, res) => {
      let text = "";
      res.on("data", (chunk: Buffer) => {
        text += chunk.toString();
      });
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
    });
  });
}

describe("live pushes", () => {
  it("reach another device of the space after an append, and not a device of another space", async () => {
    const space = await foundSpace(t.url);
    const phone = await enrollDevice(space);
    const other = await foundSpace(t.url);

    const phoneLive = await connect(phone.liveUrl(space.spaceId));
    const outsiderLive = await connect(other.founder.liveUrl(other.spaceId));

    const entries = [1, 2].map((seq) => makeWireEntry({ device: space.founder.identity, documentId: "inbox", seq }));
    const res = await space.founder.post<{ positions: number[] }>(routes.entries(space.spaceId, "inbox"), { entries });
    expect(res.body.positions).toEqual([1, 2]);

    const [message] = await phoneLive.next(1);
    expect(message).toEqual({
      type: "entries",
      documentId: "inbox",
      entries: entries.map((e, i) => ({ ...e, position: i + 1 })),
    });
    // A retry adds nothing and pushes nothing; the next new entry does.
    await space.founder.post(routes.entries(space.spaceId, "inbox"), { entries });
    const third = makeWireEntry({ device: space.founder.identity, documentId: "inbox", seq: 3 });
    await space.founder.post(routes.entries(space.spaceId, "inbox"), { entries: [third] });
    const pushed = await phoneLive.next(2);
    expect(pushed[1]).toMatchObject({ type: "entries", entries: [{ seq: 3, position: 3 }] });

    // The outsider's space saw nothing; an append there reaches only its own connection.
    await other.founder.post(routes.entries(other.spaceId, "x"), {
      entries: [makeWireEntry({ device: other.founder.identity, documentId: "x", seq: 1 })],
    });
    const outsiderMessages = await outsiderLive.next(1);
    expect(outsiderMessages.map((m) => (m.type === "entries" ? m.documentId : m.type))).toEqual(["x"]);
    expect(phoneLive.messages).toHaveLength(2);
    phoneLive.ws.close();
    outsiderLive.ws.close();
  });

  it("refuses bad live auth: unsigned or tampered 401, stranger 403, replayed 401", async () => {
    const space = await foundSpace(t.url);
    const base = `${t.url.replace("http", "ws")}${routes.live(space.spaceId)}`;
    expect(await refused(base)).toMatchObject({ status: 401, body: { error: { code: "E_UNAUTHORIZED" } } });

    const signed = new URL(space.founder.liveUrl(space.spaceId));
    signed.searchParams.set("nonce", "0".repeat(32));
    expect((await refused(signed.toString())).status).toBe(401);

    const stranger = new SignedClient(t.url, generateDeviceIdentity());
    expect(await refused(stranger.liveUrl(space.spaceId))).toMatchObject({
      status: 403,
      body: { error: { code: "E_FORBIDDEN" } },
    });

    const once1 = space.founder.liveUrl(space.spaceId);
    const first = await connect(once1);
    expect((await refused(once1)).status).toBe(401);
    first.ws.close();

    const old = space.founder.liveUrl(space.spaceId, Date.now() - 10 * 60_000);
    expect((await refused(old)).status).toBe(401);
  });

  it("closes a removed device's connection and refuses its next one", async () => {
    const space = await foundSpace(t.url);
    const laptop = await enrollDevice(space);
    const live = await connect(laptop.liveUrl(space.spaceId));
    const closed = once(live.ws, "close");
    await space.founder.delete(routes.device(space.spaceId, laptop.identity.deviceId));
    const [code] = await closed;
    expect(code).toBe(1008);
    expect((await refused(laptop.liveUrl(space.spaceId))).status).toBe(403);
  });
});
