import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { calibrate } from "../src/router/calibrate";
import { classifierMargin } from "../src/router/classifier-margin";
import { complexityFeatures } from "../src/router/complexity-features";
import { countWords } from "../src/router/count-words";
import { DailyBudget } from "../src/router/daily-budget";
import { meanLogprob } from "../src/router/mean-logprob";
import { estimateTokens, Router } from "../src/router/router";
import { loadRoutingSet } from "./helpers/corpus";

const consent = { consent: true };
const hard =
  "Find a 90-minute slot next week for Anna, Ben and Chloé: Anna can't do mornings, Ben only Tuesday or Thursday, Chloé must finish before 4 pm, and it must not overlap the all-hands on Wednesday.";
const easy = "Translate 'good morning' into Spanish.";

describe("complexity features", () => {
  it("counts constraints and parties, and tells planning from lookup", () => {
    const f = complexityFeatures(hard);
    expect(f.constraints).toBeGreaterThanOrEqual(6);
    expect(f.parties).toBeGreaterThanOrEqual(3);
    expect(f.questionType).toBe("plan");
    expect(complexityFeatures(easy)).toMatchObject({ constraints: 0, questionType: "rewrite" });
    expect(complexityFeatures("Rank these tasks by urgency").questionType).toBe("prioritise");
  });
});

describe("countWords", () => {
  it("counts what /\\S+/g matches, for every kind of whitespace (property)", () => {
    const spaces = [..." \t\n\v\f\r\u00a0\u1680\u2000\u2005\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"];
    const pieces = fc.oneof(
      fc.constantFrom(...spaces, "\u200b", "\u0085", "x", "é", "🎉"),
      fc.string({ maxLength: 4 }),
    );
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 30 }), (parts) => {
        const text = parts.join("");
        expect(countWords(text)).toBe(text.match(/\S+/g)?.length ?? 0);
      }),
      { numRuns: 500 },
    );
  });
});

describe("router", () => {
  it("keeps simple tasks local and sends complex ones to the cloud, explaining both", () => {
    const router = new Router({ policy: consent });
    const a = router.decide({ prompt: easy });
    const b = router.decide({ prompt: hard });
    expect(a.route).toBe("local");
    expect(a.reasons.map((r) => r.code)).toEqual(["simple-task"]);
    expect(b.route).toBe("cloud");
    expect(b.reasons.map((r) => r.code)).toContain("complex-task");
    expect(b.score).toBeGreaterThan(a.score);
    for (const d of [a, b]) for (const r of d.reasons) expect(r.message).not.toContain("Anna");
  });

  it("applies per-kind policy, refused PII types and consent before anything else", () => {
    const router = new Router({
      policy: { consent: true, kinds: { health: "never-cloud", drafting: "cloud-preferred" }, refuseTypes: ["US_SSN"] },
    });
    expect(router.decide({ kind: "health", prompt: hard, force: "cloud" }).reasons[0]?.code).toBe("policy-never-cloud");
    const preferred = router.decide({ kind: "drafting", prompt: easy });
    expect(preferred.route).toBe("cloud");
    expect(preferred.reasons[0]?.code).toBe("policy-cloud-preferred");
    const refused = router.decide({ prompt: hard, piiTypes: ["PERSON", "US_SSN"] });
    expect(refused.route).toBe("local");
    expect(refused.reasons.map((r) => r.code)).toEqual(["pii-type-refused"]);
    expect(refused.reasons[0]?.message).toContain("US_SSN");
    expect(new Router().decide({ prompt: hard }).reasons[0]?.code).toBe("no-consent");
    let agreed = false;
    const live = new Router({ policy: { consent: () => agreed } });
    expect(live.decide({ prompt: hard }).route).toBe("local");
    agreed = true;
    expect(live.decide({ prompt: hard }).route).toBe("cloud");
  });

  it("sends low local confidence to the cloud", () => {
    const router = new Router({ policy: consent });
    const d = router.decide({ prompt: easy, localConfidence: 0.1 });
    expect(d.route).toBe("cloud");
    expect(d.reasons.map((r) => r.code)).toContain("low-local-confidence");
    expect(router.decide({ prompt: easy, localConfidence: 0.95 }).route).toBe("local");
  });

  it("takes the lowest of the confidence signals, and names each low one", () => {
    const router = new Router({ policy: { ...consent, confidenceFloor: 0.4 } });
    const d = router.decide({ prompt: easy, classifierMargin: 0.9, meanTokenLogprob: Math.log(0.2) });
    expect(d.route).toBe("cloud");
    expect(d.reasons.map((r) => r.code)).toEqual(["low-generation-logprob", "complex-task"]);
    expect(d.reasons[0]?.message).toContain("per-token probability 0.20");
    expect(d.score).toBeCloseTo(router.score({ prompt: easy, localConfidence: 0.2 }), 10);
    const sure = router.decide({ prompt: easy, classifierMargin: 0.9, meanTokenLogprob: Math.log(0.8) });
    expect(sure.route).toBe("local");
    expect(sure.reasons.map((r) => r.code)).toEqual(["simple-task", "confident-local"]);
    expect(sure.reasons[1]?.message).toContain("classifier margin 0.90");
    const unsure = router.decide({ prompt: easy, classifierMargin: 0.1 });
    expect(unsure.reasons.map((r) => r.code)).toContain("low-classifier-margin");
  });

  it("refuses out-of-range confidence signals and floors with E_ARGUMENT", () => {
    const router = new Router({ policy: consent });
    for (const bad of [
      { classifierMargin: 1.5 },
      { classifierMargin: -0.1 },
      { meanTokenLogprob: 0.5 },
      { meanTokenLogprob: Number.NaN },
      { localConfidence: 2 },
    ]) {
      expect(() => router.decide({ prompt: easy, ...bad })).toThrow(expect.objectContaining({ code: "E_ARGUMENT" }));
    }
    expect(() => new Router({ policy: { confidenceFloor: 1.2 } })).toThrow(
      expect.objectContaining({ code: "E_ARGUMENT" }),
    );
    expect(() => classifierMargin([0.9])).toThrow(expect.objectContaining({ code: "E_ARGUMENT" }));
    expect(() => classifierMargin([0.9, 1.1])).toThrow(expect.objectContaining({ code: "E_ARGUMENT" }));
    expect(() => meanLogprob([])).toThrow(expect.objectContaining({ code: "E_ARGUMENT" }));
    expect(() => meanLogprob([-0.1, 0.2])).toThrow(expect.objectContaining({ code: "E_ARGUMENT" }));
  });

  it("computes margins and mean log-probabilities", () => {
    expect(classifierMargin([0.1, 0.7, 0.2])).toBeCloseTo(0.5, 12);
    expect(classifierMargin(Float64Array.of(0.5, 0.5))).toBe(0);
    expect(meanLogprob([-1, -2, -3])).toBe(-2);
  });

  it("uses precomputed complexity features instead of scanning the prompt again", () => {
    const router = new Router({ policy: consent });
    const features = complexityFeatures(hard);
    expect(router.decide({ prompt: easy, features }).route).toBe("cloud");
    expect(router.decide({ prompt: easy, features }).features).toBe(features);
    expect(router.score({ prompt: easy, features })).toBe(router.score({ prompt: hard }));
  });

  it("falls back to local or queues when offline, with the reason", () => {
    const local = new Router({ policy: consent, online: () => false });
    const d = local.decide({ prompt: hard });
    expect(d.route).toBe("local");
    expect(d.reasons[0]?.code).toBe("offline-local");
    expect(d.reasons.map((r) => r.code)).toContain("complex-task");
    const queue = new Router({ policy: { ...consent, whenOffline: "queue" }, online: () => false });
    const q = queue.decide({ prompt: hard });
    expect(q.route).toBe("queue");
    expect(q.reasons[0]?.code).toBe("offline-queue");
    expect(queue.decide({ prompt: easy }).route).toBe("local");
  });

  it("routes local or queues when the daily budget is spent, and renews it the next day", () => {
    let now = new Date(2025, 4, 1, 10);
    const budget = new DailyBudget({ tokensPerDay: 2_000, now: () => now });
    const router = new Router({ policy: { ...consent, expectedOutputTokens: 500 }, budget });
    expect(router.decide({ prompt: hard }).route).toBe("cloud");
    budget.record({ inputTokens: 900, outputTokens: 700 });
    const d = router.decide({ prompt: hard });
    expect(d.route).toBe("local");
    expect(d.reasons[0]?.code).toBe("budget-exhausted-local");
    const queueing = new Router({ policy: { ...consent, whenBudgetExhausted: "queue" }, budget });
    expect(queueing.decide({ prompt: hard }).reasons[0]?.code).toBe("budget-exhausted-queue");
    now = new Date(2025, 4, 2, 8);
    expect(router.decide({ prompt: hard }).route).toBe("cloud");
    expect(budget.snapshot()).toEqual({ day: "2025-05-02", tokens: 0, cost: 0 });
  });

  it("estimates tokens from the UTF-8 length without encoding, lone surrogates included (property)", () => {
    const bytes = (t: string) => Math.ceil(new TextEncoder().encode(t).length / 4);
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 40 }), fc.string({ maxLength: 10 }), (a, b) => {
        // Cutting a string mid-pair leaves lone surrogates at the cut: those count as U+FFFD.
        const text = a + b + a.slice(0, a.length >> 1);
        expect(estimateTokens(text)).toBe(bytes(text));
      }),
    );
    expect(estimateTokens("é🎉a\ud800")).toBe(Math.ceil((2 + 4 + 1 + 3) / 4));
  });

  it("limits cost with pricing", () => {
    const budget = new DailyBudget({ costPerDay: 0.015, pricing: { inputPerMTok: 3, outputPerMTok: 15 } });
    expect(budget.fits(1000, 500)).toBe(true);
    budget.record({ inputTokens: 1000, outputTokens: 400 });
    expect(budget.fits(1000, 500)).toBe(false);
    expect(() => new DailyBudget({ costPerDay: 1 })).toThrow(expect.objectContaining({ code: "E_ARGUMENT" }));
  });
});

describe("calibration", () => {
  const samples = loadRoutingSet();

  it("has a labeled set with both classes", () => {
    expect(samples.length).toBeGreaterThanOrEqual(60);
    expect(samples.some((s) => s.cloud)).toBe(true);
    expect(samples.some((s) => !s.cloud)).toBe(true);
  });

  it.each([0.2, 0.3, 0.45, 0.6])("achieves a %s cloud share within 3 points on the labeled set", (target) => {
    const router = new Router({ policy: consent });
    const c = calibrate(samples, target, (s) => router.score(s));
    expect(Math.abs(c.cloudShare - target)).toBeLessThanOrEqual(0.03);
    const calibrated = new Router({ policy: { ...consent, threshold: c.threshold } });
    const decisions = samples.map((s) => calibrated.decide({ prompt: s.prompt }));
    const share = decisions.filter((d) => d.route === "cloud").length / samples.length;
    expect(share).toBeCloseTo(c.cloudShare, 5);
    for (const d of decisions) expect(d.reasons.length).toBeGreaterThan(0);
  });

  it("ranks the labeled set well: at the true cloud share, most routes match the labels", () => {
    const router = new Router({ policy: consent });
    const share = samples.filter((s) => s.cloud).length / samples.length;
    const c = calibrate(samples, share, (s) => router.score(s));
    expect(c.accuracy).toBeGreaterThanOrEqual(0.85);
    expect(c.recall).toBeGreaterThanOrEqual(0.8);
  });

  it("refuses an empty set or an impossible share", () => {
    expect(() => calibrate([], 0.5, () => 0)).toThrow(expect.objectContaining({ code: "E_ARGUMENT" }));
    expect(() => calibrate(samples, 1.5, () => 0)).toThrow(expect.objectContaining({ code: "E_ARGUMENT" }));
  });
});
