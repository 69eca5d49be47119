import { describe, expect, it } from "vitest";
import { nameRecognizer } from "../src/index";
import { compromiseEntities, WindowCache } from "../src/ner/compromise-ner";

const CONTEXT = { regions: [] };

describe("window cache", () => {
  it("keeps nothing at size 0, and clears itself whole when full", () => {
    const none = new WindowCache(0);
    none.set("Ask Marguerite", []);
    expect(none.get("Ask Marguerite")).toBeUndefined();
    const two = new WindowCache(2);
    two.set("a", []);
    two.set("b", []);
    expect(two.get("a")).toEqual([]);
    two.set("c", []);
    expect([two.get("a"), two.get("b"), two.get("c")]).toEqual([undefined, undefined, []]);
  });

  it("finds the same with and without a cache, on a first and a repeated reading", () => {
    const text = "We had lunch with Marguerite Okonjo-Lindqvist at Brasserie Vautrin, then Anselm called from Tbilisi.";
    const cached = nameRecognizer();
    const uncached = nameRecognizer({ windowCache: 0 });
    const first = cached.analyze(text, CONTEXT);
    expect(first.length).toBeGreaterThan(0);
    expect(cached.analyze(text, CONTEXT)).toEqual(first);
    expect(uncached.analyze(text, CONTEXT)).toEqual(first);
    expect(uncached.analyze(text, CONTEXT)).toEqual(first);
  });

  it("tags a window that comes twice in one call at both places, from one parse", () => {
    const line = "Lunch with Marguerite Okonjo-Lindqvist tomorrow.";
    const texts = [`${line}\n> ${line}`, line];
    const second = texts[0]!.lastIndexOf(line);
    const windows = [
      { input: 0, start: 0, end: line.length },
      { input: 0, start: second, end: second + line.length },
      { input: 1, start: 0, end: line.length },
    ];
    const found = compromiseEntities(texts, windows, new WindowCache(0)).tagged;
    const alone = compromiseEntities([line], [{ input: 0, start: 0, end: line.length }], new WindowCache(0)).tagged[0]!;
    expect(alone.length).toBeGreaterThan(0);
    const at = (list: typeof alone, shift: number) =>
      list.map((e) => [e.start - shift, e.end - shift, e.type]).sort((a, b) => Number(a[0]) - Number(b[0]));
    const inFirst = found[0]!.filter((e) => e.start < second);
    const inSecond = found[0]!.filter((e) => e.start >= second);
    expect(at(inFirst, 0)).toEqual(at(alone, 0));
    expect(at(inSecond, second)).toEqual(at(alone, 0));
    expect(at(found[1]!, 0)).toEqual(at(alone, 0));
  });

  it("refuses a size that is not a whole number >= 0", () => {
    for (const windowCache of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])
      expect(() => nameRecognizer({ windowCache })).toThrow(expect.objectContaining({ code: "E_ARGUMENT" }));
  });
});
