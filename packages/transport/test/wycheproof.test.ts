// Wycheproof vectors (test/fixtures, Apache-2.0, see wycheproof-LICENSE) run through this package's own API:
// valid cases must give the expected bytes, invalid ones a typed error.
import { describe, expect, it } from "vitest";
import {
  chachaDecrypt,
  chachaEncrypt,
  ed25519Verify,
  hkdfSha256,
  InvalidKeyError,
  SignatureError,
  TransportError,
  x25519SharedSecret,
  xchachaDecrypt,
  xchachaEncrypt,
} from "../src/index";
import { hex, loadWycheproof } from "./helpers/wycheproof";

const aeads = [
  { name: "xchacha20_poly1305", encrypt: xchachaEncrypt, decrypt: xchachaDecrypt, valid: 246, invalid: 69 },
  { name: "chacha20_poly1305", encrypt: chachaEncrypt, decrypt: chachaDecrypt, valid: 256, invalid: 69 },
];

for (const aead of aeads) {
  describe(`wycheproof ${aead.name}`, () => {
    const groups = loadWycheproof(aead.name);
    it("seals valid cases to the expected ciphertext and tag, and opens them", () => {
      let ran = 0;
      for (const group of groups) {
        for (const t of group.tests) {
          if (t.result !== "valid") continue;
          const [key, nonce, aad, msg] = [hex(t.key), hex(t.iv), hex(t.aad), hex(t.msg)];
          const expected = new Uint8Array([...hex(t.ct), ...hex(t.tag)]);
          expect(aead.encrypt(key, nonce, msg, aad), `tcId ${t.tcId}`).toEqual(expected);
          expect(aead.decrypt(key, nonce, expected, aad), `tcId ${t.tcId}`).toEqual(msg);
          ran++;
        }
      }
      expect(ran).toBe(aead.valid);
    });

    it("rejects every invalid case (modified tags, bad nonce sizes) with a typed error", () => {
      let ran = 0;
      for (const group of groups) {
        for (const t of group.tests) {
          if (t.result !== "invalid") continue;
          const sealed = new Uint8Array([...hex(t.ct), ...hex(t.tag)]);
          const attempt = () => aead.decrypt(hex(t.key), hex(t.iv), sealed, hex(t.aad));
          expect(attempt, `tcId ${t.tcId} ${t.comment}`).toThrow(TransportError);
          ran++;
        }
      }
      expect(ran).toBe(aead.invalid);
    });
  });
}

describe("wycheproof x25519", () => {
  it("agrees on every shared secret and refuses low-order points", () => {
    const counts = { agreed: 0, refused: 0 };
    for (const group of loadWycheproof("x25519")) {
      for (const t of group.tests) {
        const run = () => x25519SharedSecret(hex(t.private), hex(t.public));
        if (t.flags.includes("ZeroSharedSecret")) {
          expect(run, `tcId ${t.tcId}`).toThrow(InvalidKeyError);
          counts.refused++;
        } else {
          expect(run(), `tcId ${t.tcId} ${t.comment}`).toEqual(hex(t.shared));
          counts.agreed++;
        }
      }
    }
    expect(counts).toEqual({ agreed: 487, refused: 31 });
  });
});

describe("wycheproof ed25519", () => {
  it("verifies valid signatures and rejects invalid ones with SignatureError", () => {
    const counts = { valid: 0, invalid: 0 };
    for (const group of loadWycheproof("ed25519")) {
      const publicKey = hex((group.publicKey as { pk: string }).pk);
      for (const t of group.tests) {
        const run = () => ed25519Verify(publicKey, hex(t.msg), hex(t.sig));
        if (t.result === "valid") {
          expect(run, `tcId ${t.tcId}`).not.toThrow();
          counts.valid++;
        } else {
          expect(run, `tcId ${t.tcId} ${t.comment}`).toThrow(SignatureError);
          counts.invalid++;
        }
      }
    }
    expect(counts).toEqual({ valid: 88, invalid: 63 });
  });
});

describe("wycheproof hkdf_sha256", () => {
  it("derives every valid output and refuses sizes HKDF cannot produce", () => {
    const counts = { valid: 0, invalid: 0 };
    for (const group of loadWycheproof("hkdf_sha256")) {
      for (const t of group.tests) {
        const salt = hex(t.salt);
        const run = () => hkdfSha256(hex(t.ikm), salt.length ? salt : undefined, hex(t.info), Number(t.size));
        if (t.result === "valid") {
          expect(run(), `tcId ${t.tcId}`).toEqual(hex(t.okm));
          counts.valid++;
        } else {
          expect(run, `tcId ${t.tcId}`).toThrow(InvalidKeyError);
          counts.invalid++;
        }
      }
    }
    expect(counts).toEqual({ valid: 83, invalid: 3 });
  });
});
