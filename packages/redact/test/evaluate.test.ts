import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { createAnalyzer, evaluate, InvalidCorpusError, parseCorpus } from "../src/index";

const load = (name: string) =>
  parseCorpus(JSON.parse(readFileSync(fileURLToPath(new URL(`../corpus/${name}.json`, import.meta.url)), "utf8")));

describe("evaluation harness", () => {
  it("scores precision, recall, F1 and F2 per type and type-agnostic", () => {
    const samples = parseCorpus([
      {
        full_text: "Anna Schmidt lives in Berlin.",
        spans: [
          { entity_type: "PERSON", entity_value: "Anna Schmidt", start_position: 0, end_position: 12 },
          { entity_type: "GPE", entity_value: "Berlin", start_position: 22, end_position: 28 },
        ],
      },
    ]);
    expect(samples[0]!.spans[1]!.entity_type).toBe("LOCATION");
    const result = evaluate(samples, [
      [
        { start: 0, end: 12, type: "PERSON" },
        { start: 22, end: 28, type: "ORGANIZATION" },
        { start: 13, end: 18, type: "PERSON" },
      ],
    ]);
    expect(result.overall).toMatchObject({ support: 2, found: 2, predicted: 3, correct: 2 });
    expect(result.overall.recall).toBe(1);
    expect(result.overall.precision).toBeCloseTo(2 / 3);
    expect(result.overall.f2).toBeCloseTo((5 * (2 / 3)) / (4 * (2 / 3) + 1));
    expect(result.byType.PERSON).toMatchObject({ support: 1, found: 1, predicted: 2, correct: 1 });
    expect(result.byType.LOCATION).toMatchObject({ support: 1, found: 0 });
  });

  it("refuses corpora whose offsets do not match their values", () => {
    expect(() => parseCorpus({})).toThrow(InvalidCorpusError);
    expect(() =>
      parseCorpus([
        { full_text: "abc", spans: [{ entity_type: "X", entity_value: "ab", start_position: 1, end_position: 3 }] },
      ]),
    ).toThrow(InvalidCorpusError);
  });

  it("ships a labeled corpus of at least 300 messages with consistent offsets", () => {
    const dev = load("dev");
    const test = load("test");
    expect(dev.length + test.length).toBeGreaterThanOrEqual(300);
    expect(load("varied").length).toBeGreaterThanOrEqual(120);
    for (const s of [...dev, ...test, ...load("varied")])
      for (const span of s.spans)
        expect(s.full_text.slice(span.start_position, span.end_position)).toBe(span.entity_value);
  });

  it("keeps its quality on every split (regression floor, below the figures in the README)", () => {
    const analyzer = createAnalyzer();
    for (const [name, floor] of [
      ["dev", 0.95],
      ["test", 0.94],
      ["heldout", 0.94],
      ["unseen", 0.9],
      ["varied", 0.88],
    ] as const) {
      const samples = load(name);
      const result = evaluate(
        samples,
        samples.map((s) => analyzer.analyze(s.full_text)),
      );
      expect(result.overall.f2).toBeGreaterThanOrEqual(floor);
      for (const type of ["EMAIL", "IBAN", "CREDIT_CARD", "IP_ADDRESS"]) expect(result.byType[type]?.recall).toBe(1);
      // Phones: every one found, and a false alarm at most in one of thirty.
      expect(result.byType.PHONE?.recall).toBe(1);
      expect(result.byType.PHONE?.precision).toBeGreaterThanOrEqual(0.97);
    }
  });
});
