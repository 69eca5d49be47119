// The local provider on a real ONNX decoder (the zoo's hearth/tiny-decoder, run by @hearth/runtime's generate
// pipeline), and local confidence from real model outputs: the decoder's token log-probabilities and the zoo's
// email-triage classifier's margin. The decoder's weights are random, so its text means nothing: these tests check
// structure (streaming equals whole, limits, abort, what crossed which boundary), never wording.
import { join } from "node:path";
import type { GeneratePipeline, RuntimeSession } from "@hearth/runtime";
import { createSession, pipeline } from "@hearth/runtime/node";
import { EMAIL_TRIAGE_ID, featurize, softmax, TINY_DECODER_ID, triageBatch } from "@hearth/zoo";
import { catalogPath } from "@hearth/zoo/node";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { RedactAnonymizer } from "../src/anonymizer/redact-anonymizer";
import { MemoryAuditLog } from "../src/audit/memory-audit-log";
import { Escalator } from "../src/pipeline/escalator";
import { PLACEHOLDER_INSTRUCTION } from "../src/pipeline/placeholder-instruction";
import { LocalGenerateModel, transcriptPrompt } from "../src/providers/local-generate-model";
import { OpenAIChatModel } from "../src/providers/openai-chat-model";
import { classifierMargin } from "../src/router/classifier-margin";
import { meanLogprob } from "../src/router/mean-logprob";
import { Router } from "../src/router/router";
import type { CallOptions, StreamPart } from "../src/spec/language-model";
import { ProviderServer } from "./helpers/provider-server";

let decoder: GeneratePipeline;
let triage: RuntimeSession;
let server: ProviderServer;
beforeAll(async () => {
  decoder = await pipeline("generate", join(catalogPath(), TINY_DECODER_ID));
  triage = await createSession(join(catalogPath(), EMAIL_TRIAGE_ID));
  server = await ProviderServer.start();
}, 60_000);
afterAll(async () => {
  await decoder?.dispose();
  await triage?.release();
  await server?.close();
});
beforeEach(() => {
  server.requests.length = 0;
});

const simple = "Translate 'good morning' into Spanish.";
const ask = (content: string, extra: Partial<CallOptions> = {}): CallOptions => ({
  messages: [{ role: "user", content }],
  ...extra,
});

async function collect(stream: AsyncIterable<StreamPart>) {
  const parts: StreamPart[] = [];
  for await (const part of stream) parts.push(part);
  const text = parts.flatMap((p) => (p.type === "text-delta" ? [p.delta] : [])).join("");
  const finish = parts.at(-1);
  if (finish?.type !== "finish") throw new Error("the stream did not end with a finish part");
  return { parts, text, finish };
}

describe("LocalGenerateModel on hearth/tiny-decoder", () => {
  it("streams exactly what it generates whole, token log-probabilities included", async () => {
    const model = new LocalGenerateModel(decoder, { modelId: TINY_DECODER_ID });
    for (const prompt of [simple, "Reply to the landlord: the heating is broken again, since Monday."]) {
      const whole = await model.doGenerate(ask(prompt, { maxOutputTokens: 24 }));
      const streamed = await collect((await model.doStream(ask(prompt, { maxOutputTokens: 24 }))).stream);
      const text = whole.content.map((p) => (p.type === "text" ? p.text : "")).join("");
      expect(whole.usage.outputTokens).toBeGreaterThan(0);
      expect(streamed.text).toBe(text);
      expect(streamed.parts.filter((p) => p.type === "text-delta").length).toBeGreaterThan(1);
      expect(streamed.parts.map((p) => p.type).slice(0, 2)).toEqual(["response-metadata", "text-start"]);
      expect(streamed.finish.finishReason).toBe(whole.finishReason);
      expect(streamed.finish.usage.outputTokens).toBe(whole.usage.outputTokens);
      // One log-probability per token, each a real log-probability, the same as the runtime's own.
      expect(whole.logprobs).toHaveLength(whole.usage.outputTokens as number);
      for (const lp of whole.logprobs ?? []) expect(lp).toBeLessThanOrEqual(0);
      expect(streamed.finish.logprobs).toEqual(whole.logprobs);
      const direct = await decoder.run(transcriptPrompt(undefined, [{ role: "user", content: prompt }]), {
        maxTokens: 24,
        logprobs: true,
      });
      expect(direct.text).toBe(text);
      expect(direct.logprobs).toEqual(whole.logprobs);
    }
  });

  it("respects max tokens, whole and streamed", async () => {
    const model = new LocalGenerateModel(decoder);
    for (const max of [1, 5, 17]) {
      const whole = await model.doGenerate(ask(simple, { maxOutputTokens: max }));
      expect(whole.usage.outputTokens).toBe(max);
      expect(whole.finishReason).toBe("length");
      const streamed = await collect((await model.doStream(ask(simple, { maxOutputTokens: max }))).stream);
      expect(streamed.finish).toMatchObject({ finishReason: "length", usage: { outputTokens: max } });
    }
    // The model's own default when the call does not say.
    const capped = new LocalGenerateModel(decoder, { maxOutputTokens: 3 });
    expect((await capped.doGenerate(ask(simple))).usage.outputTokens).toBe(3);
  });

  it("stops on its AbortSignal: before the call, mid-stream, and during a whole generation", async () => {
    const model = new LocalGenerateModel(decoder);
    const before = new AbortController();
    before.abort();
    const steps0 = decoder.steps;
    await expect(model.doGenerate(ask(simple, { abortSignal: before.signal }))).rejects.toMatchObject({
      code: "E_ABORTED",
    });
    await expect(model.doStream(ask(simple, { abortSignal: before.signal }))).rejects.toMatchObject({
      code: "E_ABORTED",
    });
    expect(decoder.steps).toBe(steps0);

    const during = new AbortController();
    const { stream } = await model.doStream(ask(simple, { maxOutputTokens: 200, abortSignal: during.signal }));
    let deltas = 0;
    const steps1 = decoder.steps;
    const error = await (async () => {
      for await (const part of stream) {
        if (part.type === "text-delta" && ++deltas === 3) during.abort();
      }
    })().catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "E_ABORTED" });
    expect(decoder.steps - steps1).toBeLessThan(20);

    const whole = new AbortController();
    const steps2 = decoder.steps;
    const pending = model.doGenerate(ask(simple, { maxOutputTokens: 200, abortSignal: whole.signal }));
    setTimeout(() => whole.abort(), 5);
    await expect(pending).rejects.toMatchObject({ code: "E_ABORTED" });
    expect(decoder.steps - steps2).toBeLessThan(200);
  });

  it("runs the pipeline redact -> local model -> restore: the model sees placeholders only", async () => {
    const seen: { system: string | undefined; prompt: string }[] = [];
    const model = new LocalGenerateModel(decoder, {
      // The tiny decoder has 256 positions: the placeholder instruction is recorded, not fed to it.
      formatPrompt: (system, messages) => {
        const prompt = transcriptPrompt(undefined, messages);
        seen.push({ system, prompt });
        return prompt;
      },
    });
    const anonymizer = new RedactAnonymizer();
    const audit = new MemoryAuditLog();
    const escalator = new Escalator({
      router: new Router({ policy: { consent: true } }),
      cloud: model,
      anonymizer,
      audit,
    });
    const text = "Email Sofia Rossi at sofia.rossi@example.com, phone +44 20 7946 0958.";
    const request = {
      conversation: "local-1",
      route: "cloud" as const,
      messages: [{ role: "user" as const, content: text }],
      maxOutputTokens: 16,
    };
    const plain = await escalator.generate(request);
    const streamed = await escalator.stream(request);
    const restored = await collect(streamed.stream);
    expect(seen).toHaveLength(2);
    for (const { system, prompt } of seen) {
      for (const value of ["Sofia Rossi", "sofia.rossi@example.com", "7946"]) expect(prompt).not.toContain(value);
      expect(prompt).toContain("[PERSON_1]");
      expect(prompt).toContain("[EMAIL_1]");
      expect(system).toBe(PLACEHOLDER_INSTRUCTION);
    }
    expect(seen[1]?.prompt).toBe(seen[0]?.prompt);
    expect(plain.redacted.map((e) => e.type)).toEqual(expect.arrayContaining(["EMAIL", "PERSON", "PHONE"]));
    // What the model wrote, restored with the conversation's vault, is the answer, whole and streamed.
    const raw = await decoder.run(seen[0]?.prompt as string, { maxTokens: 16 });
    expect(plain.text).toBe(anonymizer.restore(raw.text, "local-1"));
    expect(restored.text).toBe(plain.text);
    expect(plain.usage.outputTokens).toBe(16);
    expect(anonymizer.restore("[PERSON_1] <[EMAIL_1]>", "local-1")).toBe("Sofia Rossi <sofia.rossi@example.com>");
    // Nothing left the device, so nothing was audited.
    expect(await audit.read()).toEqual([]);
  });
});

describe("local confidence from real model outputs", () => {
  const cloud = () => new OpenAIChatModel({ model: "gpt-test", baseURL: server.url, apiKey: "test-key" });

  async function draftConfidence(): Promise<{ mean: number; p: number; text: string }> {
    const model = new LocalGenerateModel(decoder);
    const draft = await model.doGenerate(ask(simple, { maxOutputTokens: 12 }));
    const mean = meanLogprob(draft.logprobs ?? []);
    return { mean, p: Math.exp(mean), text: draft.content.map((c) => (c.type === "text" ? c.text : "")).join("") };
  }

  it("keeps a confident local draft as the answer, with the log-probability in the reasons", async () => {
    const { mean, p, text } = await draftConfidence();
    const escalator = new Escalator({
      // The random-weight decoder is never very sure, so its low confidence also raises the score: a high threshold
      // keeps the simple task local on score, and the floor just under its confidence keeps the draft.
      router: new Router({ policy: { consent: true, threshold: 0.95, confidenceFloor: Math.max(0, p - 0.005) } }),
      local: new LocalGenerateModel(decoder),
      cloud: cloud(),
      anonymizer: new RedactAnonymizer(),
      audit: new MemoryAuditLog(),
      localFirst: true,
    });
    const stepsBefore = decoder.steps;
    const r = await escalator.generate({
      conversation: "lf1",
      messages: [{ role: "user", content: simple }],
      maxOutputTokens: 12,
    });
    expect(r.route).toBe("local");
    expect(r.text).toBe(text);
    // Drafted once; the draft is the answer, not generated a second time.
    expect(decoder.steps - stepsBefore).toBeLessThanOrEqual(13);
    expect(r.decision.reasons.map((x) => x.code)).toEqual(["simple-task", "confident-local"]);
    expect(r.decision.reasons[1]?.message).toContain(mean.toFixed(2));
    expect(server.requests).toHaveLength(0);

    const s = await escalator.stream({
      conversation: "lf1",
      messages: [{ role: "user", content: simple }],
      maxOutputTokens: 12,
    });
    expect(s.route).toBe("local");
    expect((await collect(s.stream)).text).toBe(text);
  });

  it("sends an unsure local draft to the cloud, saying so", async () => {
    const { mean, p } = await draftConfidence();
    const audit = new MemoryAuditLog();
    const escalator = new Escalator({
      router: new Router({ policy: { consent: true, confidenceFloor: Math.min(1, p + 0.005) } }),
      local: new LocalGenerateModel(decoder),
      cloud: cloud(),
      anonymizer: new RedactAnonymizer(),
      audit,
      localFirst: true,
    });
    const r = await escalator.generate({
      conversation: "lf2",
      messages: [{ role: "user", content: simple }],
      maxOutputTokens: 12,
    });
    expect(r.route).toBe("cloud");
    expect(r.text).toBe(simple);
    const low = r.decision.reasons.find((x) => x.code === "low-generation-logprob");
    expect(low?.message).toContain(mean.toFixed(2));
    expect(server.requests).toHaveLength(1);
    expect(await audit.read()).toHaveLength(1);
  });

  it("does not draft what the router sends to the cloud anyway", async () => {
    const escalator = new Escalator({
      router: new Router({ policy: { consent: true, kinds: { drafting: "cloud-preferred" } } }),
      local: new LocalGenerateModel(decoder),
      cloud: cloud(),
      anonymizer: new RedactAnonymizer(),
      audit: new MemoryAuditLog(),
      localFirst: true,
    });
    const steps = decoder.steps;
    const r = await escalator.generate({
      conversation: "lf3",
      kind: "drafting",
      messages: [{ role: "user", content: simple }],
    });
    expect(r.route).toBe("cloud");
    expect(decoder.steps).toBe(steps);
  });

  it("reads the email-triage classifier's margin as a confidence signal", async () => {
    const emails = [
      "Subject: lunch on thursday?\nHi Tom, are we still on for lunch on Thursday at noon? Cheers, Ana",
      "Subject: meeting\nCan we move the meeting?",
      "Subject: invoice\nPlease find the invoice attached, payment due Friday.",
      "Subject: FREE $$$ guaranteed!!!\nClick now to claim your free cash prize, limited offer, act now!!!",
    ];
    const batch = triageBatch(emails.map((e) => featurize(e)));
    const out = await triage.run({
      input_ids: { type: "int64", data: batch.inputIds, dims: batch.dims },
      attention_mask: { type: "int64", data: batch.attentionMask, dims: batch.dims },
    });
    const logits = out.logits?.data as Float32Array;
    const margins = emails.map((_, i) => classifierMargin(softmax(logits.subarray(i * 2, i * 2 + 2))));
    // A trained classifier: sure of the obvious spam, less sure of the terse business mails.
    expect(new Set(margins.map((m) => m.toFixed(6))).size).toBe(emails.length);
    expect(margins[3]).toBeGreaterThan(0.99);
    expect(Math.min(...margins)).toBeLessThan(0.9);

    const router = new Router({ policy: { consent: true, confidenceFloor: 0.8 } });
    for (const [i, email] of emails.entries()) {
      const margin = margins[i] as number;
      const d = router.decide({ prompt: email, classifierMargin: margin });
      const low = d.reasons.find((r) => r.code === "low-classifier-margin");
      if (margin < 0.8) {
        expect(d.route).toBe("cloud");
        expect(low?.message).toContain(margin.toFixed(2));
      } else expect(low).toBeUndefined();
      // The measured margin on either side of the floor decides the route of a simple task.
      const above = new Router({ policy: { consent: true, confidenceFloor: margin - 0.001 } });
      const a = above.decide({ prompt: simple, classifierMargin: margin });
      expect(a.route).toBe("local");
      expect(a.reasons.map((r) => r.code)).toEqual(["simple-task", "confident-local"]);
      expect(a.reasons[1]?.message).toContain(`classifier margin ${margin.toFixed(2)}`);
      if (margin < 0.999) {
        const below = new Router({ policy: { consent: true, confidenceFloor: margin + 0.001 } });
        const b = below.decide({ prompt: simple, classifierMargin: margin });
        expect(b.route).toBe("cloud");
        expect(b.reasons.map((r) => r.code)).toContain("low-classifier-margin");
      }
    }

    // With a draft's log-probability too, the lower signal decides, and each one low is named.
    const { mean } = await draftConfidence();
    const both = router.decide({ prompt: simple, classifierMargin: margins[0] as number, meanTokenLogprob: mean });
    expect(both.route).toBe("cloud");
    expect(both.reasons.map((r) => r.code)).toContain("low-generation-logprob");
    expect(both.reasons.map((r) => r.code)).not.toContain("low-classifier-margin");
  });
});
