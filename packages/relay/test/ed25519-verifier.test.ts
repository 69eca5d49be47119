// The relay checks Ed25519 signatures with node:crypto (OpenSSL) while devices sign and verify with the @noble
// primitive of @hearth/transport. Both must give the same answer on every case, or a relay could accept what
// devices reject (or refuse what they accept): the Wycheproof vectors transport's own tests run, and messages of
// the sizes the relay sees (a request digest, small entries, envelopes of megabytes).
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { ed25519Sign, ed25519Verify, generateDeviceIdentity } from "@hearth/transport";
import { describe, expect, it } from "vitest";
import { Ed25519Verifier } from "../src/crypto/ed25519-verifier";

interface Case {
  tcId: number;
  comment: string;
  msg: string;
  sig: string;
  result: "valid" | "invalid" | "acceptable";
}

const fixture = new URL("../../transport/test/fixtures/wycheproof-ed25519_test.json", import.meta.url);
const { testGroups, numberOfTests } = JSON.parse(readFileSync(fileURLToPath(fixture), "utf8")) as {
  numberOfTests: number;
  testGroups: { publicKey: { pk: string }; tests: Case[] }[];
};
const hex = (text: string) => Uint8Array.from(Buffer.from(text, "hex"));

function nobleAccepts(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): boolean {
  try {
    ed25519Verify(publicKey, message, signature);
    return true;
  } catch {
    return false;
  }
}

describe("Ed25519Verifier (node:crypto) against @hearth/transport (@noble)", () => {
  it("agrees with the noble primitive and with Wycheproof on every ed25519 case", async () => {
    const verifier = new Ed25519Verifier();
    const counts = { valid: 0, invalid: 0, ran: 0 };
    for (const group of testGroups) {
      const publicKey = hex(group.publicKey.pk);
      for (const t of group.tests) {
        const [message, signature] = [hex(t.msg), hex(t.sig)];
        const relay = await verifier.verifies(publicKey, message, signature);
        expect(relay, `tcId ${t.tcId} ${t.comment}`).toBe(nobleAccepts(publicKey, message, signature));
        expect(relay, `tcId ${t.tcId} ${t.comment}`).toBe(t.result === "valid");
        counts[relay ? "valid" : "invalid"]++;
        counts.ran++;
      }
    }
    expect(counts).toEqual({ valid: 88, invalid: 63, ran: numberOfTests });
  });

  it("agrees on signed and altered messages of every size", async () => {
    const verifier = new Ed25519Verifier();
    const { signing } = generateDeviceIdentity();
    for (const size of [0, 1, 300, 64 * 1024, 64 * 1024 + 1, 1024 * 1024]) {
      const message = crypto.getRandomValues(new Uint8Array(Math.min(size, 65536)));
      const full = new Uint8Array(size);
      for (let i = 0; i < size; i += message.length)
        full.set(message.subarray(0, Math.min(message.length, size - i)), i);
      const signature = ed25519Sign(signing.secretKey, full);
      expect(await verifier.verifies(signing.publicKey, full, signature), `size ${size}`).toBe(true);
      expect(nobleAccepts(signing.publicKey, full, signature)).toBe(true);
      const altered = Uint8Array.from(signature);
      altered[size % 64] = (altered[size % 64] ?? 0) ^ 1;
      expect(await verifier.verifies(signing.publicKey, full, altered), `altered, size ${size}`).toBe(false);
      expect(nobleAccepts(signing.publicKey, full, altered)).toBe(false);
      if (size > 0) {
        const changed = Uint8Array.from(full);
        changed[size - 1] = (changed[size - 1] ?? 0) ^ 0x80;
        expect(await verifier.verifies(signing.publicKey, changed, signature), `changed, size ${size}`).toBe(false);
      }
    }
    // Keys and signatures of the wrong length are refused, never thrown.
    expect(await verifier.verifies(new Uint8Array(31), new Uint8Array(1), new Uint8Array(64))).toBe(false);
    expect(await verifier.verifies(signing.publicKey, new Uint8Array(1), new Uint8Array(63))).toBe(false);
  });
});
