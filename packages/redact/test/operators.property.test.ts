// Properties of the reversible operators over random texts and random disjoint spans: what redact takes out,
// restore (replace) and decryptTokens (encrypt) put back exactly, whatever the values hold (brackets, regex
// characters, text that looks like a placeholder, any Unicode), and a vault that went through JSON behaves as the
// vault it came from.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  DecryptError,
  decryptTokens,
  type Entity,
  encryptOperator,
  hashOperator,
  maskOperator,
  normalizeValue,
  redact,
  replaceOperator,
  restore,
  Vault,
} from "../src/index";

const TYPES = ["PERSON", "EMAIL", "PHONE", "IBAN", "LOCATION", "CUSTOM_ID"] as const;

// Filler between spans never looks like a placeholder itself: a bare `PERSON_1` the user wrote would be read as one
// (restore accepts bare keys), which is the documented trade-off, not what these properties are about.
const filler = fc
  .array(fc.constantFrom(" ", ", ", ".\n", "and ", "é", "日本", "🙂", "(", ")", "$", "x", "Q"), { maxLength: 6 })
  .map((p) => p.join(""));
const value = fc.oneof(
  fc.string({ minLength: 1, maxLength: 12, unit: "grapheme" }),
  fc.constantFrom("[PERSON_2]", "PERSON_1", "$&", "$1", "\\d+", "[ENC:PERSON:AAAAAAAA]", "a\u0000b", "Ω", "x]"),
);
const piece = fc.record({ before: filler, value, type: fc.constantFrom(...TYPES) });

interface Built {
  readonly text: string;
  readonly entities: Entity[];
}

function build(pieces: readonly { before: string; value: string; type: string }[], tail: string): Built {
  let text = "";
  const entities: Entity[] = [];
  for (const p of pieces) {
    text += p.before;
    entities.push({
      start: text.length,
      end: text.length + p.value.length,
      type: p.type,
      score: 1,
      text: p.value,
      recognizer: "prop",
    });
    text += p.value;
  }
  return { text: text + tail, entities };
}

/** The text with every span replaced by the value its placeholder stands for (the first spelling seen). */
function expectedRestore(b: Built, vault: Vault): string {
  let out = "";
  let at = 0;
  for (const e of b.entities) {
    out += b.text.slice(at, e.start) + vault.valueOf(vault.keyFor(e.type, e.text))!;
    at = e.end;
  }
  return out + b.text.slice(at);
}

const texts = fc.tuple(fc.array(piece, { maxLength: 8 }), filler).map(([p, t]) => build(p, t));

describe("operators and vault, on random spans", () => {
  it("restore(redact(text)) gives the text back, values inserted literally", () => {
    fc.assert(
      fc.property(texts, ({ text, entities }) => {
        const vault = new Vault();
        const out = redact(text, entities, replaceOperator(vault));
        expect(out.entities).toHaveLength(entities.length);
        expect(restore(out.text, vault)).toBe(expectedRestore({ text, entities }, vault));
      }),
      { numRuns: 2000 },
    );
  });

  it("gives one placeholder per normalized value and type, and different ones otherwise", () => {
    fc.assert(
      fc.property(texts, ({ entities }) => {
        const vault = new Vault();
        const op = replaceOperator(vault);
        const byKey = new Map<string, string>();
        for (const e of entities) {
          const placeholder = op.apply(e);
          const id = `${e.type}\u0000${normalizeValue(e.type, e.text)}`;
          const seen = byKey.get(placeholder);
          if (seen !== undefined) expect(seen).toBe(id);
          byKey.set(placeholder, id);
          expect(placeholder.startsWith(`[${e.type}_`)).toBe(true);
        }
        expect(new Set(byKey.values()).size).toBe(byKey.size);
      }),
      { numRuns: 1000 },
    );
  });

  it("a vault read back from JSON hands out the same placeholders and keeps counting", () => {
    fc.assert(
      fc.property(texts, texts, (first, second) => {
        const vault = new Vault();
        redact(first.text, first.entities, replaceOperator(vault));
        const copy = Vault.parse(JSON.stringify(vault));
        expect(copy.entries()).toEqual(vault.entries());
        const a = redact(second.text, second.entities, replaceOperator(vault)).text;
        const b = redact(second.text, second.entities, replaceOperator(copy)).text;
        expect(b).toBe(a);
        expect(restore(b, copy)).toBe(restore(a, vault));
      }),
      { numRuns: 500 },
    );
  });

  it("decryptTokens(encrypt(text)) gives the text back; any changed token is refused or unchanged in meaning", () => {
    const key = new Uint8Array(32).map((_, i) => i * 7 + 1);
    fc.assert(
      fc.property(texts, fc.nat(), ({ text, entities }, pick) => {
        // Values that are themselves encrypted-token look-alikes would be decrypted by the reader: not this property.
        fc.pre(!/\[ENC:/.test(text));
        const sealed = redact(text, entities, encryptOperator(key)).text;
        expect(decryptTokens(sealed, key)).toBe(text);
        const tokens = [...sealed.matchAll(/\[ENC:[A-Z_]+:([A-Za-z0-9_-]+)\]/g)];
        if (tokens.length === 0) return;
        const t = tokens[pick % tokens.length]!;
        const at = t.index! + t[0].length - 2 - (pick % t[1]!.length);
        const swapped = sealed[at] === "A" ? "B" : "A";
        const tampered = sealed.slice(0, at) + swapped + sealed.slice(at + 1);
        // Flipping one base64url character either breaks the authentication tag (refused) or only touches the
        // unused low bits of the last character (same bytes, same plaintext): never another plaintext.
        let opened: string | undefined;
        try {
          opened = decryptTokens(tampered, key);
        } catch (e) {
          expect(e).toBeInstanceOf(DecryptError);
        }
        if (opened !== undefined) expect(opened).toBe(text);
      }),
      { numRuns: 500 },
    );
  });

  it("hash tokens are stable per value and type, and the mask keeps length and the last characters", () => {
    const hash = hashOperator(new Uint8Array(32).fill(9));
    fc.assert(
      fc.property(value, fc.constantFrom(...TYPES), fc.nat(5), (v, type, keepLast) => {
        const e: Entity = { start: 0, end: v.length, type, score: 1, text: v, recognizer: "prop" };
        expect(hash.apply(e)).toBe(hash.apply({ ...e }));
        const other = type === "PERSON" ? "EMAIL" : "PERSON";
        expect(hash.apply({ ...e, type: other })).not.toBe(hash.apply(e));
        const masked = maskOperator({ keepLast }).apply(e);
        const chars = [...v];
        expect([...masked]).toHaveLength(chars.length);
        const kept = Math.min(keepLast, chars.length);
        expect(masked.endsWith(chars.slice(chars.length - kept).join(""))).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});
