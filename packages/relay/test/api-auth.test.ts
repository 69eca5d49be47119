// Request authentication and the rate limit, against a real relay on loopback.
import { AUTH_HEADERS, routes } from "@hearth/sync/protocol";
import { generateDeviceIdentity } from "@hearth/transport";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeWireEntry } from "./helpers/entries";
import { startTestRelay, type TestRelay } from "./helpers/in-process-relay";
import { type RelayResponse, SignedClient, unsignedRequest } from "./helpers/signed-client";
import { foundSpace, type TestSpace } from "./helpers/spaces";

interface ErrorBody {
  error: { code: string; message: string };
}

let t: TestRelay;
let space: TestSpace;
beforeAll(async () => {
  t = await startTestRelay();
  space = await foundSpace(t.url);
});
afterAll(async () => {
  await t.dispose();
});

function expectError(res: RelayResponse<ErrorBody>, status: number, code: string, message?: RegExp): void {
  expect(res.status).toBe(status);
  expect(res.body.error.code).toBe(code);
  expect(res.body.error.message.length).toBeGreaterThan(10);
  if (message) expect(res.body.error.message).toMatch(message);
}

describe("authentication", () => {
  it("refuses unsigned requests with 401 and says how to sign", async () => {
    const res = await unsignedRequest<ErrorBody>(t.url, "GET", routes.docs(space.spaceId));
    expectError(res, 401, "E_UNAUTHORIZED", /signRequest/);
    const partial = await unsignedRequest<ErrorBody>(t.url, "GET", routes.docs(space.spaceId), undefined, {
      [AUTH_HEADERS.device]: space.founder.identity.deviceId,
    });
    expectError(partial, 401, "E_UNAUTHORIZED");
  });

  it("refuses an unenrolled device, for reading and for appending (403, nothing stored)", async () => {
    const stranger = new SignedClient(t.url, generateDeviceIdentity());
    expectError(await stranger.get<ErrorBody>(routes.docs(space.spaceId)), 403, "E_FORBIDDEN", /not a device of space/);
    expectError(await stranger.get<ErrorBody>(routes.entries(space.spaceId, "doc")), 403, "E_FORBIDDEN");
    const entry = makeWireEntry({ device: stranger.identity, documentId: "doc", seq: 1 });
    expectError(
      await stranger.post<ErrorBody>(routes.entries(space.spaceId, "doc"), { entries: [entry] }),
      403,
      "E_FORBIDDEN",
    );
    // A member of another space is a stranger here too.
    const elsewhere = await foundSpace(t.url);
    expectError(await elsewhere.founder.get<ErrorBody>(routes.docs(space.spaceId)), 403, "E_FORBIDDEN");
    expect((await space.founder.get<{ docs: unknown[] }>(routes.docs(space.spaceId))).body.docs).toEqual([]);
  });

  it("answers 404 for a space the relay does not have", async () => {
    const res = await space.founder.get<ErrorBody>(routes.docs("no-such-space"));
    expectError(res, 404, "E_NOT_FOUND", /POST \/v1\/spaces/);
  });

  it("refuses a replayed request (same nonce) with 401", async () => {
    const path = routes.docs(space.spaceId);
    expect((await space.founder.get(path)).status).toBe(200);
    const replay = await space.founder.get<ErrorBody>(path, { auth: space.founder.lastAuth });
    expectError(replay, 401, "E_UNAUTHORIZED", /already received/);
  });

  it("refuses a request signed more than 5 minutes off the relay's clock", async () => {
    const path = routes.docs(space.spaceId);
    for (const skew of [-6 * 60_000, 6 * 60_000]) {
      expectError(await space.founder.get<ErrorBody>(path, { now: Date.now() + skew }), 401, "E_UNAUTHORIZED", /clock/);
    }
    expect((await space.founder.get(path, { now: Date.now() - 60_000 })).status).toBe(200);
  });

  it("refuses a signature over another path, method or body", async () => {
    const path = routes.entries(space.spaceId, "doc");
    const entry = makeWireEntry({ device: space.founder.identity, documentId: "doc", seq: 1 });
    const body = JSON.stringify({ entries: [entry] });
    // Signed for one body, sent with another.
    const { signRequest } = await import("@hearth/sync/protocol");
    const auth = signRequest(space.founder.identity, {
      method: "POST",
      target: path,
      body: new TextEncoder().encode("{}"),
    });
    expectError(
      await space.founder.post<ErrorBody>(path, undefined, { auth, rawBody: body }),
      401,
      "E_UNAUTHORIZED",
      /does not verify/,
    );
    const otherPath = signRequest(space.founder.identity, { method: "GET", target: routes.docs(space.spaceId) });
    expectError(await space.founder.get<ErrorBody>(path, { auth: otherPath }), 401, "E_UNAUTHORIZED");
    // Malformed auth values.
    expectError(
      await space.founder.get<ErrorBody>(routes.docs(space.spaceId), { auth: { ...otherPath, time: "yesterday" } }),
      401,
      "E_UNAUTHORIZED",
    );
    expect((await space.founder.get<{ head: number }>(path)).body.head).toBe(0);
  });
});

describe("rate limit", () => {
  it("answers 429 with Retry-After once a device spends its burst, per device", async () => {
    const limited = await startTestRelay({ rateLimit: { perSecond: 0.01, burst: 5 } });
    try {
      const s = await foundSpace(limited.url);
      const path = routes.docs(s.spaceId);
      const statuses: number[] = [];
      let last: RelayResponse<ErrorBody> | undefined;
      for (let i = 0; i < 8; i++) {
        last = await s.founder.get<ErrorBody>(path);
        statuses.push(last.status);
      }
      expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
      expect(statuses.slice(5)).toEqual([429, 429, 429]);
      expect(last?.body.error.code).toBe("E_RATE_LIMITED");
      expect(Number(last?.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
      // Another device has its own bucket.
      const other = await foundSpace(limited.url);
      expect((await other.founder.get(routes.docs(other.spaceId))).status).toBe(200);
      // The relay still answers everyone else.
      expect((await unsignedRequest(limited.url, "GET", routes.health())).status).toBe(200);
    } finally {
      await limited.dispose();
    }
  });
});

describe("logs", () => {
  it("carry route templates and sizes, never signatures or content", () => {
    const requests = t.logs.filter((r) => r.msg === "request");
    expect(requests.length).toBeGreaterThan(10);
    for (const record of requests) {
      expect(typeof record.route === "string" ? record.route : "").not.toContain(space.spaceId);
      expect(record).toHaveProperty("status");
      expect(record).toHaveProperty("ms");
    }
    const text = JSON.stringify(t.logs);
    expect(text).not.toMatch(/[0-9a-f]{128}/);
    expect(requests.some((r) => r.route === "/v1/spaces/:space/docs" && r.space === space.spaceId)).toBe(true);
  });
});
