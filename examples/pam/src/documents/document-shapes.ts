import type { CalendarEvent } from "../calendar/calendar-event";
import type { MailMessage } from "../mail/mail-message";
import type { Category } from "../triage/categories";

/** The Automerge documents of a PAM space, by id. Each is synced end-to-end encrypted through @hearth/sync. */
export const DOCUMENT_IDS = {
  inbox: "inbox",
  tasks: "tasks",
  calendar: "calendar",
  notes: "notes",
  corrections: "corrections",
} as const;

/** How a message was triaged on the device that triaged it. */
export interface TriageLabel {
  readonly spam: boolean;
  /** Spam probability from hearth/email-triage, or from the rules when the model did not run. */
  readonly spamScore: number;
  readonly category: Category;
  /** Where the category came from: the person, their correction head, the embeddings, or the rules. */
  readonly source: "correction" | "head" | "embedding" | "rules";
  /** `model` when hearth/email-triage ran, `rules` when it did not fit the device. */
  readonly engine: "model" | "rules";
}

/** A message in the inbox document, with its triage once triaged. */
export interface InboxMessage extends MailMessage {
  triage?: TriageLabel;
}

/**
 * `inbox`: every imported message, keyed by id at the document's root. Records sit at the root rather than under
 * a `messages` map because two devices creating that map concurrently would conflict and one map would win.
 */
export type InboxDoc = Record<string, InboxMessage>;

/** A task: extracted from a message (linked by `messageId`) or written by the person. */
export interface Task {
  readonly id: string;
  title: string;
  /** ISO date (YYYY-MM-DD) when a deadline was found or set. */
  due?: string;
  people: string[];
  /** The message it came from. */
  messageId?: string;
  done: boolean;
  readonly createdAt: string;
  readonly origin: "extracted" | "manual";
}

/** `tasks`: every task, keyed by id at the root. */
export type TasksDoc = Record<string, Task>;

/** `calendar`: every event, keyed by id at the root. */
export type CalendarDoc = Record<string, CalendarEvent>;

/** A note the person wrote. */
export interface Note {
  readonly id: string;
  text: string;
  readonly createdAt: string;
}

/** `notes`: every note, keyed by id at the root. */
export type NotesDoc = Record<string, Note>;

/** The person's correction of a triage label. */
export interface Correction {
  readonly messageId: string;
  readonly category: Category;
  readonly at: string;
}

/**
 * `corrections`: the labels the person fixed, by message id. They sync (they are the person's data, encrypted);
 * the classifier head each device trains from them stays on that device.
 */
export type CorrectionsDoc = Record<string, Correction>;
