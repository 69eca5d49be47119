// The wire protocol shared by clients and the relay: untrusted JSON in, typed errors out.
import { generateDeviceIdentity } from "@hearth/transport";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  decodeWireEntry,
  encodeWireEntry,
  type LogEntry,
  ProtocolError,
  signRequest,
  verifyRequest,
} from "../src/protocol/index";

const entry: LogEntry = {
  documentId: "inbox",
  deviceId: "device-1",
  seq: 3,
  epoch: 1,
  kind: "change",
  envelope: new Uint8Array([1, 2, 3, 250, 251]),
  signature: new Uint8Array(64).fill(9),
};

describe("wire entries", () => {
  it("round-trip any entry", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.integer({ min: 1, max: 2 ** 40 }), (envelope, seq) => {
        const decoded = decodeWireEntry(JSON.parse(JSON.stringify(encodeWireEntry({ ...entry, envelope, seq }))));
        expect(decoded).toEqual({ ...entry, envelope, seq });
      }),
      { numRuns: 200 },
    );
  });

  it("refuses malformed fields with a ProtocolError naming them", () => {
    const wire = encodeWireEntry(entry);
    const bad: [unknown, RegExp][] = [
      [null, /JSON object/],
      [[], /JSON object/],
      [{ ...wire, kind: "other" }, /kind/],
      [{ ...wire, envelope: 5 }, /base64/],
      [{ ...wire, envelope: "A" }, /envelope is not base64/],
      [{ ...wire, envelope: "AB=C" }, /envelope is not base64/],
      [{ ...wire, envelope: "äöü=" }, /envelope is not base64/],
      [{ ...wire, envelope: "AB C" }, /envelope is not base64/],
      [{ ...wire, envelope: "AB\n=" }, /envelope is not base64/],
      [{ ...wire, envelope: "A===" }, /envelope is not base64/],
      [{ ...wire, envelope: "AB-_" }, /envelope is not base64/],
      [{ ...wire, signature: "AAAA" }, /64 bytes/],
      [{ ...wire, documentId: "../../etc" }, /documentId/],
      [{ ...wire, deviceId: "x".repeat(129) }, /deviceId/],
      [{ ...wire, seq: 0 }, /seq/],
      [{ ...wire, seq: 1.5 }, /seq/],
      [{ ...wire, epoch: 2 ** 33 }, /epoch/],
      [{ ...wire, kind: "snapshot" }, /covers/],
      [{ ...wire, position: -1 }, /position/],
    ];
    for (const [value, message] of bad) {
      expect(() => decodeWireEntry(value), JSON.stringify(value)?.slice(0, 80)).toThrow(ProtocolError);
      expect(() => decodeWireEntry(value)).toThrow(message);
    }
  });

  it("refuses an oversized envelope before decoding it", () => {
    const huge = { ...encodeWireEntry(entry), envelope: "A".repeat(4 * 1024 * 1024 * 2) };
    expect(() => decodeWireEntry(huge, 4 * 1024 * 1024)).toThrow(/larger than/);
  });
});

describe("request signatures", () => {
  it("verify for the same request and fail for any change", () => {
    const device = generateDeviceIdentity();
    const body = new TextEncoder().encode('{"entries":[]}');
    const request = { method: "POST", target: "/v1/spaces/s/docs/d/entries", body };
    const auth = signRequest(device, request);
    verifyRequest(device.signingPublicKey, request, auth);
    expect(() => verifyRequest(device.signingPublicKey, { ...request, method: "GET" }, auth)).toThrow();
    expect(() =>
      verifyRequest(device.signingPublicKey, { ...request, target: "/v1/spaces/t/docs/d/entries" }, auth),
    ).toThrow();
    expect(() => verifyRequest(device.signingPublicKey, { ...request, body: new Uint8Array() }, auth)).toThrow();
    expect(() => verifyRequest(generateDeviceIdentity().signingPublicKey, request, auth)).toThrow();
    expect(() =>
      verifyRequest(device.signingPublicKey, request, { ...auth, time: String(Date.now() - 3_600_000) }),
    ).toThrow(/clock/);
    expect(() => verifyRequest(device.signingPublicKey, request, { ...auth, nonce: "zz" })).toThrow(ProtocolError);
  });
});
