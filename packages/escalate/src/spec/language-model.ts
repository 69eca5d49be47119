/**
 * The provider interface, shaped like the Vercel AI SDK's language-model specification (`doGenerate` /
 * `doStream`, content parts, stream parts, finish reasons, usage): one call in, one answer out, no routing, no
 * redaction. Implementations: {@link AnthropicMessagesModel}, {@link OpenAIChatModel}, {@link LocalGenerateModel}.
 */

/** A tool the model may call; `inputSchema` is a JSON schema object. */
export interface ToolDefinition {
  readonly name: string;
  readonly description?: string;
  readonly inputSchema: Readonly<Record<string, unknown>>;
}

/** A tool call: `input` is the arguments as a JSON string, exactly as the model produced them. */
export interface ToolCallPart {
  readonly type: "tool-call";
  readonly toolCallId: string;
  readonly toolName: string;
  readonly input: string;
}

/** Text the model produced. */
export interface TextPart {
  readonly type: "text";
  readonly text: string;
}

/** One piece of an answer. */
export type ContentPart = TextPart | ToolCallPart;

/** A tool's result, sent back on the next turn. */
export interface ToolResultPart {
  readonly type: "tool-result";
  readonly toolCallId: string;
  readonly toolName: string;
  /** The result as text (JSON or prose). */
  readonly output: string;
}

/** One turn of the conversation. The system instruction is passed apart (see {@link CallOptions.system}). */
export type Message =
  | { readonly role: "user"; readonly content: string }
  | { readonly role: "assistant"; readonly content: string | readonly ContentPart[] }
  | { readonly role: "tool"; readonly content: readonly ToolResultPart[] };

/** What one outgoing HTTP attempt carried, handed to {@link CallOptions.onRequest} before the bytes leave. */
export interface OutgoingRequest {
  readonly provider: string;
  readonly model: string;
  readonly url: string;
  /** The exact body bytes that are about to be sent. */
  readonly body: Uint8Array;
  /** 1 for the first attempt, 2 for the first retry, ... */
  readonly attempt: number;
  readonly stream: boolean;
}

/** Options of one call. */
export interface CallOptions {
  readonly system?: string;
  readonly messages: readonly Message[];
  readonly tools?: readonly ToolDefinition[];
  readonly maxOutputTokens?: number;
  readonly temperature?: number;
  readonly stopSequences?: readonly string[];
  readonly abortSignal?: AbortSignal;
  /**
   * Called before every attempt that sends bytes off the device (retries included). If it throws, nothing is sent:
   * the audit log is written ahead of the request, never after.
   */
  readonly onRequest?: (request: OutgoingRequest) => void | Promise<void>;
}

/** Why the model stopped. */
export type FinishReason = "stop" | "length" | "tool-calls" | "content-filter" | "error" | "other";

/** Token counts, when the provider reported them. */
export interface Usage {
  readonly inputTokens: number | undefined;
  readonly outputTokens: number | undefined;
}

/** What {@link LanguageModel.doGenerate} returns. */
export interface GenerateResult {
  readonly content: readonly ContentPart[];
  readonly finishReason: FinishReason;
  readonly usage: Usage;
  /** The provider's response id and the model that answered, when it said. */
  readonly response: { readonly id?: string; readonly modelId?: string };
  /** Each generated token's log-probability, when the model reports them (the local model does). */
  readonly logprobs?: readonly number[];
}

/**
 * The parts of a streamed answer, in order: `text-delta`s within `text-start`/`text-end` per text block,
 * `tool-input-delta`s within `tool-input-start`/`tool-input-end` per tool call followed by one whole `tool-call`,
 * then exactly one `finish`. A failure after the first part is thrown from the iterator.
 */
export type StreamPart =
  | { readonly type: "response-metadata"; readonly id?: string; readonly modelId?: string }
  | { readonly type: "text-start"; readonly id: string }
  | { readonly type: "text-delta"; readonly id: string; readonly delta: string }
  | { readonly type: "text-end"; readonly id: string }
  | { readonly type: "tool-input-start"; readonly id: string; readonly toolName: string }
  | { readonly type: "tool-input-delta"; readonly id: string; readonly delta: string }
  | { readonly type: "tool-input-end"; readonly id: string }
  | ToolCallPart
  | {
      readonly type: "finish";
      readonly finishReason: FinishReason;
      readonly usage: Usage;
      /** Each generated token's log-probability, when the model reports them. */
      readonly logprobs?: readonly number[];
    };

/** What {@link LanguageModel.doStream} returns. */
export interface StreamResult {
  readonly stream: AsyncIterable<StreamPart>;
}

/** A language model behind one interface, local or remote. */
export interface LanguageModel {
  /** `anthropic`, `openai`, `local`, ...: written to the audit log. */
  readonly provider: string;
  readonly modelId: string;
  /** Whether calling it sends data off the device (so it must be redacted and audited). */
  readonly remote: boolean;
  doGenerate(options: CallOptions): Promise<GenerateResult>;
  /** Resolves once the response headers arrived (so HTTP errors and retries happen before the first part). */
  doStream(options: CallOptions): Promise<StreamResult>;
}
