import { describe, expect, it } from "vitest";
import { createAnalyzer } from "../src/index";
import { expectFinds, expectNoType, foundOf } from "./found";

// A capitalized word inside a sentence that no list knows and compromise reads as a proper noun of no kind: in
// people's messages that is most often a person.
describe("names no list knows, inside a sentence", () => {
  it("reads them in many languages", () => {
    expectFinds("Tolong kabari Ketut soal jadwal besok.", "PERSON", "Ketut");
    expectFinds("Mwambie Njeri alete funguo kesho.", "PERSON", "Njeri");
    expectFinds("Mañana viene Ximenita con los papeles.", "PERSON", "Ximenita");
    expectFinds("nobody told Makerita about the change", "PERSON", "Makerita");
  });

  it("leaves the first word of a sentence to the other rules", () => {
    expect(foundOf("Kallisto opened the meeting at nine.", "PERSON")).toEqual([]);
  });

  it("does not take products, platforms, cards, holidays or languages", () => {
    expectNoType("Upload it to Slack and ping me on WhatsApp before the call.", "PERSON");
    expectNoType("During Ramadan our hours change, and on Eid we are closed.", "PERSON");
    expectNoType("the interview is in Tagalog, then a call in Urdu", "PERSON");
    expectNoType("Potvrdzujeme prijatie Vašej žiadosti.", "PERSON");
  });

  it("does not take things named by what stands around them", () => {
    // A determiner, a car's make, a number, a letter alone, an abbreviation's dot, a label's colon.
    expectNoType("The Fiesta needs a new clutch, and my Amex expired.", "PERSON");
    expectNoType("He drives a Toyota Corolla to work.", "PERSON");
    expectNoType("Install Android 14 tonight, then go to Session A, Hall 2.", "PERSON");
    expectNoType("it costs 12 500 Kč with delivery", "PERSON");
    expectNoType("see the Kontoauszug Nr. 02/2026 below", "PERSON");
    expect(foundOf("Nom : Haddad · Prénom : Rim", "PERSON")).not.toContain("Prénom");
  });

  it("does not take nouns by their endings, nor German nouns", () => {
    expectNoType("Please sign the Employment contract and the Statement attached.", "PERSON");
    expectNoType(
      "Wir haben die Zahlung am Montag erhalten, bitte prüfen Sie die Kundennummer und Ihre Abrechnung.",
      "PERSON",
    );
    expectNoType("Mit freundlichen Grüßen aus dem Büro", "PERSON");
  });

  it("gives an item of a list the kind of the item before it, and takes no list of things", () => {
    expect(foundOf("We stop in Lyon, Grenoble, Annecy and Chamonix.", "LOCATION")).toContain("Chamonix");
    expect(foundOf("Send it to Mthunzi, Zodwa and Thandiwe.", "PERSON")).toEqual(["Mthunzi", "Zodwa", "Thandiwe"]);
    expectNoType("Order: Acme Widget, Super Glue, Duct Tape", "PERSON");
  });

  it("gives way to a place read from an address or a date line, and takes no month, pronoun or kinship word", () => {
    expect(foundOf("Entrega: Rua Tenente Silveira, 412, sala 7 – Trindade, Chapecozinho.", "PERSON")).toEqual([]);
    expectNoType("Ab Februar arbeite ich in Graz.", "PERSON");
    expectNoType("Спасибо, что Вы написали", "PERSON");
    expectNoType("Die Familie kommt morgen", "PERSON");
  });

  it("reads each run of a sentence, and stays linear on many of them", () => {
    expectFinds("it was Zorvakbo at noon, then Qelmarin.", "PERSON", "Qelmarin");
    const analyzer = createAnalyzer({ types: ["PERSON"] });
    const n = 2_000;
    const letters = "abcdefghij";
    const text = Array.from(
      { length: n },
      (_, i) => `it was Zorvak${letters[i % 10]}${letters[(i >> 3) % 10]} at noon, then Qelmar${letters[i % 7]}.`,
    ).join(" ");
    const start = performance.now();
    const people = analyzer.analyze(text);
    // Two unknown names in every sentence: each found once, and only the name.
    expect(people.length).toBe(2 * n);
    expect(people.every((e) => /^(?:Zorvak[a-j]{2}|Qelmar[a-g])$/.test(e.text))).toBe(true);
    // No timing goal here (benchmarks own speed): the bound only catches a search gone quadratic.
    expect(performance.now() - start).toBeLessThan(60_000);
  });
});
