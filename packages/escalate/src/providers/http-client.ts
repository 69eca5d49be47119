import type { EventSourceMessage } from "eventsource-parser";
import { InvalidArgumentError } from "../errors/invalid-argument-error";
import { InvalidResponseError } from "../errors/invalid-response-error";
import type { CallOptions } from "../spec/language-model";
import type { BodyReadOptions } from "./body-chunks";
import { bodyText } from "./body-text";
import type { HttpModelOptions } from "./http-model-options";
import { postWithRetry } from "./http-transport";
import { type ResolvedRetryPolicy, resolveRetryPolicy } from "./retry-policy";
import { sseEvents } from "./sse-events";

const DEFAULT_TIMEOUT_MS = 60_000;
const DEFAULT_IDLE_TIMEOUT_MS = 30_000;

function positive(value: number | undefined, fallback: number, name: string): number {
  const ms = value ?? fallback;
  if (!(Number.isFinite(ms) && ms > 0)) throw new InvalidArgumentError(`${name} must be a positive number of ms.`);
  return ms;
}

/** One POST a provider sends: where, with which headers and body. */
export interface ProviderPost {
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  readonly stream: boolean;
}

/**
 * What both HTTP providers share, set up once per model: the retry policy, the header and idle timeouts, the
 * injected `fetch`, extra headers, and the wiring of a call's AbortSignal and audit hook into every attempt and
 * into the event stream. A provider only says what to send and how to read the answer.
 */
export class HttpClient {
  readonly retry: ResolvedRetryPolicy;
  readonly timeoutMs: number;
  readonly idleTimeoutMs: number;

  constructor(
    private readonly provider: string,
    private readonly model: string,
    private readonly options: HttpModelOptions,
    /** Reads the provider's error type out of an error body. */
    private readonly errorType: (body: unknown) => string | undefined,
  ) {
    this.retry = resolveRetryPolicy(options.retry);
    this.timeoutMs = positive(options.timeoutMs, DEFAULT_TIMEOUT_MS, "timeoutMs");
    this.idleTimeoutMs = positive(options.idleTimeoutMs, DEFAULT_IDLE_TIMEOUT_MS, "idleTimeoutMs");
  }

  /** Sends `post` with retries; resolves with the first 2xx response, its body unread. */
  send(call: CallOptions, post: ProviderPost): Promise<Response> {
    return postWithRetry({
      provider: this.provider,
      model: this.model,
      url: post.url,
      headers: {
        ...(post.stream ? { accept: "text/event-stream" } : {}),
        ...post.headers,
        ...this.options.headers,
      },
      body: post.body,
      stream: post.stream,
      retry: this.retry,
      timeoutMs: this.timeoutMs,
      errorType: this.errorType,
      ...(call.abortSignal ? { signal: call.abortSignal } : {}),
      ...(this.options.fetch ? { fetch: this.options.fetch } : {}),
      ...(call.onRequest ? { onRequest: call.onRequest } : {}),
    });
  }

  /**
   * The whole body of a JSON response, bounded like a stream: `timeoutMs` only covers the headers, so a server
   * that sends them and then stalls would otherwise hold the call until its AbortSignal fires.
   */
  text(call: CallOptions, response: Response): Promise<string> {
    return bodyText(response.body, this.readOptions(call));
  }

  /** The server-sent events of a streaming response, bounded by the idle timeout and the call's AbortSignal. */
  events(call: CallOptions, response: Response): AsyncGenerator<EventSourceMessage, void, undefined> {
    if (response.body === null) throw new InvalidResponseError(`${this.provider} sent an empty streaming response.`);
    return sseEvents(response.body, this.readOptions(call));
  }

  private readOptions(call: CallOptions): BodyReadOptions {
    return {
      idleTimeoutMs: this.idleTimeoutMs,
      provider: this.provider,
      ...(call.abortSignal ? { signal: call.abortSignal } : {}),
    };
  }
}
