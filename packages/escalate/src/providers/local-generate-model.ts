import { AbortedError } from "../errors/aborted-error";
import type {
  CallOptions,
  FinishReason,
  GenerateResult,
  LanguageModel,
  Message,
  StreamPart,
  StreamResult,
} from "../spec/language-model";
import { throwIfAborted } from "./abortable";

/** Options a local generate pipeline takes: the subset of `@hearth/runtime`'s `GenerateOptions` used here. */
export interface LocalGenerateOptions {
  readonly maxTokens?: number;
  readonly temperature?: number;
  readonly stop?: readonly string[];
  readonly signal?: AbortSignal;
  /** Ask for each token's log-probability (`@hearth/runtime` reports them from version 0.2). */
  readonly logprobs?: boolean;
}

/**
 * What the local provider needs of a text generator: `@hearth/runtime`'s `GeneratePipeline`
 * (`await pipeline("generate", folder)`) fits as it is, and so does anything with the same two methods, so this
 * package does not import the runtime.
 */
export interface GeneratePipelineLike {
  run(
    prompt: string,
    options?: LocalGenerateOptions,
  ): Promise<{
    readonly text: string;
    readonly tokenIds?: readonly number[];
    readonly finishReason: string;
    readonly logprobs?: readonly number[];
  }>;
  stream(
    prompt: string,
    options?: LocalGenerateOptions,
  ): AsyncGenerator<
    { readonly id: number | null; readonly text: string; readonly logprob?: number },
    string,
    undefined
  >;
}

/** Options of {@link LocalGenerateModel}. */
export interface LocalModelOptions {
  /** A name for the model, for results and logs (default `local`). */
  readonly modelId?: string;
  /** Turns the conversation into the prompt the model was trained on (default: a plain `User:`/`Assistant:` transcript). */
  readonly formatPrompt?: (system: string | undefined, messages: readonly Message[]) => string;
  /** Most new tokens when a call does not say (default 256). */
  readonly maxOutputTokens?: number;
  /**
   * Report each token's log-probability in results and in the stream's `finish` part (default true): the signal
   * the router reads as the local model's confidence. It costs one pass over the vocabulary per token.
   */
  readonly logprobs?: boolean;
}

/** A plain transcript, for small models with no chat template. */
export function transcriptPrompt(system: string | undefined, messages: readonly Message[]): string {
  const lines: string[] = [];
  if (system) lines.push(system, "");
  for (const m of messages) {
    if (m.role === "user") lines.push(`User: ${m.content}`);
    else if (m.role === "assistant") {
      const text =
        typeof m.content === "string"
          ? m.content
          : m.content.flatMap((p) => (p.type === "text" ? [p.text] : [])).join("");
      lines.push(`Assistant: ${text}`);
    } else for (const part of m.content) lines.push(`Tool ${part.toolName}: ${part.output}`);
  }
  lines.push("Assistant:");
  return lines.join("\n");
}

function finishReason(reason: string): FinishReason {
  if (reason === "length") return "length";
  if (reason === "eos" || reason === "stop" || reason === "complete") return "stop";
  return "other";
}

/**
 * The on-device provider: a `@hearth/runtime` generate pipeline behind the {@link LanguageModel} interface. Nothing
 * leaves the device, so nothing is redacted or audited. Tools are not offered to the local model.
 */
export class LocalGenerateModel implements LanguageModel {
  readonly provider = "local";
  readonly remote = false;
  readonly modelId: string;

  constructor(
    private readonly pipeline: GeneratePipelineLike,
    private readonly options: LocalModelOptions = {},
  ) {
    this.modelId = options.modelId ?? "local";
  }

  private generateOptions(call: CallOptions): LocalGenerateOptions {
    return {
      maxTokens: call.maxOutputTokens ?? this.options.maxOutputTokens ?? 256,
      ...(call.temperature === undefined || call.temperature === 0 ? {} : { temperature: call.temperature }),
      ...(call.stopSequences ? { stop: call.stopSequences } : {}),
      ...(call.abortSignal ? { signal: call.abortSignal } : {}),
      ...(this.options.logprobs === false ? {} : { logprobs: true }),
    };
  }

  private prompt(call: CallOptions): string {
    return (this.options.formatPrompt ?? transcriptPrompt)(call.system, call.messages);
  }

  async doGenerate(call: CallOptions): Promise<GenerateResult> {
    throwIfAborted(call.abortSignal);
    const prompt = this.prompt(call);
    const result = await this.pipeline.run(prompt, this.generateOptions(call)).catch((error: unknown) => {
      if (call.abortSignal?.aborted) throw new AbortedError("The local generation was aborted.", { cause: error });
      throw error;
    });
    return {
      content: result.text === "" ? [] : [{ type: "text", text: result.text }],
      finishReason: finishReason(result.finishReason),
      usage: { inputTokens: undefined, outputTokens: result.tokenIds?.length },
      response: { modelId: this.modelId },
      ...(result.logprobs && this.options.logprobs !== false ? { logprobs: result.logprobs } : {}),
    };
  }

  async doStream(call: CallOptions): Promise<StreamResult> {
    throwIfAborted(call.abortSignal);
    const tokens = this.pipeline.stream(this.prompt(call), this.generateOptions(call));
    const modelId = this.modelId;
    const signal = call.abortSignal;
    const wantLogprobs = this.options.logprobs !== false;
    async function* parts(): AsyncGenerator<StreamPart> {
      yield { type: "response-metadata", modelId };
      yield { type: "text-start", id: "0" };
      let count = 0;
      const logprobs: number[] = [];
      let next: IteratorResult<{ id: number | null; text: string; logprob?: number }, string>;
      try {
        for (;;) {
          next = await tokens.next();
          if (next.done) break;
          if (next.value.id !== null) count++;
          if (next.value.logprob !== undefined) logprobs.push(next.value.logprob);
          if (next.value.text !== "") yield { type: "text-delta", id: "0", delta: next.value.text };
        }
      } catch (error) {
        if (signal?.aborted) throw new AbortedError("The local generation was aborted.", { cause: error });
        throw error;
      }
      yield { type: "text-end", id: "0" };
      yield {
        type: "finish",
        finishReason: finishReason(next.value),
        usage: { inputTokens: undefined, outputTokens: count },
        ...(wantLogprobs && logprobs.length === count && count > 0 ? { logprobs } : {}),
      };
    }
    return { stream: parts() };
  }
}
