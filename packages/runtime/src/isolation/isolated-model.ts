import type { Classification } from "../pipelines/classify-pipeline";
import type { FinishReason, GeneratedToken, GenerateOptions, GenerationResult } from "../pipelines/generate-pipeline";
import type { EntitySpan, TaggedToken } from "../pipelines/tokens-pipeline";
import type { TensorMap } from "../spec/tensor";
import type { WorkerHost } from "./worker-host";
import type { IsolatedTask, ModelSpec } from "./worker-protocol";

/** What `run` takes and gives for each isolated task. */
export interface IsolatedIO {
  embed: { input: string | readonly string[]; output: Float32Array | Float32Array[] };
  classify: { input: string | readonly string[]; output: Classification | Classification[] };
  tokens: { input: string; output: EntitySpan[] };
  generate: { input: string; output: GenerationResult };
  session: { input: TensorMap; output: TensorMap };
}

/** Per-call options that cross to the worker (no functions: `constraint` is not available, `schema` is). */
export type IsolatedCallOptions = Omit<GenerateOptions, "constraint" | "signal"> & { readonly signal?: AbortSignal };

/**
 * A model running in an isolated worker: the same calls as the in-process pipeline, sent over a message channel.
 * If the worker dies or goes over its memory limit, in-flight calls reject with a typed error and the next call
 * starts a fresh worker.
 */
export class IsolatedModel<T extends IsolatedTask> {
  constructor(
    private readonly host: WorkerHost,
    readonly spec: ModelSpec,
  ) {}

  /** How many times the worker was restarted (after a crash or going over its memory limit). */
  get restarts(): number {
    return this.host.restarts;
  }

  /** The task's main call: embed, classify, tokens (entities), generate (whole text), or a raw session run. */
  async run(input: IsolatedIO[T]["input"], options: IsolatedCallOptions = {}): Promise<IsolatedIO[T]["output"]> {
    const { signal, ...rest } = options;
    const args = this.spec.task === "session" ? [input] : [input, rest];
    return (await this.host.call(this.spec, "run", args, signal)) as IsolatedIO[T]["output"];
  }

  /** Token classification only: every token with its label and span. */
  async tag(
    this: IsolatedModel<"tokens">,
    text: string,
    options: { signal?: AbortSignal } = {},
  ): Promise<TaggedToken[]> {
    return (await this.host.call(this.spec, "tag", [text, {}], options.signal)) as TaggedToken[];
  }

  /** Generation only: tokens as the worker produces them. */
  async *stream(
    this: IsolatedModel<"generate">,
    prompt: string,
    options: IsolatedCallOptions = {},
  ): AsyncGenerator<GeneratedToken, FinishReason, undefined> {
    const { signal, ...rest } = options;
    const queue: GeneratedToken[] = [];
    let wake: (() => void) | undefined;
    let settled: { value?: FinishReason; error?: unknown } | undefined;
    this.host
      .call(this.spec, "stream", [prompt, rest], signal, (chunk) => {
        queue.push(chunk as GeneratedToken);
        wake?.();
      })
      .then(
        (value) => {
          settled = { value: value as FinishReason };
          wake?.();
        },
        (error: unknown) => {
          settled = { error };
          wake?.();
        },
      );
    for (;;) {
      const next = queue.shift();
      if (next) {
        yield next;
        continue;
      }
      if (settled) {
        if (settled.error !== undefined) throw settled.error;
        return settled.value!;
      }
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
      wake = undefined;
    }
  }
}
