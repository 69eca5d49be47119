import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  DecryptError,
  ENVELOPE_OVERHEAD,
  type EntryContext,
  encodeEntryContext,
  generateEd25519KeyPair,
  InvalidFormatError,
  openEnvelope,
  padmeLength,
  readEnvelopeHeader,
  SignatureError,
  sealEnvelope,
  signEnvelope,
  TransportError,
  verifyEnvelope,
} from "../src/index";
import { flipBit } from "./helpers/mutate";

const key = new Uint8Array(32).fill(7);
const context: EntryContext = { documentId: "doc-1", deviceId: "device-a", seq: 42, epoch: 3, kind: "change" };
const aad = encodeEntryContext(context);
const signer = generateEd25519KeyPair();

describe("envelope", () => {
  it("open(seal(x)) = x for any bytes, padded or not, with any context", () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 4096 }),
        fc.uint8Array({ maxLength: 64 }),
        fc.boolean(),
        (data, ctx, pad) => {
          const envelope = sealEnvelope(key, data, { epoch: 9, context: ctx, pad });
          expect(openEnvelope(key, envelope, ctx)).toEqual(data);
          expect(readEnvelopeHeader(envelope)).toEqual({ version: 1, epoch: 9, padded: pad });
        },
      ),
      { numRuns: 500 },
    );
  });

  it("pads to the PADME length, so sizes within a bucket look alike", () => {
    expect([0, 1, 2, 9, 100, 1000, 1023, 1024, 1025, 65537].map(padmeLength)).toEqual([
      // Worked by hand from the paper's definition: E = floor(log2 L), S = floor(log2 E) + 1, round up to 2^(E-S).
      0, 1, 2, 10, 104, 1024, 1024, 1024, 1088, 67584,
    ]);
    const a = sealEnvelope(key, new Uint8Array(1000), { pad: true });
    const b = sealEnvelope(key, new Uint8Array(1005), { pad: true });
    expect(a.length).toBe(b.length);
    expect(a.length).toBe(padmeLength(1001) + ENVELOPE_OVERHEAD);
  });

  it("rejects every single-bit flip of header, nonce, ciphertext, tag and context (10,000+ mutations)", () => {
    const plaintext = new TextEncoder().encode("Meet Alice at 10:00 at the station. Bring the blue folder.");
    let mutations = 0;
    // Every bit of several envelopes and of their context: header, epoch, nonce, ciphertext and tag.
    for (const pad of [false, true]) {
      for (let round = 0; round < 20; round++) {
        const envelope = sealEnvelope(key, plaintext, { epoch: 3, context: aad, pad });
        for (let bit = 0; bit < envelope.length * 8; bit++) {
          expect(() => openEnvelope(key, flipBit(envelope, bit), aad)).toThrow(TransportError);
          mutations++;
        }
        if (round === 0) {
          for (let bit = 0; bit < aad.length * 8; bit++) {
            expect(() => openEnvelope(key, envelope, flipBit(aad, bit))).toThrow(DecryptError);
            mutations++;
          }
        }
      }
    }
    expect(mutations).toBeGreaterThanOrEqual(10_000);
  });

  it("rejects every single-bit flip of a signed entry's envelope, context and signature", () => {
    const envelope = sealEnvelope(key, new TextEncoder().encode("a change"), { epoch: 3, context: aad });
    const signature = signEnvelope(signer.secretKey, envelope, aad);
    verifyEnvelope(signer.publicKey, envelope, aad, signature);
    let mutations = 0;
    for (let bit = 0; bit < signature.length * 8; bit++, mutations++) {
      expect(() => verifyEnvelope(signer.publicKey, envelope, aad, flipBit(signature, bit))).toThrow(SignatureError);
    }
    for (let bit = 0; bit < envelope.length * 8; bit++, mutations++) {
      expect(() => verifyEnvelope(signer.publicKey, flipBit(envelope, bit), aad, signature)).toThrow(SignatureError);
    }
    for (let bit = 0; bit < aad.length * 8; bit++, mutations++) {
      expect(() => verifyEnvelope(signer.publicKey, envelope, flipBit(aad, bit), signature)).toThrow(SignatureError);
    }
    expect(() => verifyEnvelope(generateEd25519KeyPair().publicKey, envelope, aad, signature)).toThrow(SignatureError);
    expect(mutations).toBeGreaterThan(1000);
  });

  it("rejects truncated and extended envelopes", () => {
    const envelope = sealEnvelope(key, new Uint8Array(100).fill(1), { context: aad });
    for (let length = 0; length < envelope.length; length++) {
      expect(() => openEnvelope(key, envelope.subarray(0, length), aad)).toThrow(TransportError);
    }
    for (const extra of [[0], [1, 2, 3], new Array(64).fill(0)]) {
      expect(() => openEnvelope(key, new Uint8Array([...envelope, ...extra]), aad)).toThrow(DecryptError);
    }
    expect(() => openEnvelope(key, new Uint8Array(), aad)).toThrow(InvalidFormatError);
  });

  it("cannot be moved to another document, device, sequence, epoch or kind", () => {
    const envelope = sealEnvelope(key, new Uint8Array([1, 2, 3]), { epoch: 3, context: aad });
    const moved: EntryContext[] = [
      { ...context, documentId: "doc-2" },
      { ...context, deviceId: "device-b" },
      { ...context, seq: 43 },
      { ...context, epoch: 4 },
      { ...context, kind: "snapshot" },
    ];
    for (const other of moved) {
      expect(() => openEnvelope(key, envelope, encodeEntryContext(other))).toThrow(DecryptError);
    }
    expect(openEnvelope(key, envelope, encodeEntryContext({ ...context }))).toEqual(new Uint8Array([1, 2, 3]));
  });

  it("encodes contexts injectively (no two field splits give the same bytes)", () => {
    const a = encodeEntryContext({ ...context, documentId: "ab", deviceId: "c" });
    const b = encodeEntryContext({ ...context, documentId: "a", deviceId: "bc" });
    expect(a).not.toEqual(b);
    expect(() => encodeEntryContext({ ...context, seq: -1 })).toThrow(InvalidFormatError);
    expect(() => encodeEntryContext({ ...context, kind: "other" as "change" })).toThrow(InvalidFormatError);
  });

  it("refuses a wrong key with E_DECRYPT, an unknown version or flag with E_FORMAT", () => {
    const envelope = sealEnvelope(key, new Uint8Array([1]));
    const err = (() => {
      try {
        openEnvelope(new Uint8Array(32).fill(8), envelope);
      } catch (e) {
        return e as TransportError;
      }
    })();
    expect(err?.code).toBe("E_DECRYPT");
    expect(err?.message).toMatch(/wrong key/);
    const v2 = envelope.slice();
    v2[0] = 2;
    expect(() => openEnvelope(key, v2)).toThrow(/version 2 is not supported/);
    const flags = envelope.slice();
    flags[1] = 0x80;
    expect(() => openEnvelope(key, flags)).toThrow(InvalidFormatError);
  });

  it("uses a fresh nonce per envelope", () => {
    const nonces = new Set<string>();
    for (let i = 0; i < 1000; i++)
      nonces.add(Buffer.from(sealEnvelope(key, new Uint8Array()).subarray(6, 30)).toString("hex"));
    expect(nonces.size).toBe(1000);
  });
});
