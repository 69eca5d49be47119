import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isOpenPlaceholder, restore, restoreStream, Vault } from "../src/index";

const vault = new Vault();
vault.placeholderFor("PERSON", "Zoë Ångström 👩‍🔬");
vault.placeholderFor("PERSON", "Tom");
vault.placeholderFor("CREDIT_CARD", "4111 1111 1111 1111");
vault.placeholderFor("EMAIL", "zoe@example.org");
for (let i = 0; i < 11; i++) vault.placeholderFor("PERSON", `Person ${i}`);

async function collect(chunks: (string | Uint8Array)[]): Promise<string[]> {
  const out: string[] = [];
  for await (const piece of restoreStream(chunks, vault)) out.push(piece);
  return out;
}

/** Cuts `text` at the given fractions. */
function split<T extends string | Uint8Array>(text: T, cuts: number[]): T[] {
  const points = [...new Set(cuts.map((c) => Math.floor(c * text.length)))].sort((a, b) => a - b);
  const out: T[] = [];
  let at = 0;
  for (const p of points) {
    out.push(text.slice(at, p) as T);
    at = p;
  }
  out.push(text.slice(at) as T);
  return out;
}

const pieces = fc.constantFrom(
  "[PERSON_1]",
  "[Person_2]",
  "[PERSON 13]",
  "PERSON_2",
  "[CREDIT CARD_1]",
  "[credit_card_1]",
  "[EMAIL_1]",
  "[EMAIL_7]",
  "[PERSON_99]",
  "[PER",
  "[",
  "]",
  "PERSON",
  "_1",
  " ",
  "é",
  "😀",
  "👩‍🔬",
  "ordinary words, ",
  "\n",
  "[[PERSON_1]]",
  "x[PERSON_1",
);
const texts = fc.array(fc.oneof(pieces, fc.string({ maxLength: 6 })), { maxLength: 25 }).map((p) => p.join(""));
const cuts = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 12 });

describe("restoreStream", () => {
  it("equals restore() of the whole text however string chunks are cut", async () => {
    await fc.assert(
      fc.asyncProperty(texts, cuts, async (text, at) => {
        expect((await collect(split(text, at))).join("")).toBe(restore(text, vault));
      }),
      { numRuns: 400 },
    );
  });

  it("equals restore() when UTF-8 bytes are cut inside characters", async () => {
    const encoder = new TextEncoder();
    await fc.assert(
      fc.asyncProperty(texts, cuts, async (text, at) => {
        expect((await collect(split(encoder.encode(text), at))).join("")).toBe(restore(text, vault));
      }),
      { numRuns: 400 },
    );
  });

  it("keeps what came before a chunk as context: a bare placeholder right after a letter or digit stays", async () => {
    // Found by the properties above: the chunk "PERSON_2" was restored as if nothing came before it.
    expect(await collect(["0", "PERSON_2"])).toEqual(["0", "PERSON_2"]);
    expect((await collect(["_1", "PERSON_2     "])).join("")).toBe("_1PERSON_2     ");
    expect((await collect(["é", "PERSON_2 ok"])).join("")).toBe("éPERSON_2 ok");
    expect((await collect(["😀", "PERSON_2 ok"])).join("")).toBe("😀Tom ok");
    expect((await collect([new TextEncoder().encode("x"), new TextEncoder().encode("PERSON_2")])).join("")).toBe(
      "xPERSON_2",
    );
  });

  it("never emits half a placeholder, even one character at a time", async () => {
    const text = "Dear [PERSON_1], your card [CREDIT_CARD_1] and [PERSON_13] are noted. PERSON_2 agrees.";
    const out = await collect([...text]);
    for (const piece of out) expect(piece).not.toMatch(/\[(?!\s*$)[A-Z_ ]*\d*$|^[A-Z_]*\d*\]/);
    expect(out.join("")).toBe(
      "Dear Zoë Ångström 👩‍🔬, your card 4111 1111 1111 1111 and Person 10 are noted. Tom agrees.",
    );
    // Text that cannot start a placeholder is not held back.
    expect(out.length).toBeGreaterThan(20);
  });

  it("knows what may still grow into a placeholder", () => {
    const types = vault.types;
    for (const open of [
      "[",
      "[P",
      "[Pers",
      "[PERSON",
      "[PERSON_",
      "[PERSON_1",
      "[person 1 ",
      "PERSON_1",
      "CREDIT_",
      "[Credit Card",
    ])
      expect(isOpenPlaceholder(open, types)).toBe(true);
    for (const closed of ["[PERSON_1]", "[X", "Person_1", "PERSON 1", "[PERSON_1x", "hello"])
      expect(isOpenPlaceholder(closed, types)).toBe(false);
  });
});
