import { describe, expect, it } from "vitest";
import {
  createRedactor,
  DecryptError,
  decryptTokens,
  type Entity,
  encryptOperator,
  hashOperator,
  InvalidArgumentError,
  InvalidVaultError,
  maskOperator,
  redact,
  restore,
  Vault,
} from "../src/index";

const redactor = createRedactor();

function entity(text: string, value: string, type = "PERSON"): Entity {
  const start = text.indexOf(value);
  return { start, end: start + value.length, type, score: 1, text: value, recognizer: "test" };
}

describe("vault", () => {
  it("gives the same value the same placeholder on every turn, and never restarts counters", () => {
    const vault = new Vault();
    const a = redactor.redact("Hi, I'm Anna Schmidt. Call Tom Becker at +49 30 1234567.", vault).text;
    const b = redactor.redact("ANNA SCHMIDT and a new person, Maria Lopez, write from +49 30 1234567.", vault).text;
    expect(a).toBe("Hi, I'm [PERSON_1]. Call [PERSON_2] at [PHONE_1].");
    expect(b).toBe("[PERSON_1] and a new person, [PERSON_3], write from [PHONE_1].");
  });

  it("survives a JSON round trip and keeps counting after it", () => {
    const vault = new Vault();
    vault.placeholderFor("PERSON", "Anna");
    vault.placeholderFor("EMAIL", "a@b.org");
    const copy = Vault.parse(JSON.stringify(vault));
    expect(copy.placeholderFor("PERSON", "anna")).toBe("[PERSON_1]");
    expect(copy.placeholderFor("PERSON", "Ben")).toBe("[PERSON_2]");
    expect(copy.valueOf("EMAIL_1")).toBe("a@b.org");
  });

  it("refuses damaged or unknown vaults with a typed error", () => {
    expect(() => Vault.parse("{")).toThrow(InvalidVaultError);
    expect(() => Vault.fromJSON({ version: 2, entries: [] })).toThrow(InvalidVaultError);
    expect(() => Vault.fromJSON({ version: 1, entries: [{ type: "PERSON", value: "A", key: "EMAIL_1" }] })).toThrow(
      InvalidVaultError,
    );
    expect(() =>
      Vault.fromJSON({
        version: 1,
        entries: [
          { type: "PERSON", value: "A", key: "PERSON_1" },
          { type: "PERSON", value: "B", key: "PERSON_1" },
        ],
      }),
    ).toThrow(InvalidVaultError);
    expect(() => new Vault().placeholderFor("bad type", "x")).toThrow(InvalidArgumentError);
  });
});

describe("restore", () => {
  const vault = new Vault();
  vault.placeholderFor("PERSON", "Anna Schmidt");
  vault.placeholderFor("CREDIT_CARD", "4111 1111 1111 1111");
  vault.placeholderFor("PERSON", "Tom");

  it("accepts the small changes models make", () => {
    for (const form of [
      "[PERSON_1]",
      "[Person_1]",
      "[PERSON 1]",
      "[person-1]",
      "PERSON_1",
      "[ PERSON_1 ]",
      "[PERSON1]",
    ]) {
      expect(restore(`Dear ${form},`, vault)).toBe("Dear Anna Schmidt,");
    }
    expect(restore("card [Credit Card_1]", vault)).toBe("card 4111 1111 1111 1111");
  });

  it("leaves unknown placeholders and look-alikes visible", () => {
    expect(restore("[PERSON_9] met [EMAIL_1] and XPERSON_1 and PERSON_12", vault)).toBe(
      "[PERSON_9] met [EMAIL_1] and XPERSON_1 and PERSON_12",
    );
    expect(restore("[PERSON_2] and [PERSON_1]", vault)).toBe("Tom and Anna Schmidt");
  });

  it("sees types added to the vault after an earlier restore", () => {
    const v = new Vault();
    v.placeholderFor("PERSON", "Anna");
    const answer = "[PERSON_1] wrote to [EMAIL_1]. ".repeat(70);
    expect(restore(answer, v)).toBe("Anna wrote to [EMAIL_1]. ".repeat(70));
    expect(restore(answer, v)).toBe("Anna wrote to [EMAIL_1]. ".repeat(70));
    v.placeholderFor("EMAIL", "anna@example.org");
    expect(restore(answer, v)).toBe("Anna wrote to anna@example.org. ".repeat(70));
  });

  it("treats regex characters in values literally", () => {
    const v = new Vault();
    v.placeholderFor("SECRET", "$&$1\\(x)[y]");
    expect(restore("pw [SECRET_1]", v)).toBe("pw $&$1\\(x)[y]");
  });
});

describe("operators", () => {
  const text = "Anna paid with 4111 1111 1111 1111.";
  const entities = [entity(text, "Anna"), entity(text, "4111 1111 1111 1111", "CREDIT_CARD")];

  it("masks, keeping the last characters when asked", () => {
    expect(redact(text, entities, maskOperator({ keepLast: 4 })).text).toBe("Anna paid with ***************1111.");
    expect(redact(text, [entities[0]!], maskOperator()).text).toBe("**** paid with 4111 1111 1111 1111.");
    expect(() => maskOperator({ char: "ab" })).toThrow(InvalidArgumentError);
  });

  it("hashes with a key: stable, and different under another key", () => {
    const key = new Uint8Array(32).fill(7);
    const a = redact(text, entities, hashOperator(key)).text;
    expect(a).toMatch(/^\[PERSON:[0-9a-f]{16}\] paid with \[CREDIT_CARD:[0-9a-f]{16}\]\.$/);
    expect(redact(text, entities, hashOperator(key)).text).toBe(a);
    expect(redact(text, entities, hashOperator(new Uint8Array(32).fill(8))).text).not.toBe(a);
  });

  it("encrypts deterministically and decrypts with the key, refusing tampering", () => {
    const key = new Uint8Array(32).fill(1);
    const sealed = redact(text, entities, encryptOperator(key)).text;
    expect(sealed).not.toContain("Anna");
    expect(redact(text, entities, encryptOperator(key)).text).toBe(sealed);
    expect(decryptTokens(sealed, key)).toBe(text);
    expect(() => decryptTokens(sealed, new Uint8Array(32).fill(2))).toThrow(DecryptError);
    const tampered = sealed.replace(/\[ENC:PERSON:(.)/, (_m, c: string) => `[ENC:PERSON:${c === "A" ? "B" : "A"}`);
    expect(() => decryptTokens(tampered, key)).toThrow(DecryptError);
    expect(() => decryptTokens(sealed.replace("ENC:PERSON", "ENC:EMAIL"), key)).toThrow(DecryptError);
    expect(() => encryptOperator(new Uint8Array(16))).toThrow(InvalidArgumentError);
  });
});
