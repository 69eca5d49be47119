// Text generation on the fixture GPT-2-like decoder: the KV cache gives exactly the tokens of recomputing the
// whole sequence, seeded sampling is reproducible, stop sequences, max tokens, streaming, and abort within one step.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AbortedError, type GeneratePipeline, InvalidArgumentError } from "../src/index";
import { pipeline } from "../src/node";
import { fixtureModels } from "./helpers/fixture-models";

const models = fixtureModels();
let gen: GeneratePipeline;
beforeAll(async () => {
  gen = await pipeline("generate", models.decoder);
});
afterAll(async () => {
  await gen.dispose();
  models.cleanup();
});

const prompts = ['{"name":"', "hello world", "the cat and the dog", "a"];

describe("generate", () => {
  it("with the KV cache yields exactly the tokens of recomputing the whole sequence", async () => {
    for (const prompt of prompts) {
      for (const sampling of [{}, { temperature: 0.8, topK: 40, seed: 3 }, { temperature: 1.2, topP: 0.9, seed: 11 }]) {
        const cached = await gen.run(prompt, { ...sampling, maxTokens: 24 });
        const full = await gen.run(prompt, { ...sampling, maxTokens: 24, useCache: false });
        expect(cached.tokenIds.length).toBeGreaterThan(0);
        expect(cached.tokenIds).toEqual(full.tokenIds);
        expect(cached.text).toBe(full.text);
      }
    }
  });

  it("runs the model once per token with the cache", async () => {
    const before = gen.steps;
    const result = await gen.run("hello", { maxTokens: 10 });
    expect(result.finishReason === "length" || result.finishReason === "eos").toBe(true);
    expect(gen.steps - before).toBe(result.tokenIds.length + (result.finishReason === "eos" ? 1 : 0));
  });

  it("is greedy by default and reproducible by seed when sampling", async () => {
    const a = await gen.run("hello", { maxTokens: 16 });
    const b = await gen.run("hello", { maxTokens: 16 });
    expect(a.tokenIds).toEqual(b.tokenIds);
    const s1 = await gen.run("hello", { maxTokens: 16, temperature: 1.5, seed: 1 });
    const s1again = await gen.run("hello", { maxTokens: 16, temperature: 1.5, seed: 1 });
    expect(s1.tokenIds).toEqual(s1again.tokenIds);
    const seeds = await Promise.all(
      [2, 3, 4, 5].map((seed) => gen.run("hello", { maxTokens: 16, temperature: 1.5, seed })),
    );
    // Different seeds explore different continuations.
    expect(new Set(seeds.map((s) => s.tokenIds.join(","))).size).toBeGreaterThan(1);
    // topK 1 is greedy whatever the temperature.
    const k1 = await gen.run("hello", { maxTokens: 16, temperature: 2, topK: 1, seed: 9 });
    expect(k1.tokenIds).toEqual(a.tokenIds);
  });

  it("stops at max tokens, and before a stop sequence", async () => {
    const long = await gen.run("the", { maxTokens: 12, temperature: 1, seed: 4 });
    expect(long.tokenIds.length).toBeLessThanOrEqual(12);
    // A stop sequence taken from the middle of the unconstrained text: generation ends right before it.
    const text = long.text;
    expect(text.length).toBeGreaterThan(4);
    const stop = text.slice(2, 4);
    const stopped = await gen.run("the", { maxTokens: 12, temperature: 1, seed: 4, stop: [stop] });
    expect(stopped.finishReason).toBe("stop");
    expect(stopped.text).toBe(text.slice(0, text.indexOf(stop)));
    await expect(gen.run("the", { maxTokens: 0 })).rejects.toBeInstanceOf(InvalidArgumentError);
  });

  it("streams tokens whose text adds up to the whole result, never showing part of a stop sequence", async () => {
    const options = { maxTokens: 20, temperature: 0.9, seed: 5 };
    const whole = await gen.run("hello world", options);
    const chunks: string[] = [];
    const ids: number[] = [];
    for await (const t of gen.stream("hello world", options)) {
      chunks.push(t.text);
      if (t.id !== null) ids.push(t.id);
    }
    expect(ids).toEqual(whole.tokenIds);
    expect(chunks.join("")).toBe(whole.text);

    const stop = whole.text.slice(3, 6);
    const shown: string[] = [];
    for await (const t of gen.stream("hello world", { ...options, stop: [stop] })) shown.push(t.text);
    expect(shown.join("")).toBe(whole.text.slice(0, whole.text.indexOf(stop)));
  });

  it("reports each token's log-probability under the model when asked, the same streamed or whole", async () => {
    const plain = await gen.run("hello world", { maxTokens: 12 });
    expect(plain.logprobs).toBeUndefined();
    const greedy = await gen.run("hello world", { maxTokens: 12, logprobs: true });
    expect(greedy.tokenIds).toEqual(plain.tokenIds);
    expect(greedy.logprobs).toHaveLength(greedy.tokenIds.length);
    const vocab = gen.model.tokenizer.vocabSize;
    for (const lp of greedy.logprobs ?? []) {
      expect(Number.isFinite(lp)).toBe(true);
      expect(lp).toBeLessThanOrEqual(0);
      // The greedy pick is the most likely token, so its probability is at least 1 / vocabulary size.
      expect(lp).toBeGreaterThanOrEqual(-Math.log(vocab) - 1e-6);
    }
    const streamed: number[] = [];
    for await (const t of gen.stream("hello world", { maxTokens: 12, logprobs: true })) {
      if (t.id === null) expect(t.logprob).toBeUndefined();
      else streamed.push(t.logprob as number);
    }
    expect(streamed).toEqual(greedy.logprobs);
    const uncached = await gen.run("hello world", { maxTokens: 12, logprobs: true, useCache: false });
    uncached.logprobs?.forEach((lp, i) => {
      expect(lp).toBeCloseTo(greedy.logprobs?.[i] as number, 4);
    });

    // Forcing another first token (a constraint) reports that token's lower probability under the model, not 0.
    const first = greedy.tokenIds[0] as number;
    const other = first === 0 ? 1 : first - 1;
    const only = (id: number) => () => {
      let done = false;
      return {
        allowedTokens: () => [id],
        get complete() {
          return done;
        },
        get finished() {
          return done;
        },
        accept: () => {
          done = true;
        },
      };
    };
    const forcedSame = await gen.run("hello world", { maxTokens: 1, logprobs: true, constraint: only(first) });
    expect(forcedSame.logprobs?.[0]).toBeCloseTo(greedy.logprobs?.[0] as number, 6);
    const forcedOther = await gen.run("hello world", { maxTokens: 1, logprobs: true, constraint: only(other) });
    expect(forcedOther.tokenIds).toEqual([other]);
    expect(forcedOther.logprobs?.[0]).toBeLessThan(greedy.logprobs?.[0] as number);
    expect(Math.exp(forcedOther.logprobs?.[0] as number) + Math.exp(greedy.logprobs?.[0] as number)).toBeLessThan(1);
  });

  it("stops within one step of an abort", async () => {
    const controller = new AbortController();
    const seen: number[] = [];
    const before = gen.steps;
    const error = await (async () => {
      for await (const t of gen.stream("hello", { maxTokens: 50, signal: controller.signal })) {
        if (t.id !== null) seen.push(t.id);
        if (seen.length === 3) controller.abort();
      }
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AbortedError);
    expect((error as AbortedError).code).toBe("E_ABORTED");
    expect(seen).toHaveLength(3);
    // The model ran for those three tokens and at most one more step.
    expect(gen.steps - before).toBeLessThanOrEqual(4);

    // Aborted while a step runs: that step's token is dropped and nothing further runs.
    const c2 = new AbortController();
    const p = gen.run("hello", { maxTokens: 50, signal: c2.signal });
    const start = gen.steps;
    c2.abort();
    await expect(p).rejects.toBeInstanceOf(AbortedError);
    expect(gen.steps - start).toBeLessThanOrEqual(1);
  });
});
