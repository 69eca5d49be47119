/** Where a task runs: on the device, on the cloud model (redacted), or held until the device is back online. */
export type Route = "local" | "cloud" | "queue";

/** How a task kind may use the cloud. */
export type KindPolicy = "never-cloud" | "cloud-allowed" | "cloud-preferred";

/** One task to route. Everything but `prompt` is optional; what is missing is simply not a reason. */
export interface RoutingTask {
  /** The task kind the policy is keyed on (`email-reply`, `scheduling`, ...). */
  readonly kind?: string;
  readonly prompt: string;
  /** PII types detected in the prompt (before redaction), for the "never send even redacted" rule. */
  readonly piiTypes?: readonly string[];
  /** The local model's confidence in [0, 1], as the app measured it. */
  readonly localConfidence?: number;
  /**
   * The local classifier's top probability minus its runner-up's, in [0, 1] (see `classifierMargin`): how sure it
   * is of the label it gave this task.
   */
  readonly classifierMargin?: number;
  /** The mean log-probability (<= 0) of the tokens of a local draft answer (see `meanLogprob`). */
  readonly meanTokenLogprob?: number;
  /** `complexityFeatures(prompt)`, when the caller already computed them for this prompt (saves a second scan). */
  readonly features?: ComplexityFeatures;
  /** Tokens the cloud call is expected to use, checked against the budget; estimated from the prompt if absent. */
  readonly estimatedTokens?: number;
  /** A route the caller insists on (`--route cloud`); policy, consent and connectivity still apply. */
  readonly force?: "local" | "cloud";
}

/** Stable reason codes, so an app can branch or translate. */
export type ReasonCode =
  | "forced-local"
  | "forced-cloud"
  | "policy-never-cloud"
  | "policy-cloud-preferred"
  | "pii-type-refused"
  | "no-consent"
  | "offline-local"
  | "offline-queue"
  | "budget-exhausted-local"
  | "budget-exhausted-queue"
  | "low-local-confidence"
  | "low-classifier-margin"
  | "low-generation-logprob"
  | "confident-local"
  | "complex-task"
  | "simple-task";

/** One reason behind a decision, with a human-readable explanation that never quotes the prompt. */
export interface RouteReason {
  readonly code: ReasonCode;
  readonly message: string;
}

/** Complexity features of a prompt, the inputs of the routing score. */
export interface ComplexityFeatures {
  /** Constraint-like clauses: times, "must", "not before", "only if", "at least", list items, ... */
  readonly constraints: number;
  /** Words in the prompt. */
  readonly words: number;
  /** Distinct people-like names or placeholders involved. */
  readonly parties: number;
  /** What is asked: extraction and yes/no are easy; planning, composition and prioritisation are hard. */
  readonly questionType: "lookup" | "rewrite" | "compose" | "plan" | "prioritise";
}

/** The router's answer. Every decision explains itself. */
export interface RouteDecision {
  readonly route: Route;
  /** Never empty. */
  readonly reasons: readonly RouteReason[];
  /** How much the task needs the cloud, in [0, 1]. */
  readonly score: number;
  /** The threshold the score was compared with. */
  readonly threshold: number;
  readonly features: ComplexityFeatures;
}
