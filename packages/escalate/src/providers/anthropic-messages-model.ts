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
  Usage,
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

/** Options of {@link AnthropicMessagesModel}. */
export interface AnthropicModelOptions extends HttpModelOptions {
  /** `anthropic-version` header (default `2023-06-01`). */
  readonly version?: string;
}

const PROVIDER = "anthropic";

function finishReason(stopReason: string | undefined): FinishReason {
  switch (stopReason) {
    case "end_turn":
    case "stop_sequence":
    case "pause_turn":
      return "stop";
    case "max_tokens":
      return "length";
    case "tool_use":
      return "tool-calls";
    case "refusal":
      return "content-filter";
    default:
      return "other";
  }
}

function parseToolInput(input: string): unknown {
  try {
    return JSON.parse(input === "" ? "{}" : input);
  } catch {
    // Sent back as the model wrote it: an assistant turn is history, not something to repair.
    return {};
  }
}

function toAnthropicMessage(message: Message): JsonRecord {
  switch (message.role) {
    case "user":
      return { role: "user", content: message.content };
    case "assistant":
      return {
        role: "assistant",
        content:
          typeof message.content === "string"
            ? message.content
            : message.content.map((part) =>
                part.type === "text"
                  ? { type: "text", text: part.text }
                  : { type: "tool_use", id: part.toolCallId, name: part.toolName, input: parseToolInput(part.input) },
              ),
      };
    case "tool":
      return {
        role: "user",
        content: message.content.map((part) => ({
          type: "tool_result",
          tool_use_id: part.toolCallId,
          content: part.output,
        })),
      };
  }
}

/**
 * The Anthropic Messages API (`POST {baseURL}/messages`), JSON and SSE streaming. Base URL and key default to
 * `ANTHROPIC_BASE_URL` and `ANTHROPIC_API_KEY`. 429 (after `retry-after`), 529 and 5xx are retried with backoff
 * and jitter; an `error` event mid-stream is thrown as a typed error.
 */
export class AnthropicMessagesModel implements LanguageModel {
  readonly provider = PROVIDER;
  readonly remote = true;
  readonly modelId: string;
  private readonly baseURL: string;
  private readonly apiKey: string | undefined;
  private readonly http: HttpClient;

  constructor(private readonly options: AnthropicModelOptions) {
    if (!options.model) throw new ConfigError("AnthropicMessagesModel needs a model name.");
    this.modelId = options.model;
    this.baseURL = trimBaseURL(
      options.baseURL ?? environmentVariable("ANTHROPIC_BASE_URL") ?? "https://api.anthropic.com/v1",
    );
    // ANTHROPIC_BASE_URL conventionally omits /v1 (the official SDKs append it); accept both.
    if (!/\/v\d+$/.test(this.baseURL)) this.baseURL = `${this.baseURL}/v1`;
    this.apiKey = options.apiKey ?? environmentVariable("ANTHROPIC_API_KEY");
    this.http = new HttpClient(PROVIDER, this.modelId, options, (body) =>
      isRecord(body) ? stringField(recordField(body, "error"), "type") : undefined,
    );
  }

  /** The exact JSON body a call sends. */
  requestBody(options: CallOptions, stream: boolean): string {
    const body: Record<string, unknown> = {
      model: this.modelId,
      max_tokens: options.maxOutputTokens ?? this.options.maxOutputTokens ?? 1024,
    };
    if (options.system !== undefined) body.system = options.system;
    body.messages = options.messages.map(toAnthropicMessage);
    if (options.tools && options.tools.length > 0) {
      body.tools = options.tools.map((t) => ({
        name: t.name,
        ...(t.description === undefined ? {} : { description: t.description }),
        input_schema: t.inputSchema,
      }));
    }
    if (options.temperature !== undefined) body.temperature = options.temperature;
    if (options.stopSequences && options.stopSequences.length > 0) body.stop_sequences = options.stopSequences;
    if (stream) body.stream = true;
    return JSON.stringify(body);
  }

  private async post(options: CallOptions, stream: boolean): Promise<Response> {
    if (this.apiKey === undefined) {
      throw new ConfigError("No Anthropic API key: pass apiKey or set ANTHROPIC_API_KEY.");
    }
    return this.http.send(options, {
      url: `${this.baseURL}/messages`,
      headers: { "x-api-key": this.apiKey, "anthropic-version": this.options.version ?? "2023-06-01" },
      body: this.requestBody(options, stream),
      stream,
    });
  }

  async doGenerate(options: CallOptions): Promise<GenerateResult> {
    const response = await this.post(options, false);
    const json = parseJsonRecord(await this.http.text(options, response), PROVIDER, "a response");
    const content: ContentPart[] = [];
    for (const block of arrayField(json, "content")) {
      if (!isRecord(block)) continue;
      if (block.type === "text") content.push({ type: "text", text: stringField(block, "text") ?? "" });
      else if (block.type === "tool_use") {
        content.push({
          type: "tool-call",
          toolCallId: stringField(block, "id") ?? "",
          toolName: stringField(block, "name") ?? "",
          input: JSON.stringify(block.input ?? {}),
        });
      }
    }
    const usage = recordField(json, "usage");
    const id = stringField(json, "id");
    const modelId = stringField(json, "model");
    return {
      content,
      finishReason: finishReason(stringField(json, "stop_reason")),
      usage: { inputTokens: numberField(usage, "input_tokens"), outputTokens: numberField(usage, "output_tokens") },
      response: { ...(id ? { id } : {}), ...(modelId ? { modelId } : {}) },
    };
  }

  async doStream(options: CallOptions): Promise<StreamResult> {
    const response = await this.post(options, true);
    return { stream: parseAnthropicStream(this.http.events(options, response)) };
  }
}

interface OpenBlock {
  readonly kind: "text" | "tool" | "other";
  readonly id: string;
  readonly toolName?: string;
  json: string;
}

async function* parseAnthropicStream(
  events: AsyncIterable<{ event?: string | undefined; data: string }>,
): AsyncGenerator<StreamPart, void, undefined> {
  const blocks = new Map<number, OpenBlock>();
  let inputTokens: number | undefined;
  let outputTokens: number | undefined;
  let stop: string | undefined;
  let finished = false;
  for await (const message of events) {
    if (message.event === "ping") continue;
    const data = parseJsonRecord(message.data, PROVIDER, "a stream event");
    const type = message.event ?? stringField(data, "type");
    switch (type) {
      case "message_start": {
        const msg = recordField(data, "message");
        const usage = recordField(msg, "usage");
        inputTokens = numberField(usage, "input_tokens") ?? inputTokens;
        outputTokens = numberField(usage, "output_tokens") ?? outputTokens;
        const id = stringField(msg, "id");
        const modelId = stringField(msg, "model");
        yield { type: "response-metadata", ...(id ? { id } : {}), ...(modelId ? { modelId } : {}) };
        break;
      }
      case "content_block_start": {
        const index = numberField(data, "index") ?? 0;
        const block = recordField(data, "content_block");
        if (block?.type === "text") {
          blocks.set(index, { kind: "text", id: String(index), json: "" });
          yield { type: "text-start", id: String(index) };
          const initial = stringField(block, "text");
          if (initial) yield { type: "text-delta", id: String(index), delta: initial };
        } else if (block?.type === "tool_use") {
          const id = stringField(block, "id") ?? String(index);
          const toolName = stringField(block, "name") ?? "";
          blocks.set(index, { kind: "tool", id, toolName, json: "" });
          yield { type: "tool-input-start", id, toolName };
        } else {
          // thinking, redacted_thinking, server tools: not part of the answer text.
          blocks.set(index, { kind: "other", id: String(index), json: "" });
        }
        break;
      }
      case "content_block_delta": {
        const block = blocks.get(numberField(data, "index") ?? 0);
        const delta = recordField(data, "delta");
        if (block === undefined) throw new InvalidResponseError("anthropic sent a delta for a block it never started.");
        if (delta?.type === "text_delta" && block.kind === "text") {
          const text = stringField(delta, "text") ?? "";
          if (text !== "") yield { type: "text-delta", id: block.id, delta: text };
        } else if (delta?.type === "input_json_delta" && block.kind === "tool") {
          const json = stringField(delta, "partial_json") ?? "";
          block.json += json;
          if (json !== "") yield { type: "tool-input-delta", id: block.id, delta: json };
        }
        break;
      }
      case "content_block_stop": {
        const index = numberField(data, "index") ?? 0;
        const block = blocks.get(index);
        blocks.delete(index);
        if (block?.kind === "text") yield { type: "text-end", id: block.id };
        else if (block?.kind === "tool") {
          yield { type: "tool-input-end", id: block.id };
          yield {
            type: "tool-call",
            toolCallId: block.id,
            toolName: block.toolName ?? "",
            input: block.json === "" ? "{}" : block.json,
          };
        }
        break;
      }
      case "message_delta": {
        stop = stringField(recordField(data, "delta"), "stop_reason") ?? stop;
        const usage = recordField(data, "usage");
        outputTokens = numberField(usage, "output_tokens") ?? outputTokens;
        inputTokens = numberField(usage, "input_tokens") ?? inputTokens;
        break;
      }
      case "message_stop": {
        finished = true;
        const usage: Usage = { inputTokens, outputTokens };
        yield { type: "finish", finishReason: finishReason(stop), usage };
        return;
      }
      case "error": {
        const error = recordField(data, "error");
        const providerType = stringField(error, "type");
        const retryable = providerType === "overloaded_error" || providerType === "api_error";
        throw providerErrorFor(PROVIDER, { retryable, ...(providerType ? { providerType } : {}) });
      }
      default:
        // Unknown event types are allowed by the API's versioning policy: ignore them.
        break;
    }
  }
  if (!finished) throw new InvalidResponseError("anthropic's stream ended before message_stop.");
}
