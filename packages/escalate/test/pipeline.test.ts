import { join } from "node:path";
import { createRedactor, PATTERN_RECOGNIZERS, type Redactor } from "@hearth/redact";
import { pipeline } from "@hearth/runtime/node";
import { TINY_DECODER_ID } from "@hearth/zoo";
import { catalogPath } from "@hearth/zoo/node";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { RedactAnonymizer } from "../src/anonymizer/redact-anonymizer";
import { MemoryAuditLog } from "../src/audit/memory-audit-log";
import { InputTooLargeError } from "../src/errors/input-too-large-error";
import { PolicyError } from "../src/errors/policy-error";
import { DEFAULT_MAX_INPUT_CHARS, type EscalateRequest, Escalator } from "../src/pipeline/escalator";
import { PLACEHOLDER_INSTRUCTION } from "../src/pipeline/placeholder-instruction";
import { MemoryTaskQueue } from "../src/pipeline/task-queue";
import { AnthropicMessagesModel } from "../src/providers/anthropic-messages-model";
import { LocalGenerateModel, transcriptPrompt } from "../src/providers/local-generate-model";
import { OpenAIChatModel } from "../src/providers/openai-chat-model";
import { DailyBudget } from "../src/router/daily-budget";
import { Router, type RouterPolicy } from "../src/router/router";
import type { LanguageModel, Message } from "../src/spec/language-model";
import { contactsRecognizer } from "./helpers/contacts-recognizer";
import { type CorpusPrompt, loadCorpus } from "./helpers/corpus";
import { ProviderServer } from "./helpers/provider-server";

const corpus = loadCorpus();
// The user's contacts, as an app like PAM passes them: names in the address book are always redacted. The strict
// leak test runs redact's validated pattern recognizers plus the contacts; the default analyzer (with its name
// detection) is measured separately at the end of this file.
const contacts = [...new Set(corpus.flatMap((p) => p.values.filter((v) => v.type === "PERSON").map((v) => v.value)))];
const contactsAnonymizer = () =>
  new RedactAnonymizer({ analyzer: { recognizers: [...PATTERN_RECOGNIZERS, contactsRecognizer(contacts)] } });

let server: ProviderServer;
beforeAll(async () => {
  server = await ProviderServer.start({ deltaSize: 4, writeSize: 9 });
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
  server.faults.length = 0;
  server.responder = (text) => text;
  server.toolCalls = false;
});

const retry = { maxRetries: 3, baseDelayMs: 2, maxDelayMs: 10 };
const clouds: [string, () => LanguageModel][] = [
  [
    "anthropic",
    () => new AnthropicMessagesModel({ model: "claude-test", baseURL: server.url, apiKey: "test-key", retry }),
  ],
  ["openai", () => new OpenAIChatModel({ model: "gpt-test", baseURL: server.url, apiKey: "test-key", retry })],
];

function escalator(cloud: LanguageModel, anonymizer = contactsAnonymizer()) {
  const audit = new MemoryAuditLog();
  const router = new Router({ policy: { consent: true } });
  return { audit, anonymizer, escalator: new Escalator({ router, cloud, anonymizer, audit }) };
}

function leaks(received: string, prompt: CorpusPrompt): string[] {
  return prompt.values
    .map((v) => v.value)
    .filter((v) => received.includes(v) || received.includes(JSON.stringify(v).slice(1, -1)));
}

const request = (p: CorpusPrompt, extra: Partial<EscalateRequest> = {}): EscalateRequest => ({
  conversation: p.id,
  kind: p.kind,
  route: "cloud",
  messages: [{ role: "user", content: p.text }],
  ...extra,
});

async function streamText(e: Escalator, r: EscalateRequest): Promise<{ text: string; tool?: string }> {
  const s = await e.stream(r);
  let text = "";
  let tool: string | undefined;
  for await (const part of s.stream) {
    if (part.type === "text-delta") text += part.delta;
    if (part.type === "tool-call") tool = part.input;
  }
  return tool === undefined ? { text } : { text, tool };
}

describe.each(clouds)("over the 230-prompt corpus with %s", (_name, makeCloud) => {
  it("never sends an original value, restores every placeholder, and streams the same answer", async () => {
    expect(corpus.length).toBeGreaterThanOrEqual(200);
    const { escalator: e, audit } = escalator(makeCloud());
    for (const p of corpus) {
      server.requests.length = 0;
      const plain = await e.generate(request(p));
      const streamed = await streamText(e, request(p));
      const received = server.receivedText();
      expect(leaks(received, p), p.id).toEqual([]);
      // The server echoes what it received, so a full restore gives back the user's exact text.
      expect(plain.text, p.id).toBe(p.text);
      expect(streamed.text, p.id).toBe(plain.text);
      expect(plain.route).toBe("cloud");
      expect(
        plain.redacted.reduce((n, e) => n + e.count, 0),
        p.id,
      ).toBeGreaterThanOrEqual(new Set(p.values.map((v) => v.value)).size);
      expect(received).toContain(PLACEHOLDER_INSTRUCTION.slice(0, 60));
    }
    const records = await audit.read();
    expect(records).toHaveLength(corpus.length * 2);
    const logged = records.map((r) => r.body).join("\n") + JSON.stringify(records.map((r) => r.redacted));
    for (const p of corpus) expect(leaks(logged, p), p.id).toEqual([]);
  }, 60_000);
});

describe("the pipeline", () => {
  const p = corpus.find((c) => c.values.length >= 3 && c.values.some((v) => v.type === "PERSON"))!;

  it.each(clouds)("restores tool-call arguments, plain and streamed (%s)", async (_n, makeCloud) => {
    server.toolCalls = true;
    const { escalator: e } = escalator(makeCloud());
    const tools = [{ name: "save_note", inputSchema: { type: "object", properties: { text: { type: "string" } } } }];
    const plain = await e.generate(request(p, { tools }));
    expect(JSON.parse(plain.toolCalls[0]?.input ?? "")).toEqual({ text: p.text });
    const streamed = await streamText(e, request(p, { tools }));
    expect(JSON.parse(streamed.tool ?? "")).toEqual({ text: p.text });
    for (const v of p.values) expect(server.receivedText()).not.toContain(v.value);
  });

  it("JSON-escapes restored values inside tool arguments", async () => {
    server.toolCalls = true;
    const text = 'Send "the list" to Margaret O\'Brien at margaret.obrien@example.ie, path C:\\notes.';
    const { escalator: e } = escalator(clouds[0]![1]());
    const r = await e.generate({
      conversation: "esc",
      route: "cloud",
      messages: [{ role: "user", content: text }],
      tools: [{ name: "save_note", inputSchema: { type: "object" } }],
    });
    expect(JSON.parse(r.toolCalls[0]?.input ?? "")).toEqual({ text });
  });

  it("keeps placeholders the same across turns of one conversation, and apart between conversations", async () => {
    const { escalator: e } = escalator(clouds[1]![1]());
    const first = "Email Sofia Rossi at sofia.rossi@example.com about the move.";
    const answer1 = await e.generate({
      conversation: "c1",
      route: "cloud",
      messages: [{ role: "user", content: first }],
    });
    const second = "Also tell Sofia Rossi that Lukas Müller will help.";
    await e.generate({
      conversation: "c1",
      route: "cloud",
      messages: [
        { role: "user", content: first },
        { role: "assistant", content: answer1.text },
        { role: "user", content: second },
      ],
    });
    await e.generate({
      conversation: "c2",
      route: "cloud",
      messages: [{ role: "user", content: "Call Lukas Müller." }],
    });
    const bodies = server.requests.map((r) => r.body.toString());
    expect(bodies[0]).toContain("[PERSON_1]");
    const turn2 = JSON.parse(bodies[1] ?? "{}").messages as { content: string }[];
    expect(turn2.at(-1)?.content).toContain("[PERSON_1]");
    expect(turn2.at(-1)?.content).toContain("[PERSON_2]");
    expect(turn2[1]?.content).toBe(JSON.parse(bodies[0] ?? "{}").messages[1].content);
    expect(JSON.parse(bodies[2] ?? "{}").messages.at(-1).content).toBe("Call [PERSON_1].");
  });

  it("restores slightly changed placeholders and leaves invented ones visible", async () => {
    server.responder = (t) =>
      `${t.replace(/\[PERSON_(\d+)\]/g, "[Person $1]").replace(/\[EMAIL_(\d+)\]/g, "EMAIL_$1")} Also cc [PERSON_99].`;
    const { escalator: e } = escalator(clouds[0]![1]());
    const text = "Write to Sofia Rossi (sofia.rossi@example.com) today.";
    const plain = await e.generate({ conversation: "m", route: "cloud", messages: [{ role: "user", content: text }] });
    expect(plain.text).toBe(`${text} Also cc [PERSON_99].`);
    const streamed = await streamText(e, {
      conversation: "m",
      route: "cloud",
      messages: [{ role: "user", content: text }],
    });
    expect(streamed.text).toBe(plain.text);
  });

  it("survives 429, 529 and 500 before success, auditing every attempt that left", async () => {
    const { escalator: e, audit } = escalator(clouds[0]![1]());
    server.faults.push(
      { kind: "status", status: 429, retryAfter: "0" },
      { kind: "status", status: 529, errorType: "overloaded_error" },
      { kind: "status", status: 500 },
    );
    const r = await e.generate(request(p));
    expect(r.text).toBe(p.text);
    const records = await audit.read();
    expect(records.map((x) => x.attempt)).toEqual([1, 2, 3, 4]);
    expect(new Set(records.map((x) => x.body)).size).toBe(1);
    expect(records[0]?.body).toBe(server.requests[0]?.body.toString());
    expect(records[0]).toMatchObject({ v: 1, provider: "anthropic", model: "claude-test", conversation: p.id });
    expect(records[0]?.redacted.map((x) => x.type)).toContain("PERSON");
  });

  it("does not send when the audit log cannot be written", async () => {
    const anonymizer = contactsAnonymizer();
    const e = new Escalator({
      router: new Router({ policy: { consent: true } }),
      cloud: clouds[1]![1](),
      anonymizer,
      audit: {
        append: async () => {
          throw new Error("disk full");
        },
        read: async () => [],
      },
    });
    await expect(e.generate(request(p))).rejects.toThrow("disk full");
    expect(server.requests).toHaveLength(0);
  });

  it("refuses a request larger than maxInputChars with E_TOO_LARGE, before routing, sending or queueing", async () => {
    const audit = new MemoryAuditLog();
    const queue = new MemoryTaskQueue();
    const make = (maxInputChars?: number) =>
      new Escalator({
        router: new Router({ policy: { consent: true, whenOffline: "queue" }, online: () => false }),
        cloud: clouds[0]![1](),
        anonymizer: contactsAnonymizer(),
        audit,
        queue,
        ...(maxInputChars === undefined ? {} : { maxInputChars }),
      });
    // A hostile prompt: past the default limit, it would hold the device's single thread for seconds of redaction.
    const huge = `${p.text} `.repeat(Math.ceil(DEFAULT_MAX_INPUT_CHARS / p.text.length) + 1);
    const error = await make()
      .generate(request(p, { messages: [{ role: "user", content: huge }] }))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputTooLargeError);
    expect(error).toMatchObject({ code: "E_TOO_LARGE", chars: huge.length, maxChars: DEFAULT_MAX_INPUT_CHARS });
    expect(String((error as Error).message)).not.toContain(p.values[0]!.value);
    // Every message counts, the system prompt and tool results included.
    const small = make(p.text.length + 10);
    const history: EscalateRequest = request(p, {
      route: "auto",
      system: "Be brief.",
      messages: [
        { role: "user", content: p.text },
        { role: "assistant", content: [{ type: "tool-call", toolCallId: "1", toolName: "look", input: "{}" }] },
        { role: "tool", content: [{ type: "tool-result", toolCallId: "1", toolName: "look", output: "x".repeat(20) }] },
      ],
    });
    await expect(small.stream(history)).rejects.toMatchObject({ code: "E_TOO_LARGE" });
    expect(server.requests).toHaveLength(0);
    expect(await audit.read()).toEqual([]);
    expect(await queue.list()).toEqual([]);
    for (const bad of [0, -1, 1.5, Number.NaN])
      expect(() => make(bad)).toThrow(expect.objectContaining({ code: "E_ARGUMENT" }));
  });

  it("routes local when offline, with the reason, and never calls the cloud", async () => {
    const decoder = await pipeline("generate", join(catalogPath(), TINY_DECODER_ID));
    try {
      const local = new LocalGenerateModel(decoder);
      const audit = new MemoryAuditLog();
      const e = new Escalator({
        router: new Router({ policy: { consent: true }, online: () => false }),
        cloud: clouds[0]![1](),
        local,
        anonymizer: new RedactAnonymizer(),
        audit,
      });
      const r = await e.generate(request(p, { route: "auto", maxOutputTokens: 8 }));
      expect(r.route).toBe("local");
      expect(r.decision.reasons.map((x) => x.code)).toContain("offline-local");
      // The local model got the original text (nothing leaves, so nothing is redacted).
      const direct = await decoder.run(transcriptPrompt(undefined, [{ role: "user", content: p.text }]), {
        maxTokens: 8,
      });
      expect(r.text).toBe(direct.text);
      expect(r.redacted).toEqual([]);
      expect(server.requests).toHaveLength(0);
      expect(await audit.read()).toEqual([]);
    } finally {
      await decoder.dispose();
    }
  });

  /** An escalator that queues cloud tasks once `budget` is spent. */
  const queueingEscalator = (budget: DailyBudget, audit: MemoryAuditLog) =>
    new Escalator({
      router: new Router({
        policy: { consent: true, whenBudgetExhausted: "queue", expectedOutputTokens: 100 },
        budget,
      }),
      cloud: clouds[1]![1](),
      anonymizer: contactsAnonymizer(),
      audit,
      budget,
    });

  it("queues when the budget is spent, and sends the queue once it renews", async () => {
    let now = new Date(2025, 0, 1, 12);
    const budget = new DailyBudget({ tokensPerDay: 1_500, now: () => now });
    const audit = new MemoryAuditLog();
    const e = queueingEscalator(budget, audit);
    const sent: string[] = [];
    for (const c of corpus.slice(0, 12)) {
      const r = await e.generate(request(c));
      sent.push(r.route);
      if (r.route === "queue") {
        expect(r.decision.reasons[0]?.code).toBe("budget-exhausted-queue");
        expect(r.queued?.request.messages[0]).toEqual({ role: "user", content: c.text });
      }
    }
    expect(sent).toContain("cloud");
    expect(sent).toContain("queue");
    const waiting = (await e.queued()).length;
    expect(waiting).toBe(sent.filter((s) => s === "queue").length);
    expect(await e.flushQueue()).toEqual([]);
    now = new Date(2025, 0, 2, 9);
    const flushed = await e.flushQueue();
    expect(flushed.length).toBeGreaterThan(0);
    for (const { task, result } of flushed) {
      expect(result.route).toBe("cloud");
      expect(result.text).toBe((task.request.messages[0] as { content: string }).content);
    }
    expect((await e.queued()).length).toBe(waiting - flushed.length);
  });

  it("checks the budget against the whole conversation it would send, not only the last message", async () => {
    const budget = new DailyBudget({ tokensPerDay: 600 });
    const e = queueingEscalator(budget, new MemoryAuditLog());
    const history: Message[] = corpus
      .slice(0, 12)
      .map((c, i) => (i % 2 === 0 ? { role: "user", content: c.text } : { role: "assistant", content: c.text }));
    const long = await e.generate({
      conversation: "long",
      route: "cloud",
      messages: [...history, { role: "user", content: "Go on." }],
    });
    expect(long.route).toBe("queue");
    expect(long.decision.reasons[0]?.code).toBe("budget-exhausted-queue");
    expect(server.requests).toHaveLength(0);
    const short = await e.generate({
      conversation: "short",
      route: "cloud",
      messages: [{ role: "user", content: "Go on." }],
    });
    expect(short.route).toBe("cloud");
  });

  it.each(clouds)("charges the budget with what a streamed call used (%s)", async (_n, makeCloud) => {
    const budget = new DailyBudget({ tokensPerDay: 1_000_000 });
    const e = new Escalator({
      router: new Router({ policy: { consent: true }, budget }),
      cloud: makeCloud(),
      anonymizer: contactsAnonymizer(),
      audit: new MemoryAuditLog(),
      budget,
    });
    let usage: { inputTokens: number | undefined; outputTokens: number | undefined } | undefined;
    for await (const part of (await e.stream(request(p))).stream) if (part.type === "finish") usage = part.usage;
    expect(usage?.inputTokens).toBeGreaterThan(0);
    expect(usage?.outputTokens).toBeGreaterThan(0);
    expect(budget.snapshot().tokens).toBe((usage?.inputTokens ?? 0) + (usage?.outputTokens ?? 0));
  });

  it("keeps a queued task's confidence signals, so it still goes to the cloud once online", async () => {
    let online = false;
    const e = new Escalator({
      router: new Router({ policy: { consent: true, whenOffline: "queue" }, online: () => online }),
      cloud: clouds[1]![1](),
      anonymizer: contactsAnonymizer(),
      audit: new MemoryAuditLog(),
    });
    const simple = "Translate 'see you soon' into Italian.";
    const queued = await e.generate({
      conversation: "q",
      messages: [{ role: "user", content: simple }],
      classifierMargin: 0.05,
    });
    expect(queued.route).toBe("queue");
    expect(queued.decision.reasons.map((r) => r.code).slice(0, 2)).toEqual(["offline-queue", "low-classifier-margin"]);
    expect(queued.queued?.request.classifierMargin).toBe(0.05);
    online = true;
    const [flushed] = await e.flushQueue();
    expect(flushed?.result.route).toBe("cloud");
    expect(flushed?.result.text).toBe(simple);
    expect(server.requests).toHaveLength(1);
  });

  it("keeps a task local when it holds a PII type policy never sends: E_POLICY without a local model", async () => {
    const make = (policy: RouterPolicy) =>
      new Escalator({
        router: new Router({ policy }),
        cloud: clouds[0]![1](),
        anonymizer: new RedactAnonymizer(),
        audit: new MemoryAuditLog(),
      });
    const ask = (content: string): EscalateRequest => ({
      conversation: "s",
      route: "cloud",
      messages: [{ role: "user", content }],
    });
    const refused = await make({ consent: true, refuseTypes: ["US_SSN"] })
      .generate(ask("My SSN is 536-22-8476."))
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(PolicyError);
    expect(refused).toMatchObject({ code: "E_POLICY" });
    expect(String((refused as Error).message)).toContain("pii-type-refused");
    expect(String((refused as Error).message)).not.toContain("536-22-8476");
    await expect(make({ consent: false }).generate(ask("Plan my week."))).rejects.toMatchObject({ code: "E_POLICY" });
    // A task kept local on complexity alone is a configuration gap, not a policy.
    await expect(make({ consent: true }).generate({ ...ask("Hi."), route: "auto" })).rejects.toMatchObject({
      code: "E_CONFIG",
    });
    expect(server.requests).toHaveLength(0);
  });
});

describe("a conversation's history", () => {
  /** An anonymizer on the contacts analyzer that records every text it analyzes. */
  function counting(rememberTexts?: number) {
    const base = createRedactor({ recognizers: [...PATTERN_RECOGNIZERS, contactsRecognizer(contacts)] });
    const analyzed: string[] = [];
    const redactor: Redactor = {
      ...base,
      redact: (text, vault, options) => {
        analyzed.push(text);
        return base.redact(text, vault, options);
      },
    };
    const anonymizer = new RedactAnonymizer({ redactor, ...(rememberTexts === undefined ? {} : { rememberTexts }) });
    return { analyzed, anonymizer };
  }

  /** Five turns of one conversation, each answer kept in the history; returns the bodies the server received. */
  async function converse(anonymizer: RedactAnonymizer, turns: readonly string[], edit?: (m: Message[]) => Message[]) {
    server.requests.length = 0;
    // Answers that are new text, as a model's are (a bare echo would repeat the user's message).
    server.responder = (text) => `Noted: ${text}`;
    const e = new Escalator({
      router: new Router({ policy: { consent: true } }),
      cloud: clouds[0]![1](),
      anonymizer,
      audit: new MemoryAuditLog(),
    });
    let messages: Message[] = [];
    const system = "You help Sofia Rossi with her calendar.";
    for (const [i, turn] of turns.entries()) {
      messages.push({ role: "user", content: turn });
      if (edit && i === turns.length - 1) messages = edit(messages);
      const r = await e.generate({ conversation: "history", route: "cloud", system, messages });
      messages.push({ role: "assistant", content: r.text });
    }
    return { bodies: server.requests.map((r) => r.body.toString("utf8")), messages };
  }

  const turns = corpus
    .filter((c) => c.values.length >= 2)
    .slice(0, 5)
    .map((c) => c.text);

  it("analyzes only each turn's new text, and sends the same bytes as analyzing everything again", async () => {
    const remembering = counting();
    const fresh = counting(0);
    const ours = await converse(remembering.anonymizer, turns);
    const before = await converse(fresh.anonymizer, turns);
    expect(ours.bodies).toHaveLength(5);
    expect(ours.bodies).toEqual(before.bodies);
    for (const v of corpus.filter((c) => turns.includes(c.text)).flatMap((c) => c.values)) {
      expect(ours.bodies.join("\n")).not.toContain(v.value);
    }
    // Turn 1: the system prompt and the first message. Each later turn: the previous answer and the new message.
    expect(remembering.analyzed).toHaveLength(2 + 2 * 4);
    expect(new Set(remembering.analyzed).size).toBe(remembering.analyzed.length);
    // Analyzing everything again: the system prompt and every message, every turn (1 + 1, 1 + 3, ..., 1 + 9).
    expect(fresh.analyzed).toHaveLength(5 + (1 + 3 + 5 + 7 + 9));
  });

  it("analyzes an earlier message again when it changed", async () => {
    const changed = "Actually, write to Lukas Müller (lukas.muller@example.com) instead.";
    const edit = (m: Message[]): Message[] => [{ role: "user", content: changed }, ...m.slice(1)];
    const remembering = counting();
    const ours = await converse(remembering.anonymizer, turns, edit);
    const before = await converse(counting(0).anonymizer, turns, edit);
    expect(ours.bodies).toEqual(before.bodies);
    expect(remembering.analyzed.filter((t) => t === changed)).toHaveLength(1);
    const last = JSON.parse(ours.bodies.at(-1) ?? "{}").messages as { content: string }[];
    expect(last[0]?.content).toMatch(/^Actually, write to \[PERSON_\d+\] \(\[EMAIL_\d+\]\) instead\.$/);
    expect(ours.bodies.at(-1)).not.toContain("lukas.muller@example.com");
  });
});

describe("with the default analyzer alone (no contact list)", () => {
  it("leaks no email, phone, address, IBAN, card or SSN, and finds most names", async () => {
    const { escalator: e } = escalator(clouds[1]![1](), new RedactAnonymizer());
    let names = 0;
    let caught = 0;
    for (const p of corpus) {
      server.requests.length = 0;
      const r = await e.generate(request(p));
      expect(r.text).toBe(p.text);
      const received = server.receivedText();
      for (const v of p.values) {
        if (v.type === "PERSON") {
          names++;
          if (!received.includes(v.value)) caught++;
        } else expect(received, `${p.id} ${v.type}`).not.toContain(v.value);
      }
    }
    expect(caught / names).toBeGreaterThanOrEqual(0.9);
  }, 60_000);
});
