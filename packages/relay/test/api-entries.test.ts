// Appending and fetching entries through the HTTP API of a real relay over a real SQLite file.
import { decodeWireEntry, routes, type WireEntry } from "@hearth/sync/protocol";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeWireEntry } from "./helpers/entries";
import { startTestRelay, type TestRelay } from "./helpers/in-process-relay";
import { type RelayResponse, type SignedClient, unsignedRequest } from "./helpers/signed-client";
import { enrollDevice, foundSpace, type TestSpace } from "./helpers/spaces";

interface ErrorBody {
  error: { code: string; message: string };
}
interface Page {
  entries: WireEntry[];
  head: number;
}

const MAX_ENTRY_BYTES = 64 * 1024;
const MAX_BODY_BYTES = 1024 * 1024;

let t: TestRelay;
let space: TestSpace;
beforeAll(async () => {
  t = await startTestRelay({ maxEntryBytes: MAX_ENTRY_BYTES, maxBodyBytes: MAX_BODY_BYTES });
  space = await foundSpace(t.url);
});
afterAll(async () => {
  await t.dispose();
});

function append(client: SignedClient, doc: string, entries: unknown[]) {
  return client.post<{ positions: number[] } & ErrorBody>(routes.entries(space.spaceId, doc), { entries });
}

function fetchPage(client: SignedClient, doc: string, after = 0, limit?: number) {
  const query = limit === undefined ? `?after=${after}` : `?after=${after}&limit=${limit}`;
  return client.get<Page>(`${routes.entries(space.spaceId, doc)}${query}`);
}

function expectError(res: RelayResponse<ErrorBody>, status: number, code: string): void {
  expect(res.status).toBe(status);
  expect(res.body.error.code).toBe(code);
}

describe("append and fetch", () => {
  it("round-trips entries with positions, byte for byte", async () => {
    const me = space.founder;
    const entries = [1, 2, 3].map((seq) => makeWireEntry({ device: me.identity, documentId: "round", seq }));
    const res = await append(me, "round", entries);
    expect(res).toMatchObject({ status: 200, body: { positions: [1, 2, 3] } });
    const page = await fetchPage(me, "round");
    expect(page.status).toBe(200);
    expect(page.body.head).toBe(3);
    expect(page.body.entries).toEqual(entries.map((e, i) => ({ ...e, position: i + 1 })));
    for (const wire of page.body.entries) expect(() => decodeWireEntry(wire)).not.toThrow();
    expect((await fetchPage(me, "round", 1, 1)).body.entries.map((e) => e.position)).toEqual([2]);
    expect((await fetchPage(me, "round", 3)).body).toEqual({ entries: [], head: 3 });
    expect((await fetchPage(me, "never-written")).body).toEqual({ entries: [], head: 0 });
    const docs = await me.get<{ docs: { documentId: string; head: number }[] }>(routes.docs(space.spaceId));
    expect(docs.body.docs).toContainEqual({ documentId: "round", head: 3 });
  });

  it("answers a retried append with the same positions, and 409 for another entry under a used seq", async () => {
    const me = space.founder;
    const entries = [1, 2].map((seq) => makeWireEntry({ device: me.identity, documentId: "retry", seq }));
    const first = await append(me, "retry", entries);
    const again = await append(me, "retry", entries);
    expect(again.body.positions).toEqual(first.body.positions);
    const mixed = await append(me, "retry", [
      entries[1],
      makeWireEntry({ device: me.identity, documentId: "retry", seq: 3 }),
    ]);
    expect(mixed.body.positions).toEqual([2, 3]);

    const reused = makeWireEntry({ device: me.identity, documentId: "retry", seq: 2, plaintext: new Uint8Array([9]) });
    const conflict = await append(me, "retry", [
      makeWireEntry({ device: me.identity, documentId: "retry", seq: 4 }),
      reused,
    ]);
    expectError(conflict, 409, "E_CONFLICT");
    expect(conflict.body.error.message).toMatch(/seq 2/);
    // Nothing of the refused batch was stored, seq 4 included.
    expect((await fetchPage(me, "retry")).body.head).toBe(3);
  });

  it("orders entries of several devices of the space in one log", async () => {
    const phone = await enrollDevice(space);
    await append(space.founder, "shared", [
      makeWireEntry({ device: space.founder.identity, documentId: "shared", seq: 1 }),
    ]);
    await append(phone, "shared", [makeWireEntry({ device: phone.identity, documentId: "shared", seq: 1 })]);
    const page = await fetchPage(phone, "shared");
    expect(page.body.entries.map((e) => [e.position, e.deviceId])).toEqual([
      [1, space.founder.identity.deviceId],
      [2, phone.identity.deviceId],
    ]);
  });

  it("starts a fetch at the newest snapshot when it covers more than the cursor", async () => {
    const me = space.founder;
    const e = (seq: number, extra = {}) => makeWireEntry({ device: me.identity, documentId: "snap", seq, ...extra });
    await append(me, "snap", [e(1), e(2), e(3)]);
    expect((await append(me, "snap", [e(4, { kind: "snapshot", covers: 3 })])).body.positions).toEqual([4]);
    await append(me, "snap", [e(5)]);
    expect((await fetchPage(me, "snap", 0)).body.entries.map((x) => x.position)).toEqual([4, 5]);
    expect((await fetchPage(me, "snap", 2)).body.entries.map((x) => x.position)).toEqual([4, 5]);
    expect((await fetchPage(me, "snap", 3)).body.entries.map((x) => x.position)).toEqual([4, 5]);
    expect((await fetchPage(me, "snap", 4)).body.entries.map((x) => x.position)).toEqual([5]);
    const snapshot = (await fetchPage(me, "snap", 0)).body.entries[0];
    expect(snapshot).toMatchObject({ kind: "snapshot", covers: 3, seq: 4 });
    // A snapshot may not claim positions the log does not have yet.
    expectError(await append(me, "snap", [e(6, { kind: "snapshot", covers: 99 })]), 400, "E_PROTOCOL");
  });

  it("keeps positions gap-free and unique under concurrent appends from many devices", async () => {
    const devices = [space.founder];
    for (let i = 0; i < 7; i++) devices.push(await enrollDevice(space));
    const perDevice = 25;
    const acknowledged = await Promise.all(
      devices.map(async (device) => {
        const positions: number[] = [];
        // Each device sends its entries one request at a time, all devices at once.
        for (let seq = 1; seq <= perDevice; seq++) {
          const res = await append(device, "busy", [
            makeWireEntry({ device: device.identity, documentId: "busy", seq }),
          ]);
          expect(res.status).toBe(200);
          positions.push(...res.body.positions);
        }
        return positions;
      }),
    );
    const all = acknowledged.flat().sort((a, b) => a - b);
    expect(all).toEqual(Array.from({ length: devices.length * perDevice }, (_, i) => i + 1));
    const page = await fetchPage(space.founder, "busy", 0, 1000);
    expect(page.body.head).toBe(devices.length * perDevice);
    // Each device's entries are in its seq order.
    for (const device of devices) {
      const seqs = page.body.entries.filter((e) => e.deviceId === device.identity.deviceId).map((e) => e.seq);
      expect(seqs).toEqual(Array.from({ length: perDevice }, (_, i) => i + 1));
    }
  });
});

describe("refused appends", () => {
  it("refuses an entry with a bad signature (400) and stores nothing", async () => {
    const me = space.founder;
    const good = makeWireEntry({ device: me.identity, documentId: "sig", seq: 1 });
    const bytes = Buffer.from(good.signature, "base64");
    bytes[0] = (bytes[0] ?? 0) ^ 1;
    const res = await append(me, "sig", [{ ...good, signature: bytes.toString("base64") }]);
    expectError(res, 400, "E_PROTOCOL");
    expect(res.body.error.message).toMatch(/signature does not verify/);
    // Moved to another seq: the signature no longer matches the context.
    expectError(await append(me, "sig", [{ ...good, seq: 2 }]), 400, "E_PROTOCOL");
    // Another device's entry, even a validly signed one.
    const phone = await enrollDevice(space);
    const theirs = makeWireEntry({ device: phone.identity, documentId: "sig", seq: 1 });
    expectError(await append(me, "sig", [theirs]), 403, "E_FORBIDDEN");
    // An entry for another document than the path's.
    expectError(await append(me, "other", [good]), 400, "E_PROTOCOL");
    expect((await fetchPage(me, "sig")).body).toEqual({ entries: [], head: 0 });
  });

  it("refuses an oversize envelope with 413 and stores nothing of the batch", async () => {
    const me = space.founder;
    const small = makeWireEntry({ device: me.identity, documentId: "size", seq: 1 });
    const big = makeWireEntry({
      device: me.identity,
      documentId: "size",
      seq: 2,
      plaintext: new Uint8Array(MAX_ENTRY_BYTES),
    });
    const res = await append(me, "size", [small, big]);
    expectError(res, 413, "E_TOO_LARGE");
    expect(res.body.error.message).toMatch(/Entry 1/);
    const justFits = makeWireEntry({
      device: me.identity,
      documentId: "size",
      seq: 3,
      plaintext: new Uint8Array(MAX_ENTRY_BYTES - 1024),
    });
    expect((await fetchPage(me, "size")).body.head).toBe(0);
    expect((await append(me, "size", [justFits])).status).toBe(200);
  });

  it("answers malformed JSON, wrong types and huge bodies with a typed 400 or 413, and stays up", async () => {
    const me = space.founder;
    const path = routes.entries(space.spaceId, "junk");
    const cases: [unknown, number, string][] = [
      [{ rawBody: "{not json" }, 400, "E_PROTOCOL"],
      [{ rawBody: "[1,2]" }, 400, "E_PROTOCOL"],
      [{ rawBody: "null" }, 400, "E_PROTOCOL"],
      [{ body: { entries: "nope" } }, 400, "E_PROTOCOL"],
      [{ body: { entries: [] } }, 400, "E_PROTOCOL"],
      [{ body: { entries: [{ kind: "change" }] } }, 400, "E_PROTOCOL"],
      [
        { body: { entries: [{ ...makeWireEntry({ device: me.identity, documentId: "junk", seq: 1 }), seq: "1" }] } },
        400,
        "E_PROTOCOL",
      ],
      [
        {
          body: {
            entries: [{ ...makeWireEntry({ device: me.identity, documentId: "junk", seq: 1 }), envelope: "***" }],
          },
        },
        400,
        "E_PROTOCOL",
      ],
      [{ body: { entries: Array.from({ length: 501 }, () => ({})) } }, 413, "E_TOO_LARGE"],
      [{ rawBody: JSON.stringify({ entries: [], pad: "x".repeat(MAX_BODY_BYTES) }) }, 413, "E_TOO_LARGE"],
    ];
    for (const [input, status, code] of cases) {
      const { body, rawBody } = input as { body?: unknown; rawBody?: string };
      const res = await me.request<ErrorBody>("POST", path, body, rawBody === undefined ? {} : { rawBody });
      expect(res.status, JSON.stringify(input).slice(0, 120)).toBe(status);
      expect(res.body.error.code).toBe(code);
      expect(res.body.error.message).not.toMatch(/[A-Za-z0-9+/]{200}/);
    }
    // Over the limit on an open route: read to its end, thrown away, answered with 413.
    const huge = await unsignedRequest<ErrorBody>(t.url, "POST", routes.createSpace(), "x".repeat(3 * MAX_BODY_BYTES));
    expectError(huge, 413, "E_TOO_LARGE");
    // So far over that the relay refuses to read it: 413 from the declared length, then the connection closes.
    const abandoned = await unsignedRequest<ErrorBody>(
      t.url,
      "POST",
      routes.createSpace(),
      "x".repeat(8 * MAX_BODY_BYTES),
    );
    expectError(abandoned, 413, "E_TOO_LARGE");
    expectError(await me.get<ErrorBody>(`${path}?after=-1`), 400, "E_PROTOCOL");
    expectError(await me.get<ErrorBody>(`${path}?limit=0`), 400, "E_PROTOCOL");
    expectError(await me.get<ErrorBody>(routes.entries(space.spaceId, "bad%20id")), 400, "E_PROTOCOL");
    expect((await unsignedRequest(t.url, "GET", routes.health())).status).toBe(200);
    expect((await fetchPage(me, "junk")).body.head).toBe(0);
  });
});
