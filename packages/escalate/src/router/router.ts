import { InvalidArgumentError } from "../errors/invalid-argument-error";
import type { KindPolicy, RouteDecision, RouteReason, RoutingTask } from "../spec/router";
import { complexityFeatures } from "./complexity-features";
import type { DailyBudget } from "./daily-budget";
import { localConfidence } from "./local-confidence";
import { DEFAULT_WEIGHTS, routingScore, type ScoreWeights } from "./routing-score";

/** What the user and the app allow. */
export interface RouterPolicy {
  /** Per task kind; kinds not listed follow `defaultKind`. */
  readonly kinds?: Readonly<Record<string, KindPolicy>>;
  /** Default `cloud-allowed`. */
  readonly defaultKind?: KindPolicy;
  /** PII types whose presence keeps a task local even though they would be redacted (say `US_SSN`, `IBAN`). */
  readonly refuseTypes?: readonly string[];
  /** Whether the user agreed to cloud calls (default false: nothing leaves without consent). */
  readonly consent?: boolean | (() => boolean);
  /** Offline: answer locally, or queue the task for when the device is back online (default `local`). */
  readonly whenOffline?: "local" | "queue";
  /** Over budget: answer locally, or queue for tomorrow (default `local`). */
  readonly whenBudgetExhausted?: "local" | "queue";
  /** Score at or above which a task goes to the cloud (default 0.5); see {@link calibrate}. */
  readonly threshold?: number;
  /**
   * Local confidence below which the task goes to the cloud whatever its score (default 0.3). It applies to each
   * signal on its [0, 1] scale: `localConfidence`, `classifierMargin`, and `exp(meanTokenLogprob)`.
   */
  readonly confidenceFloor?: number;
  /** Output tokens assumed when estimating a call for the budget (default 512). */
  readonly expectedOutputTokens?: number;
}

/** Options of {@link Router}. */
export interface RouterOptions {
  readonly policy?: RouterPolicy;
  /** Whether the cloud is reachable now (default: `navigator.onLine` where it exists, else true). */
  readonly online?: () => boolean;
  readonly budget?: DailyBudget;
  readonly weights?: ScoreWeights;
}

function defaultOnline(): boolean {
  const nav = (globalThis as { navigator?: { onLine?: boolean } }).navigator;
  return typeof nav?.onLine === "boolean" ? nav.onLine : true;
}

/** Rough token estimate (UTF-8 bytes / 4), enough for a budget check. Counts without encoding the text. */
export function estimateTokens(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c < 0xdc00 && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      // A surrogate pair: one 4-byte code point.
      bytes += 4;
      i++;
    } else bytes += 3; // lone surrogates too: TextEncoder writes U+FFFD
  }
  return Math.ceil(bytes / 4);
}

/**
 * Decides, per task, local, cloud or queue, from policy, consent, PII types, connectivity, budget, local confidence
 * and complexity features. Every decision lists its reasons; none quotes the prompt.
 */
export class Router {
  readonly policy: RouterPolicy;
  private readonly online: () => boolean;
  private readonly weights: ScoreWeights;

  constructor(private readonly options: RouterOptions = {}) {
    this.policy = options.policy ?? {};
    const threshold = this.policy.threshold ?? 0.5;
    if (!(threshold >= 0 && threshold <= 1)) throw new InvalidArgumentError("threshold must be within [0, 1].");
    const floor = this.policy.confidenceFloor ?? 0.3;
    if (!(floor >= 0 && floor <= 1)) throw new InvalidArgumentError("confidenceFloor must be within [0, 1].");
    this.online = options.online ?? defaultOnline;
    this.weights = options.weights ?? DEFAULT_WEIGHTS;
  }

  /** The routing score alone (for calibration). */
  score(
    task: Pick<RoutingTask, "prompt" | "localConfidence" | "classifierMargin" | "meanTokenLogprob" | "features">,
  ): number {
    const features = task.features ?? complexityFeatures(task.prompt);
    return routingScore(features, localConfidence(task).confidence, this.weights);
  }

  decide(task: RoutingTask): RouteDecision {
    const policy = this.policy;
    const threshold = policy.threshold ?? 0.5;
    const features = task.features ?? complexityFeatures(task.prompt);
    const confidence = localConfidence(task);
    const score = routingScore(features, confidence.confidence, this.weights);
    const local = (...reasons: RouteReason[]): RouteDecision => ({
      route: "local",
      reasons,
      score,
      threshold,
      features,
    });
    const kindPolicy = (task.kind === undefined ? undefined : policy.kinds?.[task.kind]) ?? policy.defaultKind;
    const kind = kindPolicy ?? "cloud-allowed";

    if (task.force === "local")
      return local({ code: "forced-local", message: "The caller asked for the local model." });
    if (kind === "never-cloud") {
      return local({
        code: "policy-never-cloud",
        message: `Policy keeps tasks of kind "${task.kind ?? "default"}" on the device.`,
      });
    }
    const refused = (task.piiTypes ?? []).filter((t) => policy.refuseTypes?.includes(t));
    if (refused.length > 0) {
      return local({
        code: "pii-type-refused",
        message: `The prompt holds ${[...new Set(refused)].join(", ")}, which policy never sends, even redacted.`,
      });
    }
    const consent = typeof policy.consent === "function" ? policy.consent() : (policy.consent ?? false);
    if (!consent) return local({ code: "no-consent", message: "The user has not agreed to cloud calls." });

    const why: RouteReason[] = [];
    const floor = policy.confidenceFloor ?? 0.3;
    if (task.force === "cloud") why.push({ code: "forced-cloud", message: "The caller asked for the cloud model." });
    if (kind === "cloud-preferred") {
      why.push({ code: "policy-cloud-preferred", message: `Policy prefers the cloud for kind "${task.kind}".` });
    }
    for (const signal of confidence.signals) {
      if (signal.confidence < floor) {
        why.push({
          code: signal.code,
          message: `The local model is unsure: ${signal.describe} is below the floor ${floor.toFixed(2)}.`,
        });
      }
    }
    const described = `score ${score.toFixed(3)} (${features.constraints} constraints, ${features.words} words, ${features.parties} parties, ${features.questionType})`;
    if (score >= threshold) {
      why.push({
        code: "complex-task",
        message: `Complexity ${described} is at or above threshold ${threshold.toFixed(3)}.`,
      });
    }
    if (why.length === 0) {
      const simple: RouteReason = {
        code: "simple-task",
        message: `Complexity ${described} is below threshold ${threshold.toFixed(3)}.`,
      };
      if (confidence.signals.length === 0) return local(simple);
      return local(simple, {
        code: "confident-local",
        message: `The local model is sure enough: ${confidence.signals.map((s) => s.describe).join(", ")}, at or above the floor ${floor.toFixed(2)}.`,
      });
    }

    const hold = (route: "local" | "queue", reason: RouteReason): RouteDecision => ({
      route,
      reasons: [reason, ...why],
      score,
      threshold,
      features,
    });
    if (!this.online()) {
      return policy.whenOffline === "queue"
        ? hold("queue", { code: "offline-queue", message: "Offline: queued until the cloud is reachable." })
        : hold("local", { code: "offline-local", message: "Offline: answered by the local model instead." });
    }
    const budget = this.options.budget;
    if (
      budget &&
      !budget.fits(task.estimatedTokens ?? estimateTokens(task.prompt), policy.expectedOutputTokens ?? 512)
    ) {
      return policy.whenBudgetExhausted === "queue"
        ? hold("queue", {
            code: "budget-exhausted-queue",
            message: "Today's cloud budget is spent: queued for when it renews.",
          })
        : hold("local", {
            code: "budget-exhausted-local",
            message: "Today's cloud budget is spent: answered by the local model instead.",
          });
    }
    return { route: "cloud", reasons: why, score, threshold, features };
  }
}
