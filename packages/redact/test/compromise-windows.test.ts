import nlp from "compromise/two";
import { afterEach, describe, expect, it } from "vitest";
import { createAnalyzer, nameRecognizer } from "../src/index";

const CONTEXT = { regions: [] };
const methods = (nlp.world() as unknown as { methods: { one: { bulkMatch: (...a: unknown[]) => unknown } } }).methods
  .one;
const bulkMatch = methods.bulkMatch;

/** What compromise's tagger did while `f` ran: how many times it ran (once per parse) and the words it read. */
function tagged(f: () => void): { parses: number; words: string[] } {
  const seen = { parses: 0, words: [] as string[] };
  const inner = methods.bulkMatch;
  methods.bulkMatch = (...a: unknown[]) => {
    seen.parses++;
    for (const sentence of a[0] as { text: string }[][]) for (const term of sentence) seen.words.push(term.text);
    return inner(...a);
  };
  try {
    f();
  } finally {
    methods.bulkMatch = inner;
  }
  return seen;
}

const parses = (f: () => void) => tagged(f).parses;
const wordsParsed = (f: () => void) => tagged(f).words;

afterEach(() => {
  methods.bulkMatch = bulkMatch;
});

describe("what the name recognizer asks compromise", () => {
  it("asks about an unknown name in English", () => {
    // Warm up: the first call installs compromise's faster matcher.
    nameRecognizer({ windowCache: 0 }).analyze("We met Zorvath yesterday.", CONTEXT);
    const names = nameRecognizer({ windowCache: 0 });
    expect(
      parses(() => names.analyze("The parcel for Aisha Rahman, our new Senior Data Analyst, is here.", CONTEXT)),
    ).toBeGreaterThan(0);
  });

  it("does not ask about one capitalized word in German, where every noun has a capital", () => {
    const names = nameRecognizer({ windowCache: 0 });
    const text = "Ich bestätige den Termin am Dienstag um 14 Uhr, und bitte um Rückruf. Die Antwort kommt morgen.";
    expect(parses(() => names.analyze(text, CONTEXT))).toBe(0);
    // Two unknown capitalized words in a row may still be a name, in German too.
    const two = "Ich habe mit Zorvath Quellbrook gesprochen, und die Antwort kommt morgen.";
    expect(parses(() => names.analyze(two, CONTEXT))).toBeGreaterThan(0);
  });

  it("does not ask about a person found again, and names the whole run", () => {
    const names = nameRecognizer({ windowCache: 0 });
    const text =
      "Please set up a call with Olusegun Adeyemi. On the 17th, Olusegun Adeyemi prefers mornings, and so does Zorvath.";
    const persons = () =>
      names
        .analyze(text, CONTEXT)
        .filter((e) => e.type === "PERSON")
        .map((e) => text.slice(e.start, e.end));
    // The second "Olusegun Adeyemi" is that person again, one span; only the unknown "Zorvath" is asked about.
    expect(persons().filter((p) => p === "Olusegun Adeyemi")).toHaveLength(2);
    expect(persons()).not.toContain("Olusegun");
    const read = wordsParsed(() => names.analyze(text, CONTEXT));
    expect(read).toContain("Zorvath");
    expect(read).not.toContain("Olusegun");
    // Alone, with nothing before it, the same sentence is asked about.
    const alone = "On the 17th, Olusegun Adeyemi prefers mornings, and so does Zorvath.";
    expect(wordsParsed(() => names.analyze(alone, CONTEXT))).toContain("Olusegun");
  });

  it("does not ask about a street's name, which the address recognizer finds whole", () => {
    const names = nameRecognizer({ windowCache: 0 });
    const analyzer = createAnalyzer();
    const streets: [string, string][] = [
      ["The restaurant near 15 rue de la Paix, 75002 Paris closes at 11.", "15 rue de la Paix"],
      ["Send the contract to Via Roma 22, 00184 Roma.", "Via Roma 22"],
      ["A delivery notice for Calle Mayor 5, 28013 Madrid came today.", "Calle Mayor 5"],
      ["Dentist at Hauptstraße 12, 10115 Berlin, call first.", "Hauptstraße 12"],
    ];
    for (const [text, address] of streets) {
      expect(
        parses(() => names.analyze(text, CONTEXT)),
        text,
      ).toBe(0);
      expect(analyzer.analyze(text).find((e) => e.type === "ADDRESS")?.text, text).toBe(address);
    }
  });
});
