// The relay checks signatures with node:crypto over bytes it lays out itself. These properties hold the mirror to
// the originals: whatever signRequest / signEnvelope sign verifies, and any change is refused by both sides alike.
import { type RequestAuth, signRequest, verifyRequest } from "@hearth/sync/protocol";
import {
  encodeEntryContext,
  generateDeviceIdentity,
  sealEnvelope,
  signEnvelope,
  verifyEnvelope,
} from "@hearth/transport";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Ed25519Verifier } from "../src/crypto/ed25519-verifier";
import { entrySigningBytes, requestSigningBytes } from "../src/crypto/signing-bytes";

const device = generateDeviceIdentity();
const other = generateDeviceIdentity();
const verifier = new Ed25519Verifier();
const key = crypto.getRandomValues(new Uint8Array(32));

function nobleAccepts(run: () => void): boolean {
  try {
    run();
    return true;
  } catch {
    return false;
  }
}

const requestArb = fc.record({
  method: fc.constantFrom("GET", "POST", "DELETE", "get"),
  target: fc.string({ maxLength: 80 }).map((s) => `/v1/${s}`),
  body: fc.option(fc.uint8Array({ maxLength: 300 }), { nil: undefined }),
});

describe("request signatures", () => {
  it("verify natively exactly when verifyRequest accepts them", async () => {
    await fc.assert(
      fc.asyncProperty(requestArb, requestArb, fc.boolean(), async (signed, sent, sameRequest) => {
        const now = Date.now();
        const auth = signRequest(device, signed, now);
        const request = sameRequest ? signed : sent;
        const native = await verifier.verifies(
          device.signingPublicKey,
          requestSigningBytes(request, auth),
          Buffer.from(auth.signature, "hex"),
        );
        const noble = nobleAccepts(() => verifyRequest(device.signingPublicKey, request, auth, now));
        expect(native).toBe(noble);
        if (sameRequest) expect(native).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it("refuse every changed auth field and a wrong key", async () => {
    const request = { method: "POST", target: "/v1/spaces/s/docs/d/entries", body: new Uint8Array([1, 2, 3]) };
    const auth = signRequest(device, request);
    const sig = Buffer.from(auth.signature, "hex");
    const changed: RequestAuth[] = [
      { ...auth, device: other.deviceId },
      { ...auth, time: String(Number(auth.time) + 1) },
      { ...auth, nonce: auth.nonce.replace(/^./, (c) => (c === "0" ? "1" : "0")) },
    ];
    for (const a of changed)
      expect(await verifier.verifies(device.signingPublicKey, requestSigningBytes(request, a), sig)).toBe(false);
    expect(await verifier.verifies(other.signingPublicKey, requestSigningBytes(request, auth), sig)).toBe(false);
    expect(await verifier.verifies(device.signingPublicKey, requestSigningBytes(request, auth), sig)).toBe(true);
  });
});

describe("entry signatures", () => {
  it("verify natively exactly when verifyEnvelope accepts them, for any single-byte change", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 200 }),
        fc.nat({ max: 1000 }),
        fc.constantFrom<"change" | "snapshot">("change", "snapshot"),
        fc.nat(),
        fc.integer({ min: 0, max: 2 }),
        async (plaintext, seq, kind, flip, target) => {
          const context = encodeEntryContext({ documentId: "doc", deviceId: device.deviceId, seq, epoch: 0, kind });
          const envelope = sealEnvelope(key, plaintext, { context });
          const signature = signEnvelope(device.signing.secretKey, envelope, context);
          const parts = [envelope.slice(), context.slice(), signature.slice()];
          const part = parts[target] ?? envelope;
          const i = flip % part.length;
          part[i] = (part[i] ?? 0) ^ 0x01;
          const [e, c, s] = parts as [Uint8Array, Uint8Array, Uint8Array];
          const native = await verifier.verifies(device.signingPublicKey, entrySigningBytes(e, c), s);
          const noble = nobleAccepts(() => verifyEnvelope(device.signingPublicKey, e, c, s));
          expect(native).toBe(noble);
          expect(native).toBe(false);
          expect(
            await verifier.verifies(device.signingPublicKey, entrySigningBytes(envelope, context), signature),
          ).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("verify large envelopes too (checked off the event loop)", async () => {
    const context = encodeEntryContext({
      documentId: "doc",
      deviceId: device.deviceId,
      seq: 1,
      epoch: 0,
      kind: "change",
    });
    const envelope = sealEnvelope(key, new Uint8Array(300 * 1024).fill(7), { context });
    const signature = signEnvelope(device.signing.secretKey, envelope, context);
    expect(await verifier.verifies(device.signingPublicKey, entrySigningBytes(envelope, context), signature)).toBe(
      true,
    );
    const changed = envelope.slice();
    changed[changed.length - 1] = (changed[changed.length - 1] ?? 0) ^ 0x80;
    expect(await verifier.verifies(device.signingPublicKey, entrySigningBytes(changed, context), signature)).toBe(
      false,
    );
    expect(await verifier.verifies(other.signingPublicKey, entrySigningBytes(envelope, context), signature)).toBe(
      false,
    );
  });

  it("refuse malformed keys and signatures without throwing", async () => {
    expect(await verifier.verifies(new Uint8Array(31), new Uint8Array(1), new Uint8Array(64))).toBe(false);
    expect(await verifier.verifies(device.signingPublicKey, new Uint8Array(1), new Uint8Array(63))).toBe(false);
    expect(await verifier.verifies(device.signingPublicKey, new Uint8Array(1), new Uint8Array(64).fill(0xff))).toBe(
      false,
    );
  });
});
