/**
 * @hearth/redact: on-device PII detection and reversible redaction. Validated pattern recognizers, name detection,
 * consistent placeholders kept in a vault across a conversation, and a restore that survives streaming.
 *
 * @packageDocumentation
 */

export { type AnalyzeOptions, type Analyzer, type AnalyzerOptions, createAnalyzer } from "./analyzer";
export { CONTEXT_BOOST, CONTEXT_MIN_SCORE } from "./context-boost";
export { defaultRecognizers, PATTERN_RECOGNIZERS } from "./default-recognizers";
export { denyListRecognizer } from "./deny-list-recognizer";
export type { Entity } from "./entity";
export {
  type CanonicalEntityType,
  ENTITY_TYPE_NAME,
  ENTITY_TYPES,
  type EntityType,
  isCanonicalEntityType,
} from "./entity-type";
export { AbortedError } from "./errors/aborted-error";
export { DecryptError } from "./errors/decrypt-error";
export { InvalidArgumentError } from "./errors/invalid-argument-error";
export { InvalidCorpusError } from "./errors/invalid-corpus-error";
export { InvalidVaultError } from "./errors/invalid-vault-error";
export { RedactError, type RedactErrorCode } from "./errors/redact-error";
export { CORPUS_TYPE_ALIASES, type CorpusSample, type CorpusSpan, parseCorpus } from "./eval/corpus";
export { type EvaluateOptions, type Evaluation, evaluate, type PredictedSpan, type Scores } from "./eval/evaluate";
export { type NameRecognizerOptions, nameRecognizer } from "./ner/name-recognizer";
export { decryptTokens, ENCRYPTED_TOKEN_VERSION, encryptOperator } from "./operators/encrypt-operator";
export { hashOperator } from "./operators/hash-operator";
export { type MaskOptions, maskOperator } from "./operators/mask-operator";
export type { Operator } from "./operators/operator";
export { replaceOperator } from "./operators/replace-operator";
export {
  type Pattern,
  type PatternRecognizer,
  type PatternRecognizerOptions,
  type PatternVerdict,
  patternRecognizer,
} from "./pattern-recognizer";
export { canonicalKey, placeholderRegex } from "./placeholder-pattern";
export type { Progress } from "./progress";
export type { Recognizer, RecognizerContext, RecognizerResult } from "./recognizer";
export { type RedactResult, redact } from "./redact";
export { createRedactor, type Redactor } from "./redactor";
export { resolveOverlaps } from "./resolve-overlaps";
export { type RestoreOptions, restore } from "./restore";
export { restoreStream } from "./restore-stream";
export { createStreamRestorer, isOpenPlaceholder, type StreamRestorer } from "./stream-restorer";
export { normalizeValue, VAULT_VERSION, Vault, type VaultData, type VaultEntry } from "./vault";
