import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { AnthropicMessagesModel } from "../src/providers/anthropic-messages-model";
import { OpenAIChatModel } from "../src/providers/openai-chat-model";
import type { LanguageModel, OutgoingRequest, StreamPart } from "../src/spec/language-model";
import { ProviderServer } from "./helpers/provider-server";

let server: ProviderServer;
beforeAll(async () => {
  server = await ProviderServer.start({ writeSize: 3, writeDelayMs: 1 });
});
afterAll(() => server.close());
beforeEach(() => {
  server.faults.length = 0;
  server.requests.length = 0;
  server.responder = (text) => text;
  server.toolCalls = false;
  server.thinking = false;
});

const fast = { maxRetries: 3, baseDelayMs: 5, maxDelayMs: 20 };
const models: [string, () => LanguageModel][] = [
  [
    "anthropic",
    () => new AnthropicMessagesModel({ model: "claude-test", baseURL: server.url, apiKey: "test-key", retry: fast }),
  ],
  ["openai", () => new OpenAIChatModel({ model: "gpt-test", baseURL: server.url, apiKey: "test-key", retry: fast })],
];

async function collect(model: LanguageModel, prompt: string, signal?: AbortSignal) {
  const { stream } = await model.doStream({
    messages: [{ role: "user", content: prompt }],
    tools: [{ name: "save_note", inputSchema: { type: "object", properties: { text: { type: "string" } } } }],
    ...(signal ? { abortSignal: signal } : {}),
  });
  const parts: StreamPart[] = [];
  for await (const part of stream) parts.push(part);
  const text = parts.flatMap((p) => (p.type === "text-delta" ? [p.delta] : [])).join("");
  return { parts, text };
}

describe.each(models)("%s provider", (_name, make) => {
  const prompt = "Grüße aus Zürich 🎉: 日本語のテキスト, naïve café — done.";

  it("answers a JSON request", async () => {
    const result = await make().doGenerate({ messages: [{ role: "user", content: prompt }], system: "be brief" });
    expect(result.content).toEqual([{ type: "text", text: prompt }]);
    expect(result.finishReason).toBe("stop");
    expect(result.usage.outputTokens).toBeGreaterThan(0);
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]?.body.toString()).toContain("be brief");
  });

  it("streams with SSE lines and UTF-8 code points split across TCP writes", async () => {
    const { parts, text } = await collect(make(), prompt);
    expect(text).toBe(prompt);
    expect(parts.filter((p) => p.type === "text-delta").length).toBeGreaterThan(5);
    expect(parts.at(-1)).toMatchObject({ type: "finish", finishReason: "stop" });
    const finish = parts.at(-1);
    if (finish?.type === "finish") expect(finish.usage.inputTokens).toBeGreaterThan(0);
  });

  it("streams tool-call arguments and finishes with tool-calls", async () => {
    server.toolCalls = true;
    const { parts } = await collect(make(), prompt);
    const call = parts.find((p) => p.type === "tool-call");
    expect(call).toMatchObject({ type: "tool-call", toolName: "save_note" });
    if (call?.type === "tool-call") expect(JSON.parse(call.input)).toEqual({ text: prompt });
    const deltas = parts.flatMap((p) => (p.type === "tool-input-delta" ? [p.delta] : [])).join("");
    if (call?.type === "tool-call") expect(deltas).toBe(call.input);
    expect(parts.at(-1)).toMatchObject({ type: "finish", finishReason: "tool-calls" });
  });

  it("returns tool calls from a JSON request", async () => {
    server.toolCalls = true;
    const result = await make().doGenerate({
      messages: [{ role: "user", content: prompt }],
      tools: [{ name: "save_note", inputSchema: { type: "object" } }],
    });
    const call = result.content.find((p) => p.type === "tool-call");
    expect(call?.type === "tool-call" && JSON.parse(call.input)).toEqual({ text: prompt });
    expect(result.finishReason).toBe("tool-calls");
  });

  it("retries 429 (retry-after), 529 and 500, then succeeds, reporting every attempt", async () => {
    server.faults.push(
      { kind: "status", status: 429, retryAfter: "0" },
      { kind: "status", status: 529, errorType: "overloaded_error" },
      { kind: "status", status: 500 },
    );
    const seen: OutgoingRequest[] = [];
    const result = await make().doGenerate({
      messages: [{ role: "user", content: "hello" }],
      onRequest: (r) => {
        seen.push(r);
      },
    });
    expect(result.content).toEqual([{ type: "text", text: "hello" }]);
    expect(seen.map((r) => r.attempt)).toEqual([1, 2, 3, 4]);
    expect(server.requests).toHaveLength(4);
    expect(new TextDecoder().decode(seen[0]?.body)).toBe(server.requests[0]?.body.toString());
  });

  it("waits as long as retry-after says, and gives up at once when it says too long", async () => {
    server.faults.push({ kind: "status", status: 429, retryAfter: "1" });
    const started = performance.now();
    const result = await make().doGenerate({ messages: [{ role: "user", content: "later" }] });
    expect(result.content).toEqual([{ type: "text", text: "later" }]);
    // The backoff alone would be a few ms; the server asked for a second.
    expect(performance.now() - started).toBeGreaterThanOrEqual(950);
    expect(server.requests).toHaveLength(2);

    server.requests.length = 0;
    server.faults.push({ kind: "status", status: 429, retryAfter: "3600" });
    const error = await make()
      .doGenerate({ messages: [{ role: "user", content: "x" }] })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "E_RATE_LIMITED", status: 429, retryAfterMs: 3_600_000 });
    expect(server.requests).toHaveLength(1);
  });

  it("throws a typed error when retries run out", async () => {
    for (let i = 0; i < 4; i++) server.faults.push({ kind: "status", status: 429, retryAfter: "0" });
    await expect(make().doGenerate({ messages: [{ role: "user", content: "x" }] })).rejects.toMatchObject({
      code: "E_RATE_LIMITED",
      status: 429,
    });
    for (let i = 0; i < 4; i++) server.faults.push({ kind: "status", status: 529, errorType: "overloaded_error" });
    await expect(make().doStream({ messages: [{ role: "user", content: "x" }] })).rejects.toMatchObject({
      code: "E_OVERLOADED",
    });
  });

  it("does not retry a 400 and says no content", async () => {
    server.faults.push({ kind: "status", status: 400, errorType: "invalid_request_error" });
    const error = await make()
      .doGenerate({ messages: [{ role: "user", content: "secret words" }] })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "E_PROVIDER", status: 400, retryable: false });
    expect(String((error as Error).message)).not.toContain("secret");
    expect(server.requests).toHaveLength(1);
  });

  it("times out a stalled request and retries it", async () => {
    server.faults.push({ kind: "stall-headers" });
    const model =
      _name === "anthropic"
        ? new AnthropicMessagesModel({
            model: "m",
            baseURL: server.url,
            apiKey: "test-key",
            retry: fast,
            timeoutMs: 300,
          })
        : new OpenAIChatModel({ model: "m", baseURL: server.url, apiKey: "test-key", retry: fast, timeoutMs: 300 });
    const result = await model.doGenerate({ messages: [{ role: "user", content: "after a stall" }] });
    expect(result.content).toEqual([{ type: "text", text: "after a stall" }]);
    expect(server.requests).toHaveLength(2);
  });

  it("throws E_TIMEOUT when a stream stalls mid-way", async () => {
    server.faults.push({ kind: "stall-stream" });
    const model =
      _name === "anthropic"
        ? new AnthropicMessagesModel({ model: "m", baseURL: server.url, apiKey: "test-key", idleTimeoutMs: 300 })
        : new OpenAIChatModel({ model: "m", baseURL: server.url, apiKey: "test-key", idleTimeoutMs: 300 });
    await expect(collect(model, "a long enough answer to stall in the middle")).rejects.toMatchObject({
      code: "E_TIMEOUT",
    });
  });

  it("throws a typed error for an error event mid-stream", async () => {
    server.faults.push({ kind: "stream-error", errorType: "overloaded_error" });
    await expect(collect(make(), "a long enough answer to fail in the middle")).rejects.toMatchObject({
      code: "E_OVERLOADED",
    });
  });

  it("throws E_TIMEOUT when a JSON answer stalls after its headers", async () => {
    server.faults.push({ kind: "stall-body" });
    const options = { model: "m", baseURL: server.url, apiKey: "test-key", idleTimeoutMs: 300 };
    const model = _name === "anthropic" ? new AnthropicMessagesModel(options) : new OpenAIChatModel(options);
    await expect(model.doGenerate({ messages: [{ role: "user", content: "a stalled answer" }] })).rejects.toMatchObject(
      { code: "E_TIMEOUT" },
    );
  });

  it("throws E_OFFLINE when the connection drops mid-answer, whole or streamed", async () => {
    server.faults.push({ kind: "drop" });
    const whole = await make()
      .doGenerate({ messages: [{ role: "user", content: "an answer cut off by a reset" }] })
      .catch((e: unknown) => e);
    expect(whole).toMatchObject({ code: "E_OFFLINE" });
    server.faults.push({ kind: "drop" });
    const streamed = await collect(make(), "a long enough answer to be cut off by a reset").catch((e: unknown) => e);
    expect(streamed).toMatchObject({ code: "E_OFFLINE" });
    expect(String((streamed as Error).message)).not.toContain("long enough");
  });

  it("throws E_RESPONSE for a stream cut short, an event that is not JSON, or an answer that is not JSON", async () => {
    server.faults.push({ kind: "truncate" });
    await expect(collect(make(), "a long enough answer to be cut short")).rejects.toMatchObject({
      code: "E_RESPONSE",
    });
    server.faults.push({ kind: "garbage" });
    await expect(collect(make(), "a long enough answer to be garbled")).rejects.toMatchObject({ code: "E_RESPONSE" });
    server.faults.push({ kind: "garbage" });
    const error = await make()
      .doGenerate({ messages: [{ role: "user", content: "secret words in a garbled answer" }] })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "E_RESPONSE" });
    expect(String((error as Error).message)).not.toContain("secret");
  });

  it("stops at once when aborted, before or during a call", async () => {
    const before = new AbortController();
    before.abort();
    await expect(
      make().doGenerate({ messages: [{ role: "user", content: "x" }], abortSignal: before.signal }),
    ).rejects.toMatchObject({ code: "E_ABORTED" });
    expect(server.requests).toHaveLength(0);
    server.faults.push({ kind: "stall-stream" });
    const during = new AbortController();
    const pending = collect(make(), "a long enough answer to abort in the middle", during.signal);
    setTimeout(() => during.abort(), 100);
    await expect(pending).rejects.toMatchObject({ code: "E_ABORTED" });
  });

  it("reports an unreachable server as E_OFFLINE", async () => {
    const closed = await ProviderServer.start();
    const url = closed.url;
    await closed.close();
    const model =
      _name === "anthropic"
        ? new AnthropicMessagesModel({
            model: "m",
            baseURL: url,
            apiKey: "k",
            retry: { maxRetries: 1, baseDelayMs: 1 },
          })
        : new OpenAIChatModel({ model: "m", baseURL: url, apiKey: "k", retry: { maxRetries: 1, baseDelayMs: 1 } });
    await expect(model.doGenerate({ messages: [{ role: "user", content: "x" }] })).rejects.toMatchObject({
      code: "E_OFFLINE",
    });
  });
});

describe("anthropic stream events", () => {
  it("skips thinking blocks, signature deltas and event types it does not know, keeping block indexes", async () => {
    server.thinking = true;
    try {
      server.toolCalls = true;
      const model = new AnthropicMessagesModel({
        model: "claude-test",
        baseURL: server.url,
        apiKey: "test-key",
        retry: fast,
      });
      const { parts, text } = await collect(model, "Thursday at 3 works for me.");
      expect(text).toBe("Thursday at 3 works for me.");
      expect(text).not.toContain("restate");
      expect(parts.find((p) => p.type === "text-start")).toEqual({ type: "text-start", id: "1" });
      const call = parts.find((p) => p.type === "tool-call");
      expect(call?.type === "tool-call" && JSON.parse(call.input)).toEqual({ text: "Thursday at 3 works for me." });
      expect(parts.at(-1)).toMatchObject({ type: "finish", finishReason: "tool-calls" });
    } finally {
      server.thinking = false;
    }
  });
});

describe("openai-compatible servers without a usage chunk", () => {
  it("leaves stream_options out with streamUsage: false, and finishes with unknown usage", async () => {
    const model = new OpenAIChatModel({
      model: "llama3.1:8b",
      baseURL: server.url,
      apiKey: "test-key",
      providerName: "ollama",
      streamUsage: false,
    });
    const { parts, text } = await collect(model, "no usage here, please");
    expect(text).toBe("no usage here, please");
    expect(server.requests[0]?.json.stream_options).toBeUndefined();
    expect(parts.at(-1)).toEqual({
      type: "finish",
      finishReason: "stop",
      usage: { inputTokens: undefined, outputTokens: undefined },
    });
  });
});

describe("configuration", () => {
  it("reads base URLs and keys from the conventional environment variables", async () => {
    const saved = { ...process.env };
    try {
      process.env.ANTHROPIC_BASE_URL = server.url.replace(/\/v1$/, "");
      process.env.ANTHROPIC_API_KEY = "test-key";
      process.env.OPENAI_BASE_URL = server.url;
      process.env.OPENAI_API_KEY = "test-key";
      const a = await new AnthropicMessagesModel({ model: "m" }).doGenerate({
        messages: [{ role: "user", content: "via env" }],
      });
      const o = await new OpenAIChatModel({ model: "m" }).doGenerate({
        messages: [{ role: "user", content: "via env" }],
      });
      expect(a.content).toEqual([{ type: "text", text: "via env" }]);
      expect(o.content).toEqual([{ type: "text", text: "via env" }]);
    } finally {
      process.env = saved;
    }
  });

  it("refuses a nonsensical timeout or retry policy with E_ARGUMENT, before any request", () => {
    for (const bad of [
      { timeoutMs: 0 },
      { idleTimeoutMs: -1 },
      { timeoutMs: Number.NaN },
      { retry: { maxRetries: 1.5 } },
    ]) {
      expect(() => new AnthropicMessagesModel({ model: "m", baseURL: server.url, apiKey: "k", ...bad })).toThrow(
        expect.objectContaining({ code: "E_ARGUMENT" }),
      );
      expect(() => new OpenAIChatModel({ model: "m", baseURL: server.url, ...bad })).toThrow(
        expect.objectContaining({ code: "E_ARGUMENT" }),
      );
    }
    expect(server.requests).toHaveLength(0);
  });

  it("refuses to call Anthropic without a key", async () => {
    const saved = process.env.ANTHROPIC_API_KEY;
    delete process.env.ANTHROPIC_API_KEY;
    try {
      const model = new AnthropicMessagesModel({ model: "m", baseURL: server.url });
      await expect(model.doGenerate({ messages: [{ role: "user", content: "x" }] })).rejects.toMatchObject({
        code: "E_CONFIG",
      });
    } finally {
      if (saved !== undefined) process.env.ANTHROPIC_API_KEY = saved;
    }
  });
});
