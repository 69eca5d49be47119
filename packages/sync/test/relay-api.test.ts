// The client's reading of relay answers: status codes to typed errors, Retry-After, device lists, live messages,
// and the reconnect delay. Pure functions over real inputs; the end-to-end tests run them against the real relay.
import { generateDeviceIdentity, KeyRing } from "@hearth/transport";
import { describe, expect, it } from "vitest";
import { backoffDelay, encodeWireEntry, RateLimitedError, sealEntry, toBase64 } from "../src/index";
import { errorFromResponse, parseRetryAfter } from "../src/relay/error-from-response";
import { parseLiveMessage } from "../src/relay/live-socket";
import { parseAppendAnswer, parseDeviceRecord } from "../src/relay/relay-api";
import { RelayHttp } from "../src/relay/relay-http";

describe("relay answers", () => {
  it("maps every status the relay uses to a typed error that says what to do", () => {
    const body = { error: { code: "E_X", message: "because" } };
    const codes = [400, 401, 403, 404, 409, 413, 429, 500, 503].map((s) => errorFromResponse(s, body, "3").code);
    expect(codes).toEqual([
      "E_PROTOCOL",
      "E_UNAUTHORIZED",
      "E_FORBIDDEN",
      "E_NOT_FOUND",
      "E_CONFLICT",
      "E_TOO_LARGE",
      "E_RATE_LIMITED",
      "E_RELAY",
      "E_RELAY",
    ]);
    const limited = errorFromResponse(429, body, "3");
    expect(limited).toBeInstanceOf(RateLimitedError);
    expect((limited as RateLimitedError).retryAfterMs).toBe(3000);
    expect(errorFromResponse(403, body, null).message).toContain("The relay said: because");
    expect(errorFromResponse(500, "not json", null).message).toMatch(/retry/);
  });

  it("reads an append's answer: compacted entries with their marks, from older relays by position 0 alone", () => {
    expect(
      parseAppendAnswer(
        {
          positions: [0, 7, 0],
          compacted: [
            { index: 0, mark: 6 },
            { index: 2, mark: 6 },
          ],
        },
        3,
      ),
    ).toEqual({
      positions: [0, 7, 0],
      compacted: [
        { index: 0, mark: 6 },
        { index: 2, mark: 6 },
      ],
    });
    expect(parseAppendAnswer({ positions: [5, 0] }, 2)).toEqual({
      positions: [5, 0],
      compacted: [{ index: 1, mark: 0 }],
    });
    expect(parseAppendAnswer({ positions: [5], compacted: [] }, 1)).toEqual({ positions: [5], compacted: [] });
    for (const bad of [
      { positions: [5], compacted: [{ index: 0, mark: 6 }] },
      { positions: [0], compacted: [{ index: 1, mark: 6 }] },
      { positions: [0], compacted: [{ index: 0, mark: -1 }] },
      { positions: [0], compacted: "all" },
      { positions: [0, 1] },
    ]) {
      expect(() => parseAppendAnswer(bad, 1)).toThrow(expect.objectContaining({ code: "E_PROTOCOL" }));
    }
  });

  it("reads Retry-After as seconds or an HTTP date", () => {
    expect(parseRetryAfter("7")).toBe(7000);
    expect(parseRetryAfter(null)).toBe(1000);
    expect(parseRetryAfter("soon")).toBe(1000);
    const now = Date.parse("2024-01-01T00:00:00Z");
    expect(parseRetryAfter("Mon, 01 Jan 2024 00:00:05 GMT", now)).toBe(5000);
  });

  it("accepts a device only when its id belongs to its keys", () => {
    const device = generateDeviceIdentity();
    const other = generateDeviceIdentity();
    const record = {
      deviceId: device.deviceId,
      signingPublicKey: toBase64(device.signingPublicKey),
      agreementPublicKey: toBase64(device.agreementPublicKey),
      enrolledBy: null,
      removed: false,
    };
    expect(parseDeviceRecord(record).signingPublicKey).toEqual(device.signingPublicKey);
    expect(() => parseDeviceRecord({ ...record, signingPublicKey: toBase64(other.signingPublicKey) })).toThrow(
      expect.objectContaining({ code: "E_PROTOCOL" }),
    );
    expect(() => parseDeviceRecord({ ...record, agreementPublicKey: "AAAA" })).toThrow(
      expect.objectContaining({ code: "E_PROTOCOL" }),
    );
  });

  it("parses live pushes and refuses anything else with E_PROTOCOL", () => {
    const device = generateDeviceIdentity();
    const entry = sealEntry(device, KeyRing.create(), { documentId: "d", seq: 1, kind: "change" }, new Uint8Array([1]));
    const text = JSON.stringify({
      type: "entries",
      documentId: "d",
      entries: [{ ...encodeWireEntry(entry), position: 4 }],
    });
    const push = parseLiveMessage(text);
    expect("entries" in push && push.entries[0]?.position).toBe(4);
    expect(parseLiveMessage(JSON.stringify({ type: "error", code: "E_X", message: "bye" }))).toEqual({ error: "bye" });
    for (const bad of [
      "{",
      "[]",
      JSON.stringify({ type: "other" }),
      JSON.stringify({ type: "entries", documentId: "d", entries: [{}] }),
    ]) {
      expect(() => parseLiveMessage(bad)).toThrow(expect.objectContaining({ code: "E_PROTOCOL" }));
    }
  });

  it("refuses relay URLs that are not http(s)", () => {
    expect(() => new RelayHttp("ftp://example.org")).toThrow(expect.objectContaining({ code: "E_RELAY" }));
    expect(() => new RelayHttp("not a url")).toThrow(expect.objectContaining({ code: "E_RELAY" }));
    expect(new RelayHttp("http://127.0.0.1:8787/some/path").origin).toBe("http://127.0.0.1:8787");
  });
});

describe("reconnect backoff", () => {
  it("grows exponentially with full jitter inside 250 ms .. 30 s", () => {
    expect(backoffDelay(0, {}, () => 0)).toBe(250);
    expect(backoffDelay(0, {}, () => 1)).toBe(250);
    expect(backoffDelay(3, {}, () => 1)).toBe(2000);
    expect(backoffDelay(3, {}, () => 0)).toBe(250);
    expect(backoffDelay(50, {}, () => 1)).toBe(30_000);
    for (let attempt = 0; attempt < 40; attempt++) {
      const delay = backoffDelay(attempt);
      expect(delay).toBeGreaterThanOrEqual(250);
      expect(delay).toBeLessThanOrEqual(30_000);
    }
    expect(backoffDelay(10, { minMs: 10, maxMs: 100 }, () => 1)).toBe(100);
  });
});
