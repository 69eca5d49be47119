import { createRedactor, PATTERN_RECOGNIZERS, type Redactor, Vault } from "@hearth/redact";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { RedactAnonymizer } from "../src/anonymizer/redact-anonymizer";
import type { RestoreOptions } from "../src/spec/anonymizer";
import { contactsRecognizer } from "./helpers/contacts-recognizer";
import { loadCorpus } from "./helpers/corpus";

const anonymizer = new RedactAnonymizer();
const vault = anonymizer.vault("c");
vault.placeholderFor("PERSON", "Zoë Ångström 👩‍🔬");
vault.placeholderFor("PERSON", "Tom");
vault.placeholderFor("CREDIT_CARD", "4111 1111 1111 1111");
vault.placeholderFor("EMAIL", "zoe@example.org");
for (let i = 0; i < 11; i++) vault.placeholderFor("PERSON", `Person ${i}`);

const asJson: RestoreOptions = { encode: (value) => JSON.stringify(value).slice(1, -1) };

function streamed(deltas: string[], options: RestoreOptions = {}): string {
  const restorer = anonymizer.restorer("c", options);
  return deltas.map((d) => restorer.push(d)).join("") + restorer.flush();
}

/** Cuts `text` at the given fractions. */
function split(text: string, cuts: number[]): string[] {
  const points = [...new Set(cuts.map((c) => Math.floor(c * text.length)))].sort((a, b) => a - b);
  const out: string[] = [];
  let at = 0;
  for (const p of points) {
    out.push(text.slice(at, p));
    at = p;
  }
  out.push(text.slice(at));
  return out;
}

const pieces = fc.constantFrom(
  "[PERSON_1]",
  "[Person_2]",
  "[PERSON 13]",
  "PERSON_2",
  "[CREDIT CARD_1]",
  "[EMAIL_1]",
  "[PERSON_99]",
  "[PER",
  "[",
  "]",
  "PERSON",
  "_1",
  " ",
  "0",
  "é",
  "😀",
  "ordinary words, ",
  "\n",
  "x[PERSON_1",
);
const texts = fc.array(fc.oneof(pieces, fc.string({ maxLength: 6 })), { maxLength: 25 }).map((p) => p.join(""));
const cuts = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 12 });

describe("RedactAnonymizer.restorer", () => {
  it("equals restore() of the whole text however the deltas are cut (property)", () => {
    fc.assert(
      fc.property(texts, cuts, fc.boolean(), (text, at, json) => {
        const options = json ? asJson : {};
        expect(streamed(split(text, at), options)).toBe(anonymizer.restore(text, "c", options));
      }),
      { numRuns: 400 },
    );
  });

  it("keeps what came before a delta as context: a bare placeholder right after a letter or digit stays", () => {
    // Found by the property above: the delta "PERSON_2" was restored as if nothing came before it.
    expect(streamed(["0", "PERSON_2"])).toBe("0PERSON_2");
    expect(streamed(["Tom", "PERSON_2", " and PERSON_2"])).toBe("TomPERSON_2 and Tom");
    expect(streamed(["é", "PERSON_1"], asJson)).toBe("éPERSON_1");
    expect(streamed(["1 ", "PERSON_1"], asJson)).toBe("1 Zoë Ångström 👩‍🔬");
  });
});

/** A redactor that records every text it analyzes. */
function countingRedactor(): { redactor: Redactor; analyzed: string[] } {
  const base = createRedactor({
    recognizers: [...PATTERN_RECOGNIZERS, contactsRecognizer(["Sofia Rossi", "Lukas Müller"])],
  });
  const analyzed: string[] = [];
  return {
    analyzed,
    redactor: {
      ...base,
      redact: (text, vault, options) => {
        analyzed.push(text);
        return base.redact(text, vault, options);
      },
    },
  };
}

describe("RedactAnonymizer's memory of texts", () => {
  const first = "Email Sofia Rossi at sofia.rossi@example.com about the move.";
  const second = "Also tell Lukas Müller (+44 20 7946 0958) that Sofia Rossi will call.";

  it("analyzes a text once per conversation, and gives the answer a new analysis would give", async () => {
    const { redactor, analyzed } = countingRedactor();
    const remembering = new RedactAnonymizer({ redactor });
    const fresh = new RedactAnonymizer({ redactor: countingRedactor().redactor, rememberTexts: 0 });
    for (const text of [first, second, first, second, first]) {
      expect(await remembering.anonymize(text, "c")).toEqual(await fresh.anonymize(text, "c"));
    }
    expect(analyzed).toEqual([first, second]);
    // Another conversation has its own vault, so its own memory.
    expect((await remembering.anonymize(second, "d")).text).toBe(
      "Also tell [PERSON_1] ([PHONE_1]) that [PERSON_2] will call.",
    );
    expect(analyzed).toEqual([first, second, second]);
  });

  it("matches a new analysis over any sequence of texts, repeats included (property)", async () => {
    const corpus = loadCorpus().map((p) => p.text);
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.nat({ max: corpus.length - 1 }), { minLength: 1, maxLength: 12 }),
        fc.nat({ max: 4 }),
        async (picks, cap) => {
          const remembering = new RedactAnonymizer({ redactor: countingRedactor().redactor, rememberTexts: cap });
          const fresh = new RedactAnonymizer({ redactor: countingRedactor().redactor, rememberTexts: 0 });
          // Repeats are likely: the second half replays the first.
          for (const k of [...picks, ...picks.slice(0, picks.length >> 1)]) {
            const text = corpus[k] ?? "";
            expect(await remembering.anonymize(text, "c")).toEqual(await fresh.anonymize(text, "c"));
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  it("keeps at most rememberTexts texts, dropping the least recently used", async () => {
    const { redactor, analyzed } = countingRedactor();
    const a = new RedactAnonymizer({ redactor, rememberTexts: 2 });
    for (const text of [first, second, first, "A third text.", first, second]) await a.anonymize(text, "c");
    // `second` was the least recently used when the third text came, so it was analyzed again; `first` never was.
    expect(analyzed).toEqual([first, second, "A third text.", second]);
  });

  it("analyzes again after forgetTexts, forget, or a vault replaced in the store", async () => {
    const { redactor, analyzed } = countingRedactor();
    const vaults = new Map<string, Vault>();
    const a = new RedactAnonymizer({ redactor, vaults });
    await a.anonymize(first, "c");
    await a.anonymize(first, "c");
    a.forgetTexts("c");
    await a.anonymize(first, "c");
    a.forgetTexts();
    await a.anonymize(first, "c");
    expect(analyzed).toHaveLength(3);
    a.forget("c");
    expect((await a.anonymize(second, "c")).text).toBe("Also tell [PERSON_1] ([PHONE_1]) that [PERSON_2] will call.");
    vaults.set("c", new Vault());
    expect((await a.anonymize(first, "c")).text).toBe("Email [PERSON_1] at [EMAIL_1] about the move.");
    expect(analyzed).toHaveLength(5);
    expect(a.restore("[PERSON_1]", "c")).toBe("Sofia Rossi");
  });

  it("refuses a negative or fractional rememberTexts with E_ARGUMENT", () => {
    for (const bad of [-1, 1.5, Number.NaN]) {
      expect(() => new RedactAnonymizer({ rememberTexts: bad })).toThrow(
        expect.objectContaining({ code: "E_ARGUMENT" }),
      );
    }
  });
});
