import { auditRequests } from "../audit/audit-request";
import { ConfigError } from "../errors/config-error";
import { InputTooLargeError } from "../errors/input-too-large-error";
import { InvalidArgumentError } from "../errors/invalid-argument-error";
import { PolicyError } from "../errors/policy-error";
import { throwIfAborted } from "../providers/abortable";
import { complexityFeatures } from "../router/complexity-features";
import type { DailyBudget } from "../router/daily-budget";
import { meanLogprob } from "../router/mean-logprob";
import { estimateTokens, type Router } from "../router/router";
import type { Anonymizer, EntityCount, StreamRestorer } from "../spec/anonymizer";
import type { AuditSink } from "../spec/audit-sink";
import type {
  CallOptions,
  ContentPart,
  FinishReason,
  GenerateResult,
  LanguageModel,
  Message,
  StreamPart,
  ToolCallPart,
  Usage,
} from "../spec/language-model";
import type { ReasonCode, Route, RouteDecision, RoutingTask } from "../spec/router";
import { PLACEHOLDER_INSTRUCTION } from "./placeholder-instruction";
import { type EscalateQueueRequest, MemoryTaskQueue, type QueuedTask, type TaskQueue } from "./task-queue";

/** Options of {@link Escalator}. */
export interface EscalatorOptions {
  readonly router: Router;
  /** The large model; its calls are redacted and audited. */
  readonly cloud?: LanguageModel;
  /** The on-device model, called with the original text. */
  readonly local?: LanguageModel;
  readonly anonymizer: Anonymizer;
  readonly audit: AuditSink;
  /** Charged with every cloud call's usage (pass the router's budget). */
  readonly budget?: DailyBudget;
  readonly queue?: TaskQueue;
  /** Replaces {@link PLACEHOLDER_INSTRUCTION}. */
  readonly instruction?: string;
  /**
   * Draft a task the router would keep local on complexity alone with the local model first, and hand the draft's
   * mean token log-probability to the router: a confident draft is the answer (no second local call); an unsure
   * one goes to the cloud (a cascade). Needs a local model that reports log-probabilities
   * ({@link LocalGenerateModel} does). When streaming, the draft is generated whole before the decision.
   */
  readonly localFirst?: boolean;
  /**
   * Most characters a request may hold, system prompt and every message together (default 400,000, about 100k
   * tokens). Redaction runs on the device, synchronously, in time that grows with the text: a larger request is
   * refused with {@link InputTooLargeError} before any work, whatever its route.
   */
  readonly maxInputChars?: number;
  readonly now?: () => Date;
}

/** Default of {@link EscalatorOptions.maxInputChars}. */
export const DEFAULT_MAX_INPUT_CHARS = 400_000;

/** One task to answer. */
export interface EscalateRequest extends EscalateQueueRequest {
  /** `auto` (default) lets the router decide; `local` and `cloud` force it, within policy and consent. */
  readonly route?: "auto" | "local" | "cloud";
  readonly signal?: AbortSignal;
}

/** What {@link Escalator.generate} returns. Text and tool arguments are restored: they hold the real values. */
export interface EscalateResult {
  readonly route: Route;
  readonly decision: RouteDecision;
  readonly text: string;
  readonly toolCalls: readonly ToolCallPart[];
  readonly finishReason: FinishReason | "queued";
  readonly usage: Usage;
  /** Entity types and counts replaced in what was sent (empty unless the cloud was called). */
  readonly redacted: readonly EntityCount[];
  /** The queued task, when the route is `queue`. */
  readonly queued?: QueuedTask;
}

/** What {@link Escalator.stream} returns: the decision at once, then restored stream parts. */
export interface EscalateStream {
  readonly route: Route;
  readonly decision: RouteDecision;
  readonly redacted: readonly EntityCount[];
  readonly queued?: QueuedTask;
  /** Restored parts; empty for a queued task. */
  readonly stream: AsyncIterable<StreamPart>;
}

interface Prepared {
  readonly decision: RouteDecision;
  readonly model?: LanguageModel;
  readonly call?: CallOptions;
  readonly redacted: readonly EntityCount[];
  readonly queued?: QueuedTask;
  readonly anonymized: boolean;
  /** The local draft, when the route is local and the task was drafted first. */
  readonly draft?: GenerateResult;
}

const jsonEscape = (value: string): string => JSON.stringify(value).slice(1, -1);

function lastUserText(messages: readonly Message[]): string {
  for (let i = messages.length - 1; i >= 0; i--) {
    const m = messages[i];
    if (m?.role === "user") return m.content;
  }
  return "";
}

/** First reasons of a local route that no other configuration could turn into a cloud call. */
const POLICY_REASONS: ReadonlySet<ReasonCode> = new Set(["policy-never-cloud", "pii-type-refused", "no-consent"]);

/** Every text a request carries (system prompt, messages, tool calls and results): what redaction would read. */
function requestTexts(request: EscalateRequest): string[] {
  const texts = request.system === undefined ? [] : [request.system];
  for (const m of request.messages) {
    if (m.role === "user") texts.push(m.content);
    else if (m.role === "assistant") {
      if (typeof m.content === "string") texts.push(m.content);
      else for (const p of m.content) texts.push(p.type === "text" ? p.text : p.input);
    } else for (const p of m.content) texts.push(p.output);
  }
  return texts;
}

function addCounts(into: Map<string, number>, entities: readonly EntityCount[]): void {
  for (const e of entities) into.set(e.type, (into.get(e.type) ?? 0) + e.count);
}

let counter = 0;

/**
 * Routes each task, and for the cloud: anonymizes every turn with the conversation's vault, adds the placeholder
 * instruction, writes the exact outgoing bytes to the audit log before they leave, calls the provider, and restores
 * the answer (text and tool-call arguments, plain or while streaming).
 */
export class Escalator {
  private readonly queue: TaskQueue;
  private readonly instruction: string;
  private readonly maxInputChars: number;

  constructor(private readonly options: EscalatorOptions) {
    this.queue = options.queue ?? new MemoryTaskQueue();
    this.instruction = options.instruction ?? PLACEHOLDER_INSTRUCTION;
    this.maxInputChars = options.maxInputChars ?? DEFAULT_MAX_INPUT_CHARS;
    if (!(Number.isInteger(this.maxInputChars) && this.maxInputChars > 0)) {
      throw new InvalidArgumentError("maxInputChars must be a positive integer.");
    }
  }

  /** Answers a task whole. */
  async generate(request: EscalateRequest): Promise<EscalateResult> {
    const prepared = await this.prepare(request, false);
    const { decision, redacted } = prepared;
    if (prepared.draft) return localResult(decision, prepared.draft);
    if (prepared.queued || !prepared.model || !prepared.call) {
      return {
        route: decision.route,
        decision,
        text: "",
        toolCalls: [],
        finishReason: "queued",
        usage: { inputTokens: undefined, outputTokens: undefined },
        redacted,
        ...(prepared.queued ? { queued: prepared.queued } : {}),
      };
    }
    const result = await prepared.model.doGenerate(prepared.call);
    if (decision.route === "cloud") this.options.budget?.record(result.usage);
    const content: ContentPart[] = prepared.anonymized
      ? result.content.map((part) =>
          part.type === "text"
            ? { type: "text", text: this.options.anonymizer.restore(part.text, request.conversation) }
            : {
                ...part,
                input: this.options.anonymizer.restore(part.input, request.conversation, { encode: jsonEscape }),
              },
        )
      : [...result.content];
    return {
      route: decision.route,
      decision,
      text: content.flatMap((p) => (p.type === "text" ? [p.text] : [])).join(""),
      toolCalls: content.filter((p): p is ToolCallPart => p.type === "tool-call"),
      finishReason: result.finishReason,
      usage: result.usage,
      redacted,
    };
  }

  /** Answers a task as a stream of restored parts. */
  async stream(request: EscalateRequest): Promise<EscalateStream> {
    const prepared = await this.prepare(request, false);
    const { decision, redacted } = prepared;
    if (prepared.draft) return { route: decision.route, decision, redacted, stream: draftParts(prepared.draft) };
    if (prepared.queued || !prepared.model || !prepared.call) {
      return {
        route: decision.route,
        decision,
        redacted,
        stream: (async function* () {})(),
        ...(prepared.queued ? { queued: prepared.queued } : {}),
      };
    }
    const { stream } = await prepared.model.doStream(prepared.call);
    const budget = decision.route === "cloud" ? this.options.budget : undefined;
    // One generator layer per stream: restoring charges the budget itself.
    const parts = prepared.anonymized
      ? this.restoreParts(stream, request.conversation, budget)
      : budget
        ? charge(stream, budget)
        : stream;
    return { route: decision.route, decision, redacted, stream: parts };
  }

  /** Tasks waiting in the queue. */
  queued(): Promise<QueuedTask[]> {
    return this.queue.list();
  }

  /**
   * Sends queued tasks, oldest first, while the router lets them through (online, within budget). A task the
   * router would queue again stays queued and ends the flush.
   */
  async flushQueue(options: { signal?: AbortSignal } = {}): Promise<{ task: QueuedTask; result: EscalateResult }[]> {
    const done: { task: QueuedTask; result: EscalateResult }[] = [];
    for (const task of await this.queue.list()) {
      throwIfAborted(options.signal);
      const prepared = await this.prepare(
        { ...task.request, ...(options.signal ? { signal: options.signal } : {}) },
        true,
      );
      if (prepared.decision.route === "queue") break;
      const result = await this.generate({
        ...task.request,
        route: prepared.decision.route === "cloud" ? "cloud" : "local",
        ...(options.signal ? { signal: options.signal } : {}),
      });
      await this.queue.remove(task.id);
      done.push({ task, result });
    }
    return done;
  }

  private async prepare(request: EscalateRequest, dryRun: boolean): Promise<Prepared> {
    throwIfAborted(request.signal);
    const texts = requestTexts(request);
    let chars = 0;
    for (const t of texts) chars += t.length;
    if (chars > this.maxInputChars) {
      throw new InputTooLargeError(
        `The request holds ${chars} characters, more than maxInputChars (${this.maxInputChars}). Shorten it or raise the limit.`,
        { chars, maxChars: this.maxInputChars },
      );
    }
    const { router, anonymizer } = this.options;
    const force = request.route === "local" || request.route === "cloud" ? request.route : undefined;
    const prompt = lastUserText(request.messages);
    let task: RoutingTask = {
      prompt,
      // Scanned once: the decision is taken again after redaction, on the same prompt.
      features: complexityFeatures(prompt),
      // The whole request is sent, not only its last message: the budget is checked against all of it.
      estimatedTokens: texts.reduce((n, t) => n + estimateTokens(t), estimateTokens(this.instruction)),
      ...(request.kind === undefined ? {} : { kind: request.kind }),
      ...(request.localConfidence === undefined ? {} : { localConfidence: request.localConfidence }),
      ...(request.classifierMargin === undefined ? {} : { classifierMargin: request.classifierMargin }),
      ...(request.meanTokenLogprob === undefined ? {} : { meanTokenLogprob: request.meanTokenLogprob }),
      ...(force ? { force } : {}),
    };
    let decision = router.decide(task);
    let draft: GenerateResult | undefined;
    const local = this.options.local;
    // Confidence can only add to the score, so only a task kept local on complexity alone can change route: draft
    // that one, and nothing else.
    if (
      !dryRun &&
      this.options.localFirst &&
      local &&
      task.meanTokenLogprob === undefined &&
      decision.reasons[0]?.code === "simple-task"
    ) {
      draft = await local.doGenerate(this.callOptions(request, request.system, request.messages, [], local.remote));
      if (draft.logprobs && draft.logprobs.length > 0) {
        task = { ...task, meanTokenLogprob: meanLogprob(draft.logprobs) };
        decision = router.decide(task);
      }
    }
    let redacted: EntityCount[] = [];
    let call: CallOptions | undefined;
    if (decision.route !== "local") {
      const counts = new Map<string, number>();
      const anonymize = async (text: string): Promise<string> => {
        const out = await anonymizer.anonymize(text, request.conversation, {
          ...(request.signal ? { signal: request.signal } : {}),
        });
        addCounts(counts, out.entities);
        return out.text;
      };
      const messages: Message[] = [];
      for (const m of request.messages) messages.push(await anonymizeMessage(m, anonymize));
      const system =
        request.system === undefined ? this.instruction : `${await anonymize(request.system)}\n\n${this.instruction}`;
      redacted = [...counts].map(([type, count]) => ({ type, count })).sort((a, b) => a.type.localeCompare(b.type));
      // The PII types are known only now: a type policy refuses to send keeps the task local after all.
      if (redacted.length > 0) decision = router.decide({ ...task, piiTypes: redacted.map((e) => e.type) });
      if (decision.route === "cloud") {
        call = this.callOptions(request, system, messages, redacted);
      }
    }
    if (dryRun) return { decision, redacted, anonymized: false };
    if (decision.route === "queue") {
      const queued: QueuedTask = {
        id: `task-${Date.now().toString(36)}-${(counter++).toString(36)}`,
        enqueuedAt: (this.options.now?.() ?? new Date()).toISOString(),
        request: {
          conversation: request.conversation,
          messages: request.messages,
          ...(request.kind === undefined ? {} : { kind: request.kind }),
          ...(request.system === undefined ? {} : { system: request.system }),
          ...(request.tools === undefined ? {} : { tools: request.tools }),
          ...(request.maxOutputTokens === undefined ? {} : { maxOutputTokens: request.maxOutputTokens }),
          ...(request.temperature === undefined ? {} : { temperature: request.temperature }),
          // The confidence signals go with the task: they are why it wanted the cloud when it was queued.
          ...(task.localConfidence === undefined ? {} : { localConfidence: task.localConfidence }),
          ...(task.classifierMargin === undefined ? {} : { classifierMargin: task.classifierMargin }),
          ...(task.meanTokenLogprob === undefined ? {} : { meanTokenLogprob: task.meanTokenLogprob }),
        },
      };
      await this.queue.push(queued);
      return { decision, redacted, queued, anonymized: false };
    }
    if (decision.route === "cloud") {
      const model = this.options.cloud;
      if (!model) throw new ConfigError("The router chose the cloud but no cloud model is configured.");
      return { decision, redacted, model, anonymized: true, ...(call ? { call } : {}) };
    }
    if (draft) return { decision, redacted: [], anonymized: false, draft };
    const model = this.options.local;
    if (!model) {
      const codes = decision.reasons.map((r) => r.code).join(", ");
      // Kept on the device by policy or by the user's choice: configuring a cloud model would not change that.
      if (POLICY_REASONS.has(decision.reasons[0]?.code ?? "simple-task")) {
        throw new PolicyError(`Policy keeps this task on the device (${codes}), and no local model is configured.`);
      }
      throw new ConfigError(`The router chose the local model (${codes}) but none is configured.`);
    }
    // Local calls carry the original text; if the "local" model is in fact a server, it is still audited.
    const localCall = this.callOptions(request, request.system, request.messages, [], model.remote);
    return { decision, redacted: [], model, call: localCall, anonymized: false };
  }

  private callOptions(
    request: EscalateRequest,
    system: string | undefined,
    messages: readonly Message[],
    redacted: readonly EntityCount[],
    audited = true,
  ): CallOptions {
    return {
      messages,
      ...(system === undefined ? {} : { system }),
      ...(request.tools ? { tools: request.tools } : {}),
      ...(request.maxOutputTokens === undefined ? {} : { maxOutputTokens: request.maxOutputTokens }),
      ...(request.temperature === undefined ? {} : { temperature: request.temperature }),
      ...(request.signal ? { abortSignal: request.signal } : {}),
      ...(audited
        ? {
            onRequest: auditRequests(this.options.audit, {
              conversation: request.conversation,
              redacted,
              ...(this.options.now ? { now: this.options.now } : {}),
            }),
          }
        : {}),
    };
  }

  private async *restoreParts(
    parts: AsyncIterable<StreamPart>,
    conversation: string,
    budget: DailyBudget | undefined,
  ): AsyncGenerator<StreamPart> {
    const { anonymizer } = this.options;
    const open = new Map<string, StreamRestorer>();
    for await (const part of parts) {
      switch (part.type) {
        case "text-start":
          open.set(`t${part.id}`, anonymizer.restorer(conversation));
          yield part;
          break;
        case "tool-input-start":
          open.set(`c${part.id}`, anonymizer.restorer(conversation, { encode: jsonEscape }));
          yield part;
          break;
        case "text-delta":
        case "tool-input-delta": {
          const key = `${part.type === "text-delta" ? "t" : "c"}${part.id}`;
          let restorer = open.get(key);
          if (!restorer) {
            restorer = anonymizer.restorer(conversation, part.type === "text-delta" ? {} : { encode: jsonEscape });
            open.set(key, restorer);
          }
          const delta = restorer.push(part.delta);
          if (delta !== "") yield { ...part, delta };
          break;
        }
        case "text-end":
        case "tool-input-end": {
          const key = `${part.type === "text-end" ? "t" : "c"}${part.id}`;
          const rest = open.get(key)?.flush() ?? "";
          open.delete(key);
          if (rest !== "") {
            yield part.type === "text-end"
              ? { type: "text-delta", id: part.id, delta: rest }
              : { type: "tool-input-delta", id: part.id, delta: rest };
          }
          yield part;
          break;
        }
        case "tool-call":
          yield { ...part, input: anonymizer.restore(part.input, conversation, { encode: jsonEscape }) };
          break;
        case "finish":
          budget?.record(part.usage);
          yield part;
          break;
        default:
          yield part;
      }
    }
  }
}

async function anonymizeMessage(message: Message, anonymize: (text: string) => Promise<string>): Promise<Message> {
  switch (message.role) {
    case "user":
      return { role: "user", content: await anonymize(message.content) };
    case "assistant": {
      if (typeof message.content === "string") return { role: "assistant", content: await anonymize(message.content) };
      const content: ContentPart[] = [];
      for (const part of message.content) {
        content.push(
          part.type === "text"
            ? { type: "text", text: await anonymize(part.text) }
            : { ...part, input: await anonymize(part.input) },
        );
      }
      return { role: "assistant", content };
    }
    case "tool": {
      const content = [];
      for (const part of message.content) content.push({ ...part, output: await anonymize(part.output) });
      return { role: "tool", content };
    }
  }
}

async function* charge(parts: AsyncIterable<StreamPart>, budget: DailyBudget): AsyncGenerator<StreamPart> {
  for await (const part of parts) {
    if (part.type === "finish") budget.record(part.usage);
    yield part;
  }
}

/** The result of a local draft kept as the answer. */
function localResult(decision: RouteDecision, draft: GenerateResult): EscalateResult {
  return {
    route: decision.route,
    decision,
    text: draft.content.flatMap((p) => (p.type === "text" ? [p.text] : [])).join(""),
    toolCalls: draft.content.filter((p): p is ToolCallPart => p.type === "tool-call"),
    finishReason: draft.finishReason,
    usage: draft.usage,
    redacted: [],
  };
}

/** A finished draft as stream parts, the way a model would have streamed it. */
async function* draftParts(draft: GenerateResult): AsyncGenerator<StreamPart> {
  yield { type: "response-metadata", ...draft.response };
  const text = draft.content.flatMap((p) => (p.type === "text" ? [p.text] : [])).join("");
  yield { type: "text-start", id: "0" };
  if (text !== "") yield { type: "text-delta", id: "0", delta: text };
  yield { type: "text-end", id: "0" };
  for (const part of draft.content) if (part.type === "tool-call") yield part;
  yield {
    type: "finish",
    finishReason: draft.finishReason,
    usage: draft.usage,
    ...(draft.logprobs ? { logprobs: draft.logprobs } : {}),
  };
}
