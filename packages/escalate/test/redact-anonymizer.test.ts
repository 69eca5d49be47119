import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { RedactAnonymizer } from "../src/anonymizer/redact-anonymizer";
import type { RestoreOptions } from "../src/spec/anonymizer";

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
