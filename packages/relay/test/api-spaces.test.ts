// Spaces, devices and grants through the HTTP API of a real relay on loopback.
import { RELAY_API_VERSION, routes, toBase64 } from "@hearth/sync/protocol";
import {
  acceptEnrollmentGrant,
  createEnrollmentGrant,
  createSpaceGenesis,
  generateDeviceIdentity,
  publicKeysOf,
} from "@hearth/transport";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeWireEntry } from "./helpers/entries";
import { startTestRelay, type TestRelay } from "./helpers/in-process-relay";
import { unsignedRequest } from "./helpers/signed-client";
import { enrollDevice, foundSpace } from "./helpers/spaces";

let t: TestRelay;
beforeAll(async () => {
  t = await startTestRelay();
});
afterAll(async () => {
  await t.dispose();
});

interface ErrorBody {
  error: { code: string; message: string };
}

describe("the relay's open routes", () => {
  it("answers /health with the API version, and CORS on every answer", async () => {
    const res = await unsignedRequest(t.url, "GET", routes.health());
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ok: true, version: RELAY_API_VERSION, relay: expect.any(String) });
    expect(res.headers.get("access-control-allow-origin")).toBe("*");

    const preflight = await fetch(`${t.url}${routes.docs("s")}`, {
      method: "OPTIONS",
      headers: { origin: "http://app.example", "access-control-request-headers": "x-hearth-signature" },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe("*");
    const allowed = preflight.headers.get("access-control-allow-headers") ?? "";
    for (const h of ["content-type", "x-hearth-device", "x-hearth-time", "x-hearth-nonce", "x-hearth-signature"]) {
      expect(allowed).toContain(h);
    }
    const missing = await unsignedRequest<ErrorBody>(t.url, "GET", "/v2/nothing");
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe("E_NOT_FOUND");
    expect(missing.headers.get("access-control-allow-origin")).toBe("*");
    const wrongMethod = await unsignedRequest<ErrorBody>(t.url, "PUT", routes.health());
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get("allow")).toContain("GET");
    expect(wrongMethod.body.error.message).toMatch(/use GET/);
  });

  it("founds a space (201), accepts the same genesis again (200) and refuses a bad one (400)", async () => {
    const founder = generateDeviceIdentity();
    const { spaceId, genesis } = createSpaceGenesis(founder);
    const first = await unsignedRequest(t.url, "POST", routes.createSpace(), { genesis: toBase64(genesis) });
    expect(first).toMatchObject({ status: 201, body: { spaceId } });
    const again = await unsignedRequest(t.url, "POST", routes.createSpace(), { genesis: toBase64(genesis) });
    expect(again).toMatchObject({ status: 200, body: { spaceId } });

    const forged = genesis.slice();
    forged[20] = (forged[20] ?? 0) ^ 1;
    for (const body of [
      { genesis: toBase64(forged) },
      { genesis: "not base64!" },
      { genesis: "A" },
      { genesis: 42 },
      {},
    ]) {
      const res = await unsignedRequest<ErrorBody>(t.url, "POST", routes.createSpace(), body);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe("E_PROTOCOL");
      expect(res.body.error.message).toMatch(/genesis/);
    }
  });
});

describe("enrollment and removal", () => {
  it("enrolls a device by a grant from an active device; the new device picks the grant up", async () => {
    const space = await foundSpace(t.url);
    const phone = generateDeviceIdentity();
    await enrollDevice(space, phone);
    const grants = await unsignedRequest<{ grants: { spaceId: string; grant: string }[] }>(
      t.url,
      "GET",
      routes.grantsFor(phone.deviceId),
    );
    expect(grants.status).toBe(200);
    expect(grants.body.grants).toHaveLength(1);
    expect(grants.body.grants[0]?.spaceId).toBe(space.spaceId);
    const accepted = acceptEnrollmentGrant(phone, Buffer.from(grants.body.grants[0]?.grant ?? "", "base64"));
    expect(accepted.spaceId).toBe(space.spaceId);
    expect(accepted.keyRing.currentEpoch).toBe(0);

    const list = await space.founder.get<{ devices: Record<string, unknown>[] }>(routes.devices(space.spaceId));
    expect(list.status).toBe(200);
    expect(list.body.devices).toEqual([
      {
        deviceId: space.founder.identity.deviceId,
        signingPublicKey: toBase64(space.founder.identity.signingPublicKey),
        agreementPublicKey: toBase64(space.founder.identity.agreementPublicKey),
        enrolledBy: null,
        removed: false,
      },
      expect.objectContaining({
        deviceId: phone.deviceId,
        enrolledBy: space.founder.identity.deviceId,
        removed: false,
      }),
    ]);
    // The enrolled device is now a member: it can read.
    const phoneClient = space.devices[1];
    expect((await phoneClient?.get(routes.docs(space.spaceId)))?.status).toBe(200);
  });

  it("refuses grants signed by a non-member (403), by someone else than the requester (403), or for another space (400)", async () => {
    const space = await foundSpace(t.url);
    const other = await foundSpace(t.url);
    const newcomer = publicKeysOf(generateDeviceIdentity());

    // A stranger signs a grant and the request.
    const stranger = (await foundSpace(t.url)).founder;
    const strangerGrant = createEnrollmentGrant(stranger.identity, newcomer, {
      spaceId: space.spaceId,
      keyRing: space.keyRing,
    });
    const byStranger = await stranger.post<ErrorBody>(routes.devices(space.spaceId), {
      grant: toBase64(strangerGrant.grant),
    });
    expect(byStranger.status).toBe(403);
    expect(byStranger.body.error.code).toBe("E_FORBIDDEN");

    // A member posts a grant signed by a non-member.
    const relayed = await space.founder.post<ErrorBody>(routes.devices(space.spaceId), {
      grant: toBase64(strangerGrant.grant),
    });
    expect(relayed.status).toBe(403);
    expect(relayed.body.error.message).toMatch(/not by the requesting device/);

    // A member's grant for another space.
    const wrongSpace = createEnrollmentGrant(space.founder.identity, newcomer, {
      spaceId: other.spaceId,
      keyRing: space.keyRing,
    });
    const misplaced = await space.founder.post<ErrorBody>(routes.devices(space.spaceId), {
      grant: toBase64(wrongSpace.grant),
    });
    expect(misplaced.status).toBe(400);
    expect(misplaced.body.error.message).toMatch(/another space/);

    const garbage = await space.founder.post<ErrorBody>(routes.devices(space.spaceId), {
      grant: toBase64(new Uint8Array(10)),
    });
    expect(garbage.status).toBe(400);

    expect((await space.founder.get<{ devices: unknown[] }>(routes.devices(space.spaceId))).body.devices).toHaveLength(
      1,
    );
    expect(
      (await unsignedRequest<{ grants: unknown[] }>(t.url, "GET", routes.grantsFor(newcomer.deviceId))).body.grants,
    ).toEqual([]);
  });

  it("removes a device: its requests get 403; the remover hands the rotated ring to the others", async () => {
    const space = await foundSpace(t.url);
    const laptop = await enrollDevice(space);
    const lost = await enrollDevice(space);
    const doc = routes.entries(space.spaceId, "doc");
    expect(
      (await lost.post(doc, { entries: [makeWireEntry({ device: lost.identity, documentId: "doc", seq: 1 })] })).status,
    ).toBe(200);

    const removed = await space.founder.delete(routes.device(space.spaceId, lost.identity.deviceId));
    expect(removed).toMatchObject({ status: 200, body: { deviceId: lost.identity.deviceId, removed: true } });
    // Idempotent.
    expect((await space.founder.delete(routes.device(space.spaceId, lost.identity.deviceId))).status).toBe(200);

    for (const res of [
      await lost.get<ErrorBody>(doc),
      await lost.post<ErrorBody>(doc, {
        entries: [makeWireEntry({ device: lost.identity, documentId: "doc", seq: 2 })],
      }),
      await lost.get<ErrorBody>(routes.docs(space.spaceId)),
    ]) {
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe("E_FORBIDDEN");
      expect(res.body.error.message).toMatch(/removed/);
    }

    // Rotation: one grant per remaining device.
    space.keyRing.rotate();
    const ringFor = (device: typeof laptop) =>
      toBase64(createEnrollmentGrant(space.founder.identity, publicKeysOf(device.identity), space).grant);
    const posted = await space.founder.post(routes.grants(space.spaceId), {
      grants: [ringFor(space.founder), ringFor(laptop)],
    });
    expect(posted).toMatchObject({ status: 201, body: { stored: 2 } });
    const laptopGrants = await unsignedRequest<{ grants: { grant: string }[] }>(
      t.url,
      "GET",
      routes.grantsFor(laptop.identity.deviceId),
    );
    expect(laptopGrants.body.grants).toHaveLength(2);
    const newest = acceptEnrollmentGrant(
      laptop.identity,
      Buffer.from(laptopGrants.body.grants[1]?.grant ?? "", "base64"),
    );
    expect(newest.keyRing.currentEpoch).toBe(1);

    // No rotated ring for the removed device, and a removed device cannot remove anyone or post grants.
    const toLost = await space.founder.post<ErrorBody>(routes.grants(space.spaceId), { grants: [ringFor(lost)] });
    expect(toLost.status).toBe(403);
    expect((await lost.delete(routes.device(space.spaceId, laptop.identity.deviceId))).status).toBe(403);
    // A removed device cannot be enrolled again.
    const back = createEnrollmentGrant(space.founder.identity, publicKeysOf(lost.identity), space);
    expect((await space.founder.post(routes.devices(space.spaceId), { grant: toBase64(back.grant) })).status).toBe(409);
    // Removing a device the space never had.
    expect((await space.founder.delete(routes.device(space.spaceId, "no-such-device"))).status).toBe(404);
  });

  it("refuses to remove the last active device", async () => {
    const space = await foundSpace(t.url);
    const res = await space.founder.delete<ErrorBody>(routes.device(space.spaceId, space.founder.identity.deviceId));
    expect(res.status).toBe(409);
    expect(res.body.error.message).toMatch(/last active device/);
  });
});
