import { describe, expect, it } from "vitest";
import {
  acceptEnrollmentGrant,
  createEnrollmentGrant,
  createPairingCode,
  createSpaceGenesis,
  DecryptError,
  deviceIdentityFromBytes,
  deviceIdentityToBytes,
  generateDeviceIdentity,
  InvalidFormatError,
  KeyRing,
  openEnvelope,
  openSealedBox,
  parsePairingCode,
  publicKeysOf,
  SignatureError,
  sealEnvelope,
  sealToPublicKey,
  verifyEnrollmentGrant,
  verifySpaceGenesis,
} from "../src/index";
import { flipByte } from "./helpers/mutate";

describe("pairing code", () => {
  it("carries a device's public keys and survives case, spaces and dashes", () => {
    const device = generateDeviceIdentity();
    const code = createPairingCode(device);
    expect(code).toMatch(/^HEARTH1(-[A-Z2-7]{1,5})+$/);
    expect(parsePairingCode(code)).toEqual(publicKeysOf(device));
    expect(parsePairingCode(code.toLowerCase().replaceAll("-", " "))).toEqual(publicKeysOf(device));
  });

  it("catches any single mistyped character", () => {
    const code = createPairingCode(generateDeviceIdentity());
    for (let i = 8; i < code.length; i++) {
      if (code[i] === "-") continue;
      const typo = code.slice(0, i) + (code[i] === "A" ? "B" : "A") + code.slice(i + 1);
      expect(() => parsePairingCode(typo), `position ${i}`).toThrow(InvalidFormatError);
    }
    expect(() => parsePairingCode("HEARTH1-0189")).toThrow(/A-Z and 2-7/);
    expect(() => parsePairingCode("hello")).toThrow(/starts with HEARTH1/);
    expect(() => parsePairingCode(code.slice(0, -6))).toThrow(/too short/);
  });
});

describe("enrollment", () => {
  const a = generateDeviceIdentity();
  const b = generateDeviceIdentity();
  const keyRing = KeyRing.create();
  keyRing.rotate();

  it("device A enrolls B; B opens what A sealed; both show the same short authentication string", () => {
    const code = createPairingCode(b);
    const { grant, shortAuthenticationString } = createEnrollmentGrant(a, parsePairingCode(code), {
      spaceId: "family",
      keyRing,
    });
    expect(shortAuthenticationString).toMatch(/^\d{3} \d{3}$/);

    const accepted = acceptEnrollmentGrant(b, grant);
    expect(accepted.spaceId).toBe("family");
    expect(accepted.enroller).toEqual(publicKeysOf(a));
    expect(accepted.shortAuthenticationString).toBe(shortAuthenticationString);
    expect(accepted.keyRing.epochs).toEqual([0, 1]);

    const envelope = sealEnvelope(keyRing.documentKey("inbox"), new TextEncoder().encode("hello B"), { epoch: 1 });
    expect(new TextDecoder().decode(openEnvelope(accepted.keyRing.documentKey("inbox", 1), envelope))).toBe("hello B");
  });

  it("a third device cannot unwrap a grant meant for B", () => {
    const { grant } = createEnrollmentGrant(a, publicKeysOf(b), { spaceId: "family", keyRing });
    const c = generateDeviceIdentity();
    expect(() => acceptEnrollmentGrant(c, grant)).toThrow(/addressed to another device/);
    // Even pretending to be B (B's public keys, C's secret key) does not open the box.
    const impostor = { ...c, ...publicKeysOf(b) };
    expect(() => acceptEnrollmentGrant(impostor, grant)).toThrow(DecryptError);
  });

  it("the relay can verify who enrolled whom without opening the grant", () => {
    const { grant } = createEnrollmentGrant(a, publicKeysOf(b), { spaceId: "family", keyRing });
    expect(verifyEnrollmentGrant(grant)).toEqual({
      spaceId: "family",
      enroller: publicKeysOf(a),
      device: publicKeysOf(b),
    });
    expect(() => verifyEnrollmentGrant(flipByte(grant, 100))).toThrow(SignatureError);
    for (let cut = 0; cut < grant.length; cut += 7)
      expect(() => verifyEnrollmentGrant(grant.subarray(0, cut))).toThrow();
    expect(() => verifyEnrollmentGrant(new Uint8Array([...grant, 0]))).toThrow(/trailing/);
  });

  it("a man in the middle who forges the grant to B shows a different short authentication string", () => {
    const genuine = createEnrollmentGrant(a, publicKeysOf(b), { spaceId: "family", keyRing });
    const mallory = generateDeviceIdentity();
    const forged = createEnrollmentGrant(mallory, publicKeysOf(b), { spaceId: "family", keyRing: KeyRing.create() });
    const onB = acceptEnrollmentGrant(b, forged.grant);
    expect(onB.shortAuthenticationString).not.toBe(genuine.shortAuthenticationString);
    expect(onB.enroller.deviceId).toBe(mallory.deviceId);
  });

  it("keeps a device identity across a save and load", () => {
    const restored = deviceIdentityFromBytes(deviceIdentityToBytes(a));
    expect(publicKeysOf(restored)).toEqual(publicKeysOf(a));
    expect(() => deviceIdentityFromBytes(new Uint8Array(64))).toThrow(InvalidFormatError);
  });
});

describe("sealed box", () => {
  it("opens only with the recipient's key and the same associated data", () => {
    const recipient = generateDeviceIdentity().agreement;
    const aad = new Uint8Array([1, 2]);
    const { box } = sealToPublicKey(recipient.publicKey, new Uint8Array([9, 9, 9]), aad);
    expect(openSealedBox(recipient.secretKey, recipient.publicKey, box, aad).plaintext).toEqual(
      new Uint8Array([9, 9, 9]),
    );
    expect(() => openSealedBox(recipient.secretKey, recipient.publicKey, box, new Uint8Array([1, 3]))).toThrow(
      DecryptError,
    );
    const other = generateDeviceIdentity().agreement;
    expect(() => openSealedBox(other.secretKey, other.publicKey, box, aad)).toThrow(DecryptError);
    expect(() => openSealedBox(recipient.secretKey, recipient.publicKey, box.subarray(0, 40))).toThrow(
      InvalidFormatError,
    );
    // A low-order ephemeral key is refused before any decryption is tried.
    const lowOrder = box.slice();
    lowOrder.fill(0, 1, 33);
    expect(() => openSealedBox(recipient.secretKey, recipient.publicKey, lowOrder, aad)).toThrow(/low-order/);
  });
});

describe("space genesis", () => {
  it("founds a space whose id only the founder could have made", () => {
    const founder = generateDeviceIdentity();
    const { spaceId, genesis } = createSpaceGenesis(founder);
    expect(spaceId).toMatch(/^[0-9a-f]{32}$/);
    expect(verifySpaceGenesis(genesis)).toEqual({ spaceId, founder: publicKeysOf(founder) });
    expect(createSpaceGenesis(founder).spaceId).not.toBe(spaceId);
    for (const at of [0, 5, 40, 70, 100]) expect(() => verifySpaceGenesis(flipByte(genesis, at))).toThrow();
    expect(() => verifySpaceGenesis(genesis.subarray(0, 100))).toThrow(InvalidFormatError);
  });

  it("binds an enrollment grant to its space", () => {
    const a = generateDeviceIdentity();
    const b = generateDeviceIdentity();
    const { grant } = createEnrollmentGrant(a, publicKeysOf(b), { spaceId: "space-1", keyRing: KeyRing.create() });
    expect(verifyEnrollmentGrant(grant).spaceId).toBe("space-1");
    expect(acceptEnrollmentGrant(b, grant).spaceId).toBe("space-1");
  });
});
