import { readFileSync } from "node:fs";
import nlp from "compromise/two";
import { describe, expect, it } from "vitest";
import { parseCorpus } from "../src/eval/corpus";
import { fastBulkMatch, installFastBulkMatch } from "../src/ner/fast-bulk-match";

// compromise keeps one world per process: its own bulkMatch is taken before ours replaces it, and the tests switch
// between the two.
const methods = (nlp.world() as unknown as { methods: { one: { bulkMatch: unknown } } }).methods.one;
const original = methods.bulkMatch;

function using<T>(bulkMatch: unknown, f: () => T): T {
  const before = methods.bulkMatch;
  methods.bulkMatch = bulkMatch;
  try {
    return f();
  } finally {
    methods.bulkMatch = before;
  }
}

const tagsOf = (text: string) =>
  (nlp(text).json() as { terms: { text: string; tags: string[] }[] }[]).map((s) =>
    s.terms.map((t) => [t.text, t.tags]),
  );

const corpus = ["dev", "test", "varied", "fresh-a", "fresh-b"].flatMap((split) =>
  parseCorpus(JSON.parse(readFileSync(new URL(`../corpus/${split}.json`, import.meta.url), "utf8"))).map(
    (s) => s.full_text,
  ),
);

describe("fastBulkMatch", () => {
  it("is what the name recognizer installs in compromise", () => {
    installFastBulkMatch();
    expect(methods.bulkMatch).toBe(fastBulkMatch);
    expect(original).not.toBe(fastBulkMatch);
  });

  it("tags every term of the corpus as compromise's own bulkMatch does", () => {
    let differ = 0;
    for (const text of corpus) {
      const theirs = JSON.stringify(using(original, () => tagsOf(text)));
      const ours = JSON.stringify(using(fastBulkMatch, () => tagsOf(text)));
      if (theirs !== ours) differ++;
    }
    expect(corpus.length).toBeGreaterThan(700);
    expect(differ).toBe(0);
  });

  it("finds the same matches of a user's own net, and stops at the first with matchOne", () => {
    const net = nlp.buildNet([
      { match: "#Person", tag: "Someone" },
      { match: "(asked|called) #ProperNoun", tag: "Asked" },
      { match: "[#Place] (is|was)", group: 0, tag: "Where" },
      { match: "#Value #Unit?", tag: "Amount" },
    ]);
    const text = "I asked Kwame Mensah, then called Rosa. Paris is lovely. Bring 3 kg of rice and 2 apples.";
    for (const matchOne of [false, true]) {
      const sweep = (bulkMatch: unknown) =>
        using(bulkMatch, () =>
          (
            nlp(text).sweep(net, { tagger: false, matchOne }).found as { match: string; view: { text(): string } }[]
          ).map((f) => [f.match, f.view.text()]),
        );
      const theirs = sweep(original);
      expect(theirs.length).toBeGreaterThan(matchOne ? 0 : 3);
      expect(sweep(fastBulkMatch)).toEqual(theirs);
    }
  });
});
