/**
 * @hearth/pam: the core of PAM, the reference Personal AI Manager, built only from the Hearth packages' public
 * APIs. Mail and calendar import, the Automerge documents, triage, task extraction, search, digest, quick replies
 * and escalation wiring. This entry runs in browsers; Node-only parts (models on disk, profiles, the relay) are in
 * `@hearth/pam/node`.
 *
 * @packageDocumentation
 */

export type { CalendarEvent } from "./calendar/calendar-event";
export { importIcs } from "./calendar/import-ics";
export { type DailyDigest, dailyDigest } from "./digest/daily-digest";
export {
  type CalendarDoc,
  type Correction,
  type CorrectionsDoc,
  DOCUMENT_IDS,
  type InboxDoc,
  type InboxMessage,
  type Note,
  type NotesDoc,
  type Task,
  type TasksDoc,
  type TriageLabel,
} from "./documents/document-shapes";
export { PamSpace } from "./documents/pam-space";
export { CalendarFormatError } from "./errors/calendar-format-error";
export { HeadFormatError } from "./errors/head-format-error";
export { InvalidArgumentError } from "./errors/invalid-argument-error";
export { MailFormatError } from "./errors/mail-format-error";
export { ModelUnavailableError } from "./errors/model-unavailable-error";
export { NoSpaceError } from "./errors/no-space-error";
export { PamError, type PamErrorCode } from "./errors/pam-error";
export { ProfileError } from "./errors/profile-error";
export { QueueFormatError } from "./errors/queue-format-error";
export { WebAppMissingError } from "./errors/web-app-missing-error";
export {
  createPamEscalator,
  type EscalationSettings,
  type PamEscalation,
} from "./escalation/create-escalator";
export { ruleDrafter } from "./escalation/rule-drafter";
export type { ImportProblem, ImportResult } from "./import-problem";
export { type ImportMailOptions, importMbox } from "./mail/import-mbox";
export { importMessages, type NamedMessage } from "./mail/import-messages";
export { MAX_BODY_CHARS, type MailMessage } from "./mail/mail-message";
export { parseEmail } from "./mail/parse-email";
export { type MboxPart, type MboxSplit, splitMbox } from "./mail/split-mbox";
export { type ProcessReport, processInbox } from "./process-inbox";
export type { Progress } from "./progress";
export {
  DEFAULT_REPLY_TEMPLATES,
  fillTemplate,
  type QuickReply,
  quickReplies,
  type ReplyTemplate,
} from "./replies/quick-replies";
export { type SearchHit, SemanticIndex } from "./search/semantic-index";
export { spaceKeyRing } from "./space-key-ring";
export { stableId } from "./stable-id";
export { extractTasks } from "./tasks/extract-tasks";
export { CATEGORIES, CATEGORY_LABELS, CATEGORY_PROTOTYPES, type Category } from "./triage/categories";
export { CorrectionHead, type CorrectionHeadData, type LabeledVector } from "./triage/correction-head";
export { type CategoryScores, EmbeddingCategorizer } from "./triage/embedding-categorizer";
export { embeddingText, triageText } from "./triage/message-text";
export { modelSpamScorer, type TensorRunner } from "./triage/model-spam-scorer";
export { type RuleVerdict, ruleCategory } from "./triage/rule-categorizer";
export { ruleSpamScorer } from "./triage/rule-spam-scorer";
export type { SpamScorer } from "./triage/spam-scorer";
export { centroid, dot, type TextEmbedder } from "./triage/text-embedder";
export { type TriageRunOptions, Triager, type TriagerOptions } from "./triage/triager";
