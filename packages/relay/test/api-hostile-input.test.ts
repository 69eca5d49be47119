// Hostile bodies on every write route: whatever the JSON, the answer is a typed 4xx, never a 500, and nothing is
// stored. Signed by a real member, so the bodies reach the handlers.
import { routes } from "@hearth/sync/protocol";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeWireEntry } from "./helpers/entries";
import { startTestRelay, type TestRelay } from "./helpers/in-process-relay";
import { unsignedRequest } from "./helpers/signed-client";
import { foundSpace, type TestSpace } from "./helpers/spaces";

let t: TestRelay;
let space: TestSpace;
beforeAll(async () => {
  t = await startTestRelay({ maxEntryBytes: 4096 });
  space = await foundSpace(t.url);
});
afterAll(async () => {
  await t.dispose();
});

const CODES = ["E_PROTOCOL", "E_FORBIDDEN", "E_TOO_LARGE", "E_CONFLICT"];

/** Bodies near the real shapes (fields of the right names, wrong values) and plain JSON of any shape. */
function hostileBody(field: string) {
  const entryLike = fc.record(
    {
      documentId: fc.oneof(fc.constant("doc"), fc.string(), fc.integer()),
      deviceId: fc.oneof(fc.constant(space.founder.identity.deviceId), fc.string()),
      seq: fc.oneof(fc.integer(), fc.double(), fc.string()),
      epoch: fc.oneof(fc.integer({ min: -2, max: 2 ** 33 }), fc.constant(null)),
      kind: fc.oneof(fc.constantFrom("change", "snapshot", "other"), fc.integer()),
      envelope: fc.oneof(fc.base64String(), fc.string(), fc.constant("A")),
      signature: fc.oneof(fc.base64String({ minLength: 88, maxLength: 88 }), fc.string()),
      covers: fc.oneof(fc.integer(), fc.string()),
    },
    { requiredKeys: [] },
  );
  return fc.oneof(
    fc.jsonValue(),
    fc.record({ [field]: fc.jsonValue() }),
    fc.record({ [field]: fc.oneof(fc.base64String(), fc.stringMatching(/^[A-Za-z0-9+/]{1,9}={0,2}$/)) }),
    fc.record({ [field]: fc.array(fc.oneof(entryLike, fc.base64String(), fc.jsonValue()), { maxLength: 4 }) }),
  );
}

describe("hostile bodies", () => {
  it.each([
    ["entries", () => routes.entries(space.spaceId, "doc")],
    ["grant", () => routes.devices(space.spaceId)],
    ["grants", () => routes.grants(space.spaceId)],
  ])("POST with a %s field of any shape gets a typed 4xx", async (field, path) => {
    await fc.assert(
      fc.asyncProperty(hostileBody(field), async (body) => {
        const res = await space.founder.request<{ error: { code: string; message: string } }>("POST", path(), body);
        expect(res.status, JSON.stringify(body).slice(0, 200)).toBeGreaterThanOrEqual(400);
        expect(res.status).toBeLessThan(500);
        expect(CODES).toContain(res.body.error.code);
      }),
      { numRuns: 120 },
    );
  });

  it("POST /v1/spaces with any body gets a typed 400", async () => {
    await fc.assert(
      fc.asyncProperty(hostileBody("genesis"), async (body) => {
        const res = await unsignedRequest<{ error: { code: string } }>(t.url, "POST", routes.createSpace(), body);
        expect(res.status).toBe(400);
        expect(res.body.error.code).toBe("E_PROTOCOL");
      }),
      { numRuns: 120 },
    );
  });

  it("stored nothing, and still works", async () => {
    const page = await space.founder.get<{ head: number }>(routes.entries(space.spaceId, "doc"));
    expect(page.body.head).toBe(0);
    const entry = makeWireEntry({ device: space.founder.identity, documentId: "doc", seq: 1 });
    expect((await space.founder.post(routes.entries(space.spaceId, "doc"), { entries: [entry] })).status).toBe(200);
    expect(t.logs.filter((r) => r.level === "error")).toEqual([]);
  });
});
