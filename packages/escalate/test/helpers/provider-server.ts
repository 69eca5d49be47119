// A loopback HTTP server that speaks the Anthropic Messages and OpenAI chat-completions wire formats, JSON and
// SSE, with fault modes: retryable statuses, stalls, error events, placeholders mangled or invented, and frames
// split across TCP writes (mid-line, mid-UTF-8 code point). It records every request body as raw bytes, so a
// test can assert that no original PII value ever reached it.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** One fault, consumed by the next request. */
export type Fault =
  | { readonly kind: "status"; readonly status: number; readonly retryAfter?: string; readonly errorType?: string }
  /** Never answers (until the client gives up). */
  | { readonly kind: "stall-headers" }
  /** Sends headers and a few deltas, then goes silent. */
  | { readonly kind: "stall-stream" }
  /** Sends a few deltas then an error event (Anthropic `event: error`, OpenAI `data: {"error":...}`). */
  | { readonly kind: "stream-error"; readonly errorType: string }
  /** A JSON answer: headers and half the body, then silence. */
  | { readonly kind: "stall-body" }
  /** Part of the body (a JSON answer) or a few events (a stream), then the connection is destroyed. */
  | { readonly kind: "drop" }
  /** A stream: a few events, then a clean end without `message_stop` or `[DONE]`. */
  | { readonly kind: "truncate" }
  /** A stream: one event whose data is not JSON, amid good ones; a JSON answer: a 200 whose body is not JSON. */
  | { readonly kind: "garbage" };

/** What the model "answers", given the last user message text. */
export type Responder = (userText: string, request: RecordedRequest) => string;

export interface RecordedRequest {
  readonly path: string;
  readonly headers: IncomingMessage["headers"];
  /** The exact bytes received. */
  readonly body: Buffer;
  readonly json: Record<string, unknown>;
}

export interface ProviderServerOptions {
  /** Characters per text delta (default 5), so placeholders are cut across deltas. */
  readonly deltaSize?: number;
  /** Bytes per TCP write (default 7): SSE lines and UTF-8 code points are cut across writes. */
  readonly writeSize?: number;
  /** Wait between writes in ms; 0 yields to the event loop only (default 0). */
  readonly writeDelayMs?: number;
  /** Required `x-api-key` / bearer token (default "test-key"). */
  readonly apiKey?: string;
}

/** A frame of a stream, or what to do to the connection instead. */
type Frame = string | "STALL" | "DROP" | "END";

/** Every request whose body the tests send is JSON; this reads the last user turn's text in either format. */
function lastUserText(json: Record<string, unknown>): string {
  const messages = Array.isArray(json.messages) ? (json.messages as Record<string, unknown>[]) : [];
  for (let i = messages.length - 1; i >= 0; i--) {
    const m = messages[i];
    if (m?.role !== "user") continue;
    if (typeof m.content === "string") return m.content;
  }
  return "";
}

function chunkText(text: string, size: number): string[] {
  const points = Array.from(text);
  const out: string[] = [];
  for (let i = 0; i < points.length; i += size) out.push(points.slice(i, i + size).join(""));
  return out;
}

export class ProviderServer {
  readonly requests: RecordedRequest[] = [];
  /** Faults for the next requests, first one first. */
  readonly faults: Fault[] = [];
  /** The answer; echoes the user's text by default, so restore can be checked end to end. */
  responder: Responder = (text) => text;
  /** When set and the request offers tools, the answer is also a call of the first tool with `{ text: <answer> }`. */
  toolCalls = false;
  /**
   * Anthropic streams only: open with a `thinking` block (`thinking_delta`, `signature_delta`) and send an event
   * type the API may add later, as extended-thinking models and newer API versions do.
   */
  thinking = false;
  private readonly deltaSize: number;
  private readonly writeSize: number;
  private readonly writeDelayMs: number;
  private readonly apiKey: string;
  private readonly stalled = new Set<ServerResponse>();

  private constructor(
    private readonly server: Server,
    readonly url: string,
    options: ProviderServerOptions,
  ) {
    this.deltaSize = options.deltaSize ?? 5;
    this.writeSize = options.writeSize ?? 7;
    this.writeDelayMs = options.writeDelayMs ?? 0;
    this.apiKey = options.apiKey ?? "test-key";
  }

  /** Starts on 127.0.0.1 on a free port; `url` ends in `/v1`. */
  static async start(options: ProviderServerOptions = {}): Promise<ProviderServer> {
    let instance: ProviderServer | undefined;
    const server = createServer((req, res) => {
      instance?.handle(req, res).catch(() => res.destroy());
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    instance = new ProviderServer(server, `http://127.0.0.1:${port}/v1`, options);
    return instance;
  }

  /** Every request body received, concatenated, as text. */
  receivedText(): string {
    return this.requests.map((r) => r.body.toString("utf8")).join("\n");
  }

  async close(): Promise<void> {
    for (const res of this.stalled) res.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    res.socket?.setNoDelay(true);
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const path = req.url ?? "";
    let json: Record<string, unknown>;
    try {
      json = JSON.parse(body.toString("utf8")) as Record<string, unknown>;
    } catch {
      return this.json(res, 400, { error: { type: "invalid_request_error", message: "body is not JSON" } });
    }
    const request: RecordedRequest = { path, headers: req.headers, body, json };
    this.requests.push(request);
    const anthropic = path === "/v1/messages";
    if (!anthropic && path !== "/v1/chat/completions") return this.json(res, 404, { error: { type: "not_found" } });
    if (anthropic && (req.headers["x-api-key"] !== this.apiKey || !req.headers["anthropic-version"])) {
      return this.json(res, 401, { type: "error", error: { type: "authentication_error", message: "bad key" } });
    }
    if (!anthropic && req.headers.authorization !== `Bearer ${this.apiKey}`) {
      return this.json(res, 401, { error: { type: "invalid_api_key", message: "bad key" } });
    }
    const fault = this.faults.shift();
    if (fault?.kind === "status") {
      const headers: Record<string, string> = fault.retryAfter === undefined ? {} : { "retry-after": fault.retryAfter };
      const type = fault.errorType ?? (fault.status === 429 ? "rate_limit_error" : "api_error");
      return this.json(res, fault.status, { type: "error", error: { type, message: "injected fault" } }, headers);
    }
    if (fault?.kind === "stall-headers") {
      this.stalled.add(res);
      return;
    }
    const answer = this.responder(lastUserText(json), request);
    const tools = Array.isArray(json.tools) ? (json.tools as Record<string, unknown>[]) : [];
    const firstTool = tools[0];
    const toolName = firstTool
      ? String(anthropic ? firstTool.name : (firstTool.function as Record<string, unknown>).name)
      : undefined;
    const call = this.toolCalls && toolName ? { name: toolName, input: JSON.stringify({ text: answer }) } : undefined;
    const stream = json.stream === true;
    if (!stream)
      return this.answer(
        res,
        anthropic ? anthropicMessage(json, answer, call) : openaiCompletion(json, answer, call),
        fault,
      );
    return this.sse(
      res,
      anthropic
        ? anthropicEvents(json, answer, call, this.deltaSize, fault, this.thinking)
        : openaiEvents(json, answer, call, this.deltaSize, fault),
    );
  }

  /** A JSON answer, or the fault that replaces it. */
  private answer(res: ServerResponse, value: unknown, fault: Fault | undefined): void {
    const body = JSON.stringify(value);
    if (fault?.kind === "garbage") {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(`<html>${body.slice(0, 20)}`);
      return;
    }
    if (fault?.kind === "stall-body" || fault?.kind === "drop") {
      res.writeHead(200, { "content-type": "application/json", "content-length": String(Buffer.byteLength(body)) });
      res.write(body.slice(0, body.length >> 1));
      if (fault.kind === "drop") setImmediate(() => res.destroy());
      else this.stalled.add(res);
      return;
    }
    this.json(res, 200, value);
  }

  private json(res: ServerResponse, status: number, value: unknown, headers: Record<string, string> = {}): void {
    res.writeHead(status, { "content-type": "application/json", ...headers });
    res.end(JSON.stringify(value));
  }

  private async sse(res: ServerResponse, frames: Iterable<Frame>): Promise<void> {
    res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
    res.flushHeaders();
    for (const frame of frames) {
      if (frame === "STALL") {
        this.stalled.add(res);
        return;
      }
      if (frame === "DROP") {
        res.destroy();
        return;
      }
      if (frame === "END") break;
      const bytes = Buffer.from(frame, "utf8");
      for (let i = 0; i < bytes.length; i += this.writeSize) {
        if (res.destroyed) return;
        res.write(bytes.subarray(i, i + this.writeSize));
        await (this.writeDelayMs > 0
          ? new Promise((r) => setTimeout(r, this.writeDelayMs))
          : new Promise((r) => setImmediate(r)));
      }
    }
    res.end();
  }
}

interface Call {
  readonly name: string;
  readonly input: string;
}

function faultType(fault: Fault): string {
  return fault.kind === "stream-error" ? fault.errorType : "";
}

/** What a stream fault puts in place of the fourth delta (`errorEvent` in the stream's own format). */
function faultFrame(fault: Fault, errorEvent: string): Frame | undefined {
  switch (fault.kind) {
    case "stall-stream":
      return "STALL";
    case "stream-error":
      return errorEvent;
    case "drop":
      return "DROP";
    case "truncate":
      return "END";
    case "garbage":
      // A well-framed event whose data was cut short, the way a broken proxy passes one on.
      return 'event: content_block_delta\ndata: {"type":"content_block_delta","index":0,"delta":{"type":"te\n\n';
    default:
      return undefined;
  }
}

const tokens = (text: string) => Math.ceil(Buffer.byteLength(text) / 4);

function anthropicMessage(json: Record<string, unknown>, answer: string, call: Call | undefined) {
  const content: unknown[] = [{ type: "text", text: answer }];
  if (call) content.push({ type: "tool_use", id: "toolu_01", name: call.name, input: JSON.parse(call.input) });
  return {
    id: "msg_01",
    type: "message",
    role: "assistant",
    model: json.model,
    content,
    stop_reason: call ? "tool_use" : "end_turn",
    stop_sequence: null,
    usage: { input_tokens: tokens(JSON.stringify(json.messages)), output_tokens: tokens(answer) },
  };
}

function* anthropicEvents(
  json: Record<string, unknown>,
  answer: string,
  call: Call | undefined,
  deltaSize: number,
  fault: Fault | undefined,
  thinking: boolean,
): Generator<Frame> {
  const ev = (event: string, data: unknown) => `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
  yield ev("message_start", {
    type: "message_start",
    message: {
      id: "msg_01",
      type: "message",
      role: "assistant",
      model: json.model,
      content: [],
      stop_reason: null,
      usage: { input_tokens: tokens(JSON.stringify(json.messages)), output_tokens: 1 },
    },
  });
  let index = 0;
  if (thinking) {
    yield ev("content_block_start", {
      type: "content_block_start",
      index,
      content_block: { type: "thinking", thinking: "", signature: "" },
    });
    for (const piece of chunkText("Let me restate the request first.", deltaSize)) {
      yield ev("content_block_delta", {
        type: "content_block_delta",
        index,
        delta: { type: "thinking_delta", thinking: piece },
      });
    }
    yield ev("content_block_delta", {
      type: "content_block_delta",
      index,
      delta: { type: "signature_delta", signature: "EqQBCgIYAhIM1gbcDa9GJwZA2b3h" },
    });
    yield ev("content_block_stop", { type: "content_block_stop", index });
    yield ev("content_block_annotation", { type: "content_block_annotation", index, note: "from a later API" });
    index++;
  }
  const text = index;
  yield ev("content_block_start", {
    type: "content_block_start",
    index: text,
    content_block: { type: "text", text: "" },
  });
  yield ev("ping", { type: "ping" });
  let n = 0;
  for (const piece of chunkText(answer, deltaSize)) {
    const at = n++ === 3;
    if (at && fault !== undefined) {
      const injected = faultFrame(
        fault,
        ev("error", { type: "error", error: { type: faultType(fault), message: "injected" } }),
      );
      if (injected !== undefined) {
        yield injected;
        if (fault.kind !== "garbage") return;
      }
    }
    yield ev("content_block_delta", {
      type: "content_block_delta",
      index: text,
      delta: { type: "text_delta", text: piece },
    });
  }
  yield ev("content_block_stop", { type: "content_block_stop", index: text });
  if (call) {
    yield ev("content_block_start", {
      type: "content_block_start",
      index: text + 1,
      content_block: { type: "tool_use", id: "toolu_01", name: call.name, input: {} },
    });
    for (const piece of chunkText(call.input, deltaSize)) {
      yield ev("content_block_delta", {
        type: "content_block_delta",
        index: text + 1,
        delta: { type: "input_json_delta", partial_json: piece },
      });
    }
    yield ev("content_block_stop", { type: "content_block_stop", index: text + 1 });
  }
  yield ev("message_delta", {
    type: "message_delta",
    delta: { stop_reason: call ? "tool_use" : "end_turn", stop_sequence: null },
    usage: { output_tokens: tokens(answer) },
  });
  yield ev("message_stop", { type: "message_stop" });
}

function openaiCompletion(json: Record<string, unknown>, answer: string, call: Call | undefined) {
  return {
    id: "chatcmpl-1",
    object: "chat.completion",
    created: 1_700_000_000,
    model: json.model,
    choices: [
      {
        index: 0,
        message: {
          role: "assistant",
          content: answer,
          ...(call
            ? { tool_calls: [{ id: "call_1", type: "function", function: { name: call.name, arguments: call.input } }] }
            : {}),
        },
        finish_reason: call ? "tool_calls" : "stop",
      },
    ],
    usage: { prompt_tokens: tokens(JSON.stringify(json.messages)), completion_tokens: tokens(answer) },
  };
}

function* openaiEvents(
  json: Record<string, unknown>,
  answer: string,
  call: Call | undefined,
  deltaSize: number,
  fault: Fault | undefined,
): Generator<Frame> {
  const data = (value: unknown) => `data: ${JSON.stringify(value)}\n\n`;
  const chunk = (delta: unknown, finish: string | null = null) =>
    data({
      id: "chatcmpl-1",
      object: "chat.completion.chunk",
      created: 1_700_000_000,
      model: json.model,
      choices: [{ index: 0, delta, finish_reason: finish }],
    });
  yield chunk({ role: "assistant", content: "" });
  let n = 0;
  for (const piece of chunkText(answer, deltaSize)) {
    const at = n++ === 3;
    if (at && fault !== undefined) {
      const injected = faultFrame(fault, data({ error: { type: faultType(fault), message: "injected" } }));
      if (injected !== undefined) {
        yield injected;
        if (fault.kind !== "garbage") return;
      }
    }
    yield chunk({ content: piece });
  }
  if (call) {
    yield chunk({
      tool_calls: [{ index: 0, id: "call_1", type: "function", function: { name: call.name, arguments: "" } }],
    });
    for (const piece of chunkText(call.input, deltaSize)) {
      yield chunk({ tool_calls: [{ index: 0, function: { arguments: piece } }] });
    }
  }
  yield chunk({}, call ? "tool_calls" : "stop");
  const wantsUsage = (json.stream_options as Record<string, unknown> | undefined)?.include_usage === true;
  if (wantsUsage) {
    yield data({
      id: "chatcmpl-1",
      object: "chat.completion.chunk",
      created: 1_700_000_000,
      model: json.model,
      choices: [],
      usage: { prompt_tokens: tokens(JSON.stringify(json.messages)), completion_tokens: tokens(answer) },
    });
  }
  yield "data: [DONE]\n\n";
}
