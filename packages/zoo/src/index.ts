/**
 * @hearth/zoo: the models Hearth builds itself from real data (hearth/email-triage, hearth/glove-sif,
 * hearth/tiny-decoder). This entry is platform-neutral: model ids, the email featurizer and the TypeScript reference
 * forward passes. The catalog and the builders are in `@hearth/zoo/node`.
 *
 * @packageDocumentation
 */

export { featurize, TRIAGE_FEATURIZER, type TriageFeaturizer } from "./email-triage/featurize";
export { fnv1a32 } from "./email-triage/fnv1a";
export { messageText } from "./email-triage/message-text";
export { type TriageBatch, triageBatch } from "./email-triage/triage-batch";
export { softmax, triageForward } from "./email-triage/triage-forward";
export { argmax, type TriageMetrics, triageMetrics } from "./email-triage/triage-metrics";
export type { TriageWeights } from "./email-triage/triage-weights";
export { AbortedError } from "./errors/aborted-error";
export { DatasetError } from "./errors/dataset-error";
export { FormatError } from "./errors/format-error";
export { InvalidArgumentError } from "./errors/invalid-argument-error";
export { ZooError, type ZooErrorCode } from "./errors/zoo-error";
export { cosineSimilarity } from "./glove-sif/cosine-similarity";
export { rocAuc } from "./glove-sif/roc-auc";
export { type SentencePair, SIF_EVAL_PAIRS } from "./glove-sif/sif-eval-pairs";
export { sifForward } from "./glove-sif/sif-forward";
export type { SifWeights } from "./glove-sif/sif-weights";
export { EMAIL_TRIAGE_ID, GLOVE_SIF_ID, TINY_DECODER_ID, ZOO_MODEL_IDS, type ZooModelId } from "./model-ids";
export { dequantizeRows, type QuantizedRows, quantizeRows } from "./quantize-rows";
export { normalFrom, seededRandom, shuffle } from "./seeded-random";
export type { Progress } from "./spec/progress";
export { decoderForward } from "./tiny-decoder/decoder-forward";
export type { DecoderBlock, DecoderWeights } from "./tiny-decoder/decoder-weights";
