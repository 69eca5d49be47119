/**
 * @hearth/escalate: route each task to the local model or a large cloud model; for the cloud, anonymize every turn
 * with a per-conversation vault, call the provider, and restore the answer on the device (plain or streaming,
 * tool-call arguments included), writing every request that leaves the device to an audit log. This entry is
 * browser-safe; the file audit log lives in `@hearth/escalate/node`.
 *
 * @packageDocumentation
 */

export {
  DEFAULT_REMEMBER_TEXTS,
  RedactAnonymizer,
  type RedactAnonymizerOptions,
} from "./anonymizer/redact-anonymizer";
export { formatAuditLine, parseAuditLine, parseAuditLog } from "./audit/audit-record-format";
export { auditRequests } from "./audit/audit-request";
export { MemoryAuditLog } from "./audit/memory-audit-log";
export { AbortedError } from "./errors/aborted-error";
export { AuditFormatError } from "./errors/audit-format-error";
export { ConfigError } from "./errors/config-error";
export { EscalateError, type EscalateErrorCode } from "./errors/escalate-error";
export { InputTooLargeError } from "./errors/input-too-large-error";
export { InvalidArgumentError } from "./errors/invalid-argument-error";
export { InvalidInputError } from "./errors/invalid-input-error";
export { InvalidResponseError } from "./errors/invalid-response-error";
export { OfflineError } from "./errors/offline-error";
export { OverloadedError } from "./errors/overloaded-error";
export { PolicyError } from "./errors/policy-error";
export { ProviderError, type ProviderErrorDetails } from "./errors/provider-error";
export { RateLimitError } from "./errors/rate-limit-error";
export { TimeoutError } from "./errors/timeout-error";
export {
  DEFAULT_MAX_INPUT_CHARS,
  type EscalateRequest,
  type EscalateResult,
  type EscalateStream,
  Escalator,
  type EscalatorOptions,
} from "./pipeline/escalator";
export { PLACEHOLDER_INSTRUCTION } from "./pipeline/placeholder-instruction";
export {
  type EscalateQueueRequest,
  MemoryTaskQueue,
  type QueuedTask,
  type TaskQueue,
} from "./pipeline/task-queue";
export { AnthropicMessagesModel, type AnthropicModelOptions } from "./providers/anthropic-messages-model";
export type { HttpModelOptions } from "./providers/http-model-options";
export type { FetchFunction } from "./providers/http-transport";
export {
  type GeneratePipelineLike,
  LocalGenerateModel,
  type LocalGenerateOptions,
  type LocalModelOptions,
  transcriptPrompt,
} from "./providers/local-generate-model";
export { OpenAIChatModel, type OpenAIModelOptions } from "./providers/openai-chat-model";
export { backoffDelay, parseRetryAfter, type RetryPolicy } from "./providers/retry-policy";
export { type Calibration, calibrate, type RoutingSample } from "./router/calibrate";
export { classifierMargin } from "./router/classifier-margin";
export { complexityFeatures } from "./router/complexity-features";
export { type BudgetLimits, type BudgetState, DailyBudget } from "./router/daily-budget";
export { type ConfidenceSignal, type LocalConfidence, localConfidence } from "./router/local-confidence";
export { meanLogprob } from "./router/mean-logprob";
export { estimateTokens, Router, type RouterOptions, type RouterPolicy } from "./router/router";
export { DEFAULT_WEIGHTS, routingScore, type ScoreWeights } from "./router/routing-score";
export type {
  AnonymizedText,
  Anonymizer,
  EntityCount,
  RestoreOptions,
  StreamRestorer,
} from "./spec/anonymizer";
export type { AuditRecord, AuditSink } from "./spec/audit-sink";
export type {
  CallOptions,
  ContentPart,
  FinishReason,
  GenerateResult,
  LanguageModel,
  Message,
  OutgoingRequest,
  StreamPart,
  StreamResult,
  TextPart,
  ToolCallPart,
  ToolDefinition,
  ToolResultPart,
  Usage,
} from "./spec/language-model";
export type { Progress } from "./spec/progress";
export type {
  ComplexityFeatures,
  KindPolicy,
  ReasonCode,
  Route,
  RouteDecision,
  RouteReason,
  RoutingTask,
} from "./spec/router";
