import { ConfigError } from "../errors/config-error";
import { InvalidResponseError } from "../errors/invalid-response-error";
import type {
  CallOptions,
  ContentPart,
  FinishReason,
  GenerateResult,
  LanguageModel,
  Message,
  StreamPart,
  StreamResult,
} from "../spec/language-model";
import { environmentVariable } from "./environment-variable";
import { HttpClient } from "./http-client";
import { type HttpModelOptions, trimBaseURL } from "./http-model-options";
import { providerErrorFor } from "./http-transport";
import {
  arrayField,
  isRecord,
  type JsonRecord,
  numberField,
  parseJsonRecord,
  recordField,
  stringField,
} from "./json-record";

/** Options of {@link OpenAIChatModel}. */
export interface OpenAIModelOptions extends HttpModelOptions {
  /** The name written to the audit log (default `openai`; say `ollama`, `vllm`, `llama.cpp` for those servers). */
  readonly providerName?: string;
  /** Ask for a final usage chunk when streaming (default true; some older servers reject `stream_options`). */
  readonly streamUsage?: boolean;
}

function finishReason(reason: string | undefined): FinishReason {
  switch (reason) {
    case "stop":
      return "stop";
    case "length":
      return "length";
    case "tool_calls":
    case "function_call":
      return "tool-calls";
    case "content_filter":
      return "content-filter";
    default:
      return "other";
  }
}

function toOpenAIMessages(message: Message): JsonRecord[] {
  switch (message.role) {
    case "user":
      return [{ role: "user", content: message.content }];
    case "assistant": {
      if (typeof message.content === "string") return [{ role: "assistant", content: message.content }];
      const text = message.content.flatMap((p) => (p.type === "text" ? [p.text] : [])).join("");
      const calls = message.content.flatMap((p) =>
        p.type === "tool-call"
          ? [{ id: p.toolCallId, type: "function", function: { name: p.toolName, arguments: p.input } }]
          : [],
      );
      return [
        { role: "assistant", content: text === "" ? null : text, ...(calls.length ? { tool_calls: calls } : {}) },
      ];
    }
    case "tool":
      return message.content.map((part) => ({ role: "tool", tool_call_id: part.toolCallId, content: part.output }));
  }
}

/**
 * Any OpenAI-compatible chat-completions server (`POST {baseURL}/chat/completions`): OpenAI, llama.cpp's
 * server, Ollama, vLLM. JSON and SSE streaming (`data: [DONE]`, a usage chunk, tool-call deltas). Base URL and
 * key default to `OPENAI_BASE_URL` and `OPENAI_API_KEY`; a local server needs no key.
 */
export class OpenAIChatModel implements LanguageModel {
  readonly provider: string;
  readonly remote: boolean;
  readonly modelId: string;
  private readonly baseURL: string;
  private readonly apiKey: string | undefined;
  private readonly http: HttpClient;

  constructor(private readonly options: OpenAIModelOptions) {
    if (!options.model) throw new ConfigError("OpenAIChatModel needs a model name.");
    this.modelId = options.model;
    this.provider = options.providerName ?? "openai";
    this.baseURL = trimBaseURL(
      options.baseURL ?? environmentVariable("OPENAI_BASE_URL") ?? "https://api.openai.com/v1",
    );
    this.apiKey = options.apiKey ?? environmentVariable("OPENAI_API_KEY");
    // Even a server on this machine is audited: loopback today may be a tunnel tomorrow.
    this.remote = true;
    this.http = new HttpClient(this.provider, this.modelId, options, (body) => {
      const error = isRecord(body) ? recordField(body, "error") : undefined;
      return stringField(error, "type") ?? stringField(error, "code");
    });
  }

  /** The exact JSON body a call sends. */
  requestBody(options: CallOptions, stream: boolean): string {
    const messages: JsonRecord[] = [];
    if (options.system !== undefined) messages.push({ role: "system", content: options.system });
    for (const m of options.messages) messages.push(...toOpenAIMessages(m));
    const body: Record<string, unknown> = { model: this.modelId, messages };
    if (options.tools && options.tools.length > 0) {
      body.tools = options.tools.map((t) => ({
        type: "function",
        function: {
          name: t.name,
          ...(t.description === undefined ? {} : { description: t.description }),
          parameters: t.inputSchema,
        },
      }));
    }
    const maxTokens = options.maxOutputTokens ?? this.options.maxOutputTokens;
    if (maxTokens !== undefined) body.max_tokens = maxTokens;
    if (options.temperature !== undefined) body.temperature = options.temperature;
    if (options.stopSequences && options.stopSequences.length > 0) body.stop = options.stopSequences;
    if (stream) {
      body.stream = true;
      if (this.options.streamUsage ?? true) body.stream_options = { include_usage: true };
    }
    return JSON.stringify(body);
  }

  private post(options: CallOptions, stream: boolean): Promise<Response> {
    return this.http.send(options, {
      url: `${this.baseURL}/chat/completions`,
      headers: this.apiKey === undefined ? {} : { authorization: `Bearer ${this.apiKey}` },
      body: this.requestBody(options, stream),
      stream,
    });
  }

  async doGenerate(options: CallOptions): Promise<GenerateResult> {
    const response = await this.post(options, false);
    const json = parseJsonRecord(await this.http.text(options, response), this.provider, "a response");
    const choice = arrayField(json, "choices")[0];
    if (!isRecord(choice)) throw new InvalidResponseError(`${this.provider} sent a response without choices.`);
    const message = recordField(choice, "message");
    const content: ContentPart[] = [];
    const text = stringField(message, "content");
    if (text) content.push({ type: "text", text });
    for (const call of arrayField(message, "tool_calls")) {
      if (!isRecord(call)) continue;
      const fn = recordField(call, "function");
      content.push({
        type: "tool-call",
        toolCallId: stringField(call, "id") ?? "",
        toolName: stringField(fn, "name") ?? "",
        input: stringField(fn, "arguments") ?? "{}",
      });
    }
    const usage = recordField(json, "usage");
    const id = stringField(json, "id");
    const modelId = stringField(json, "model");
    return {
      content,
      finishReason: finishReason(stringField(choice, "finish_reason")),
      usage: {
        inputTokens: numberField(usage, "prompt_tokens"),
        outputTokens: numberField(usage, "completion_tokens"),
      },
      response: { ...(id ? { id } : {}), ...(modelId ? { modelId } : {}) },
    };
  }

  async doStream(options: CallOptions): Promise<StreamResult> {
    const response = await this.post(options, true);
    return { stream: parseOpenAIStream(this.http.events(options, response), this.provider) };
  }
}

interface OpenToolCall {
  readonly id: string;
  readonly toolName: string;
  json: string;
}

async function* parseOpenAIStream(
  events: AsyncIterable<{ data: string }>,
  provider: string,
): AsyncGenerator<StreamPart, void, undefined> {
  const tools = new Map<number, OpenToolCall>();
  let textOpen = false;
  let metadataSent = false;
  let reason: string | undefined;
  let inputTokens: number | undefined;
  let outputTokens: number | undefined;
  let done = false;
  function* closeAll(): Generator<StreamPart> {
    if (textOpen) {
      textOpen = false;
      yield { type: "text-end", id: "0" };
    }
    for (const call of tools.values()) {
      yield { type: "tool-input-end", id: call.id };
      yield { type: "tool-call", toolCallId: call.id, toolName: call.toolName, input: call.json || "{}" };
    }
    tools.clear();
  }
  for await (const message of events) {
    if (message.data.trim() === "[DONE]") {
      done = true;
      break;
    }
    const chunk = parseJsonRecord(message.data, provider, "a stream chunk");
    const error = recordField(chunk, "error");
    if (error !== undefined) {
      const providerType = stringField(error, "type") ?? stringField(error, "code");
      throw providerErrorFor(provider, { retryable: false, ...(providerType ? { providerType } : {}) });
    }
    if (!metadataSent) {
      metadataSent = true;
      const id = stringField(chunk, "id");
      const modelId = stringField(chunk, "model");
      yield { type: "response-metadata", ...(id ? { id } : {}), ...(modelId ? { modelId } : {}) };
    }
    const usage = recordField(chunk, "usage");
    if (usage !== undefined) {
      inputTokens = numberField(usage, "prompt_tokens") ?? inputTokens;
      outputTokens = numberField(usage, "completion_tokens") ?? outputTokens;
    }
    const choice = arrayField(chunk, "choices")[0];
    if (!isRecord(choice)) continue;
    const delta = recordField(choice, "delta");
    const text = stringField(delta, "content");
    if (text) {
      if (!textOpen) {
        textOpen = true;
        yield { type: "text-start", id: "0" };
      }
      yield { type: "text-delta", id: "0", delta: text };
    }
    for (const raw of arrayField(delta, "tool_calls")) {
      if (!isRecord(raw)) continue;
      const index = numberField(raw, "index") ?? 0;
      const fn = recordField(raw, "function");
      let call = tools.get(index);
      if (call === undefined) {
        call = { id: stringField(raw, "id") ?? `call_${index}`, toolName: stringField(fn, "name") ?? "", json: "" };
        tools.set(index, call);
        yield { type: "tool-input-start", id: call.id, toolName: call.toolName };
      }
      const args = stringField(fn, "arguments");
      if (args) {
        call.json += args;
        yield { type: "tool-input-delta", id: call.id, delta: args };
      }
    }
    reason = stringField(choice, "finish_reason") ?? reason;
  }
  if (!done && reason === undefined) throw new InvalidResponseError(`${provider}'s stream ended before [DONE].`);
  yield* closeAll();
  yield { type: "finish", finishReason: finishReason(reason), usage: { inputTokens, outputTokens } };
}
