// Cacophony vectors (test/fixtures, MIT, see noise-cacophony-LICENSE-MIT) replayed byte for byte through the Noise
// engine, plus the guards of HandshakeState and CipherState that the vectors do not exercise.
import { chacha20poly1305 } from "@noble/ciphers/chacha.js";
import { describe, expect, it } from "vitest";
import { ChannelError } from "../src/errors/channel-error";
import { DecryptError } from "../src/errors/decrypt-error";
import { HandshakeError } from "../src/errors/handshake-error";
import { InvalidKeyError } from "../src/errors/invalid-key-error";
import { CipherState } from "../src/noise/cipher-state";
import { handshakePattern } from "../src/noise/handshake-patterns";
import { HandshakeState, type TransportCiphers } from "../src/noise/handshake-state";
import { NOISE_SUITE, parseNoiseProtocolName } from "../src/noise/protocol-name";
import { generateX25519KeyPair, x25519PublicKey } from "../src/primitives/x25519";
import { type CacophonyVector, hex, loadCacophonyVectors } from "./helpers/noise-vectors";

const EMPTY = new Uint8Array(0);

function keyPair(secretHex: string | undefined) {
  if (secretHex === undefined) return undefined;
  const secretKey = hex(secretHex);
  return { secretKey, publicKey: x25519PublicKey(secretKey) };
}

function parties(vector: CacophonyVector): [HandshakeState, HandshakeState] {
  const initiator = new HandshakeState({
    role: "initiator",
    pattern: vector.protocol_name,
    prologue: hex(vector.init_prologue),
    staticKeyPair: keyPair(vector.init_static),
    remoteStaticPublicKey: vector.init_remote_static === undefined ? undefined : hex(vector.init_remote_static),
    psks: (vector.init_psks ?? []).map(hex),
    testOnlyEphemeralSecretKey: hex(vector.init_ephemeral),
  });
  const responder = new HandshakeState({
    role: "responder",
    pattern: vector.protocol_name,
    prologue: hex(vector.resp_prologue),
    staticKeyPair: keyPair(vector.resp_static),
    remoteStaticPublicKey: vector.resp_remote_static === undefined ? undefined : hex(vector.resp_remote_static),
    psks: (vector.resp_psks ?? []).map(hex),
    testOnlyEphemeralSecretKey: vector.resp_ephemeral === undefined ? undefined : hex(vector.resp_ephemeral),
  });
  return [initiator, responder];
}

function supports(protocolName: string): boolean {
  try {
    parseNoiseProtocolName(protocolName);
    return true;
  } catch {
    return false;
  }
}

const suiteVectors = loadCacophonyVectors().filter((v) => v.protocol_name.endsWith(`_${NOISE_SUITE}`));
const supported = suiteVectors.filter((v) => supports(v.protocol_name));
const patternOf = (v: CacophonyVector) => v.protocol_name.slice("Noise_".length, -NOISE_SUITE.length - 1);

describe("cacophony vectors, Noise_*_25519_ChaChaPoly_SHA256", () => {
  it("runs at least one vector for XX and IK, and reports which patterns ran", () => {
    const ran = supported.map(patternOf);
    expect(ran.filter((p) => p === "XX").length).toBeGreaterThan(0);
    expect(ran.filter((p) => p === "IK").length).toBeGreaterThan(0);
    // Every fundamental and one-way pattern plus every psk variant in the file; only deferred patterns (NK1...) skip.
    expect([...new Set(ran)].sort()).toEqual(
      [
        ...["N", "K", "X", "NN", "NK", "NX", "XN", "XK", "XX", "KN", "KK", "KX", "IN", "IK", "IX"],
        ...["Npsk0", "Kpsk0", "Xpsk1", "NNpsk0", "NNpsk2", "NKpsk0", "NKpsk2", "NXpsk2", "XNpsk3", "XKpsk3"],
        ...["XXpsk3", "KNpsk0", "KNpsk2", "KKpsk0", "KKpsk2", "KXpsk2", "INpsk1", "INpsk2", "IKpsk1", "IKpsk2"],
        "IXpsk2",
      ].sort(),
    );
    const skipped = suiteVectors.filter((v) => !supports(v.protocol_name)).map(patternOf);
    for (const p of skipped) expect(p).toMatch(/^[NKXI]1?[NKX]1?$/);
    console.info(`cacophony: ran ${ran.length} vectors: ${[...new Set(ran)].join(" ")}`);
  });

  it.each(supported.map((v) => [v.protocol_name, v] as const))("%s", (_name, vector) => {
    const [initiator, responder] = parties(vector);
    const oneWay = handshakePattern(patternOf(vector)).oneWay;
    let ciphers: { initiator: TransportCiphers; responder: TransportCiphers } | undefined;
    vector.messages.forEach((message, index) => {
      const payload = hex(message.payload);
      const expected = hex(message.ciphertext);
      const fromInitiator = oneWay || index % 2 === 0;
      const [sender, receiver] = fromInitiator ? [initiator, responder] : [responder, initiator];
      if (!sender.isComplete) {
        expect(sender.writeMessage(payload), `message ${index}`).toEqual(expected);
        expect(receiver.readMessage(expected), `message ${index}`).toEqual(payload);
        return;
      }
      ciphers ??= { initiator: initiator.split(), responder: responder.split() };
      const [out, into] = fromInitiator
        ? [ciphers.initiator.send, ciphers.responder.receive]
        : [ciphers.responder.send, ciphers.initiator.receive];
      expect(out.encryptWithAd(EMPTY, payload), `message ${index}`).toEqual(expected);
      expect(into.decryptWithAd(EMPTY, expected), `message ${index}`).toEqual(payload);
    });
    expect(initiator.isComplete && responder.isComplete).toBe(true);
    expect(ciphers, "the vector has transport messages").toBeDefined();
    expect(initiator.handshakeHash).toEqual(hex(vector.handshake_hash));
    expect(responder.handshakeHash).toEqual(hex(vector.handshake_hash));
  });
});

describe("HandshakeState guards", () => {
  const alice = generateX25519KeyPair();
  const bob = generateX25519KeyPair();
  const xx = () =>
    [
      new HandshakeState({ role: "initiator", pattern: "XX", staticKeyPair: alice }),
      new HandshakeState({ role: "responder", pattern: "XX", staticKeyPair: bob }),
    ] as const;

  it("completes XX with mutual authentication and matching hashes", () => {
    const [i, r] = xx();
    r.readMessage(i.writeMessage());
    i.readMessage(r.writeMessage());
    expect(i.remoteStaticPublicKey).toEqual(bob.publicKey);
    r.readMessage(i.writeMessage());
    expect(r.remoteStaticPublicKey).toEqual(alice.publicKey);
    expect(i.handshakeHash).toEqual(r.handshakeHash);
    const [ic, rc] = [i.split(), r.split()];
    expect(rc.receive.decryptWithAd(EMPTY, ic.send.encryptWithAd(EMPTY, Uint8Array.of(7)))).toEqual(Uint8Array.of(7));
    expect(() => i.split()).toThrow(HandshakeError);
  });

  it("rejects out-of-turn calls without breaking the handshake", () => {
    const [i, r] = xx();
    expect(() => r.writeMessage()).toThrow(HandshakeError);
    expect(() => i.readMessage(new Uint8Array(32))).toThrow(/Out of turn/);
    r.readMessage(i.writeMessage());
    expect(() => i.writeMessage()).toThrow(HandshakeError);
    expect(() => i.split()).toThrow(HandshakeError);
    expect(() => i.handshakeHash).toThrow(HandshakeError);
  });

  it("rejects short, oversized and tampered messages, and stays failed afterwards", () => {
    const [i1, r1] = xx();
    expect(() => r1.readMessage(i1.writeMessage().subarray(0, 31))).toThrow(/too short/);
    expect(() => r1.readMessage(new Uint8Array(32))).toThrow(/already failed/);

    const [, r2] = xx();
    expect(() => r2.readMessage(new Uint8Array(65_536))).toThrow(/at most 65535/);

    const [i3, r3] = xx();
    expect(() => i3.writeMessage(new Uint8Array(65_535 - 32 + 1))).toThrow(HandshakeError);
    r3.readMessage(i3.writeMessage(new Uint8Array(65_535 - 32)));
    const message2 = r3.writeMessage();
    message2[40] = (message2[40] ?? 0) ^ 1;
    const error = (() => {
      try {
        i3.readMessage(message2);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(HandshakeError);
    expect((error as HandshakeError).code).toBe("E_HANDSHAKE");
    expect((error as HandshakeError).cause).toBeInstanceOf(DecryptError);

    const [i4, r4] = xx();
    r4.readMessage(i4.writeMessage());
    expect(() => i4.readMessage(r4.writeMessage().subarray(0, 32 + 48 + 15))).toThrow(/too short/);
  });

  it("fails IK when the initiator has the wrong responder key, and checks its options", () => {
    const i = new HandshakeState({
      role: "initiator",
      pattern: "IK",
      staticKeyPair: alice,
      remoteStaticPublicKey: generateX25519KeyPair().publicKey,
    });
    const r = new HandshakeState({ role: "responder", pattern: "IK", staticKeyPair: bob });
    expect(() => r.readMessage(i.writeMessage())).toThrow(HandshakeError);
    expect(() => new HandshakeState({ role: "initiator", pattern: "IK", staticKeyPair: alice })).toThrow(
      /remote static public key/,
    );
    expect(() => new HandshakeState({ role: "initiator", pattern: "XX" })).toThrow(/static key pair/);
    expect(
      () =>
        new HandshakeState({ role: "initiator", pattern: "XX", staticKeyPair: { ...alice, publicKey: bob.publicKey } }),
    ).toThrow(InvalidKeyError);
    expect(() => new HandshakeState({ role: "initiator", pattern: "NNpsk0" })).toThrow(/pre-shared keys/);
    expect(() => new HandshakeState({ role: "initiator", pattern: "Noise_XX_448_AESGCM_BLAKE2b" })).toThrow(
      HandshakeError,
    );
    expect(() => handshakePattern("ZZ")).toThrow(HandshakeError);
    expect(() => handshakePattern("NNpsk3")).toThrow(HandshakeError);
  });

  it("rejects a low-order ephemeral key from the peer", () => {
    const r = new HandshakeState({ role: "responder", pattern: "NN" });
    r.readMessage(new Uint8Array(32));
    expect(() => r.writeMessage()).toThrow(HandshakeError);
  });
});

describe("CipherState", () => {
  const key = new Uint8Array(32).fill(9);

  it("uses 4 zero bytes and a little-endian 64-bit counter as the ChaChaPoly nonce", () => {
    const cipher = new CipherState(key);
    cipher.setNonce(0x0102030405060708n);
    const nonce = Uint8Array.of(0, 0, 0, 0, 8, 7, 6, 5, 4, 3, 2, 1);
    expect(cipher.encryptWithAd(EMPTY, Uint8Array.of(1))).toEqual(
      chacha20poly1305(key, nonce, EMPTY).encrypt(Uint8Array.of(1)),
    );
  });

  it("rekeys to the first 32 bytes of ENCRYPT(k, 2^64-1, empty, zeros) and keeps the counter", () => {
    const cipher = new CipherState(key);
    cipher.encryptWithAd(EMPTY, EMPTY);
    cipher.rekey();
    const maxNonce = new Uint8Array(12).fill(0xff, 4);
    const rekeyed = chacha20poly1305(key, maxNonce, EMPTY).encrypt(new Uint8Array(32)).slice(0, 32);
    expect(cipher.nonce).toBe(1n);
    const reference = new CipherState(rekeyed);
    reference.setNonce(1n);
    expect(cipher.encryptWithAd(EMPTY, Uint8Array.of(5))).toEqual(reference.encryptWithAd(EMPTY, Uint8Array.of(5)));
  });

  it("refuses nonce 2^64-1 and keeps the counter when decryption fails", () => {
    const sender = new CipherState(key);
    sender.setNonce(0xffff_ffff_ffff_fffen);
    sender.encryptWithAd(EMPTY, EMPTY);
    expect(() => sender.encryptWithAd(EMPTY, EMPTY)).toThrow(ChannelError);

    const a = new CipherState(key);
    const b = new CipherState(key);
    const sealed = a.encryptWithAd(EMPTY, Uint8Array.of(1, 2, 3));
    const forged = sealed.slice();
    forged[0] = (forged[0] ?? 0) ^ 1;
    expect(() => b.decryptWithAd(EMPTY, forged)).toThrow(DecryptError);
    expect(() => b.decryptWithAd(EMPTY, sealed.subarray(0, 15))).toThrow(DecryptError);
    expect(b.nonce).toBe(0n);
    expect(b.decryptWithAd(EMPTY, sealed)).toEqual(Uint8Array.of(1, 2, 3));
    b.destroy();
    expect(() => b.decryptWithAd(EMPTY, sealed)).toThrow(ChannelError);
  });
});
