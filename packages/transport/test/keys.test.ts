import { describe, expect, it } from "vitest";
import {
  accountId,
  DEFAULT_SCRYPT_PARAMS,
  deriveDocumentKey,
  derivePurposeKey,
  fromRecoveryPhrase,
  generateRootSecret,
  IntegrityError,
  InvalidFormatError,
  InvalidRecoveryPhraseError,
  KeyRing,
  openEnvelope,
  openKeyFile,
  readKeyFileHeader,
  sealEnvelope,
  type TransportError,
  toRecoveryPhrase,
  UnknownEpochError,
  WrongPassphraseError,
  wrapKeyFile,
} from "../src/index";
import { flipByte } from "./helpers/mutate";

const fast = { scrypt: { logN: 10, r: 8, p: 1 } };

async function codeOf(promise: Promise<unknown> | (() => unknown)): Promise<string | undefined> {
  try {
    await (typeof promise === "function" ? promise() : promise);
  } catch (e) {
    return (e as TransportError).code;
  }
  return undefined;
}

describe("recovery phrase", () => {
  it("round-trips a root secret through 24 words", () => {
    for (let i = 0; i < 50; i++) {
      const secret = generateRootSecret();
      const phrase = toRecoveryPhrase(secret);
      expect(phrase.split(" ")).toHaveLength(24);
      expect(fromRecoveryPhrase(phrase)).toEqual(secret);
      expect(fromRecoveryPhrase(`  ${phrase.toUpperCase().replaceAll(" ", "   ")}\n`)).toEqual(secret);
    }
  });

  it("matches the BIP39 reference vector for 32 bytes of 0x7f", () => {
    expect(toRecoveryPhrase(new Uint8Array(32).fill(0x7f))).toBe(
      "legal winner thank year wave sausage worth useful legal winner thank year wave sausage worth useful legal winner thank year wave sausage worth title",
    );
  });

  it("says which part of a wrong phrase is wrong", () => {
    const secret = generateRootSecret();
    const words = toRecoveryPhrase(secret).split(" ");
    expect(() => fromRecoveryPhrase(words.slice(0, 23).join(" "))).toThrow(/24 words; this one has 23/);
    expect(() => fromRecoveryPhrase([...words.slice(0, 5), "hearthx", ...words.slice(6)].join(" "))).toThrow(/Word 6/);
    const swapped = [...words];
    [swapped[0], swapped[1]] = [swapped[1] as string, swapped[0] as string];
    if (swapped[0] !== swapped[1]) {
      // A swap keeps every word valid; the 8-bit checksum catches it unless it happens to collide (1 in 256).
      const outcome = (() => {
        try {
          return fromRecoveryPhrase(swapped.join(" "));
        } catch (e) {
          return e;
        }
      })();
      if (outcome instanceof Uint8Array) expect(outcome).not.toEqual(secret);
      else expect(outcome).toBeInstanceOf(InvalidRecoveryPhraseError);
    }
  });

  it("refuses a valid phrase of another account when the account id is known", () => {
    const mine = generateRootSecret();
    const other = toRecoveryPhrase(generateRootSecret());
    expect(() => fromRecoveryPhrase(other, { expectedAccountId: accountId(mine) })).toThrow(/another account/);
    expect(fromRecoveryPhrase(toRecoveryPhrase(mine), { expectedAccountId: accountId(mine) })).toEqual(mine);
  });
});

describe("key file", () => {
  it("opens with the right passphrase, in any Unicode normalization", async () => {
    const secret = generateRootSecret();
    const file = await wrapKeyFile(secret, "Crème brûlée à 7 heures", fast);
    expect(await openKeyFile(file, "Crème brûlée à 7 heures")).toEqual(secret);
    expect(await openKeyFile(file, "Crème brûlée à 7 heures".normalize("NFD"))).toEqual(secret);
    expect(readKeyFileHeader(file).scrypt).toEqual(fast.scrypt);
  });

  it("uses the documented default cost and reports progress", async () => {
    const progress: number[] = [];
    const file = await wrapKeyFile(generateRootSecret(), "pw", { onProgress: (p) => progress.push(p.loaded) });
    expect(readKeyFileHeader(file).scrypt).toEqual(DEFAULT_SCRYPT_PARAMS);
    expect(progress.length).toBeGreaterThan(1);
    expect(progress.at(-1)).toBe(100);
  });

  it("tells a wrong passphrase from a damaged file, and never returns garbage", async () => {
    const secret = generateRootSecret();
    const file = await wrapKeyFile(secret, "correct horse", fast);
    await expect(openKeyFile(file, "correct horse!")).rejects.toBeInstanceOf(WrongPassphraseError);
    await expect(openKeyFile(file, "")).rejects.toThrow("Wrong passphrase for this key file.");

    await expect(openKeyFile(flipByte(file, file.length - 20), "correct horse")).rejects.toBeInstanceOf(IntegrityError);

    for (const at of [4, 10, 30, 60]) {
      expect(await codeOf(openKeyFile(flipByte(file, at), "correct horse"))).toMatch(/E_INTEGRITY|E_FORMAT/);
    }
    await expect(openKeyFile(file.subarray(0, file.length - 1), "correct horse")).rejects.toThrow(/truncated/);
    await expect(openKeyFile(new Uint8Array([...file, 0]), "correct horse")).rejects.toBeInstanceOf(InvalidFormatError);
    await expect(openKeyFile(new TextEncoder().encode("<html>not a key</html>"), "x")).rejects.toThrow(
      /Not a Hearth key file/,
    );
  });

  it("refuses a header that asks for hostile scrypt costs before deriving anything", async () => {
    await expect(wrapKeyFile(generateRootSecret(), "pw", { scrypt: { logN: 22, r: 32, p: 1 } })).rejects.toThrow(
      /1 GiB/,
    );
    await expect(wrapKeyFile(generateRootSecret(), "pw", { scrypt: { logN: 4, r: 8, p: 1 } })).rejects.toThrow(
      InvalidFormatError,
    );
  });

  it("gives distinct codes for a wrong key, a wrong passphrase and a wrong recovery phrase", async () => {
    const secret = generateRootSecret();
    const file = await wrapKeyFile(secret, "right", fast);
    const envelope = sealEnvelope(derivePurposeKey(secret, "test"), new Uint8Array([1]));
    const codes = [
      await codeOf(() => openEnvelope(derivePurposeKey(generateRootSecret(), "test"), envelope)),
      await codeOf(openKeyFile(file, "wrong")),
      await codeOf(() => fromRecoveryPhrase("abandon ".repeat(24).trim())),
    ];
    expect(codes).toEqual(["E_DECRYPT", "E_PASSPHRASE", "E_PHRASE"]);
  });

  it("never puts a secret or a passphrase into an error message", async () => {
    const secret = generateRootSecret();
    const file = await wrapKeyFile(secret, "hunter2-passphrase", fast);
    const messages: string[] = [];
    for (const attempt of [
      () => openKeyFile(file, "hunter2-passphrasf"),
      // A random phrase ends in "zoo" or still passes its 8-bit checksum with it about once in 128 runs: a phrase
      // whose every word is "zoo" never does.
      () => fromRecoveryPhrase(Array(24).fill("zoo").join(" ")),
      () => openEnvelope(secret, sealEnvelope(generateRootSecret(), new Uint8Array([1]))),
    ]) {
      try {
        await attempt();
      } catch (e) {
        messages.push(`${(e as Error).message} ${String((e as Error).stack)}`);
      }
    }
    expect(messages).toHaveLength(3);
    const hexSecret = Buffer.from(secret).toString("hex");
    for (const m of messages) {
      expect(m).not.toContain("hunter2");
      expect(m).not.toContain("zoo zoo");
      expect(m).not.toContain(hexSecret);
      // No two words of the secret's recovery phrase in a row: single words are common English ("phrase", "wrong",
      // "secret" are in the word list) and may stand in an error's own text.
      const words = toRecoveryPhrase(secret).split(" ");
      for (let i = 0; i + 1 < words.length; i++) expect(m).not.toContain(`${words[i]} ${words[i + 1]}`);
    }
  });
});

describe("derived keys and epochs", () => {
  it("derives independent keys per purpose and per document", () => {
    const root = generateRootSecret();
    const keys = [
      derivePurposeKey(root, "backup"),
      derivePurposeKey(root, "local-storage"),
      deriveDocumentKey(root, "inbox"),
      deriveDocumentKey(root, "tasks"),
    ].map((k) => Buffer.from(k).toString("hex"));
    expect(new Set(keys).size).toBe(4);
    expect(derivePurposeKey(root, "backup")).toEqual(derivePurposeKey(root, "backup"));
    expect(() => derivePurposeKey(root.subarray(0, 16), "backup")).toThrow(/32 bytes/);
  });

  it("rotates to a new epoch while old epochs stay readable", () => {
    const ring = KeyRing.create();
    const old = sealEnvelope(ring.documentKey("inbox"), new Uint8Array([1]), { epoch: ring.currentEpoch });
    expect(ring.rotate()).toBe(1);
    const fresh = sealEnvelope(ring.documentKey("inbox"), new Uint8Array([2]), { epoch: ring.currentEpoch });
    const restored = KeyRing.fromBytes(ring.toBytes());
    expect(restored.epochs).toEqual([0, 1]);
    expect(openEnvelope(restored.documentKey("inbox", 0), old)).toEqual(new Uint8Array([1]));
    expect(openEnvelope(restored.documentKey("inbox", 1), fresh)).toEqual(new Uint8Array([2]));
    expect(ring.documentKey("inbox", 1)).not.toEqual(ring.documentKey("inbox", 0));
    // A device given only the new epoch cannot read the old one.
    expect(() => ring.since(1).documentKey("inbox", 0)).toThrow(UnknownEpochError);
  });

  it("refuses malformed key ring bytes", () => {
    const bytes = KeyRing.create().toBytes();
    expect(() => KeyRing.fromBytes(bytes.subarray(0, 20))).toThrow(InvalidFormatError);
    expect(() => KeyRing.fromBytes(new Uint8Array([9, ...bytes.subarray(1)]))).toThrow(/version 9/);
    expect(() => KeyRing.fromBytes(new Uint8Array([1, 0, 0, 0, 0]))).toThrow(InvalidFormatError);
  });
});
