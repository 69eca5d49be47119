import type { DocHandle, SyncClient } from "@hearth/sync";
import type { CalendarEvent } from "../calendar/calendar-event";
import { InvalidArgumentError } from "../errors/invalid-argument-error";
import type { MailMessage } from "../mail/mail-message";
import { stableId } from "../stable-id";
import type { Category } from "../triage/categories";
import {
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
} from "./document-shapes";

// Automerge refuses `undefined`; records are built with optional fields left out, and this keeps it that way.
const plain = <T extends object>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

const values = <T>(doc: Record<string, T> | undefined): T[] => Object.values(doc ?? {});

/**
 * A person's PAM data in one space: the inbox, tasks, calendar, notes and corrections, each an Automerge document
 * of a {@link SyncClient}, so every change is stored locally first and synced end-to-end encrypted.
 */
export class PamSpace {
  private constructor(
    readonly client: SyncClient,
    private readonly inboxDoc: DocHandle<InboxDoc>,
    private readonly tasksDoc: DocHandle<TasksDoc>,
    private readonly calendarDoc: DocHandle<CalendarDoc>,
    private readonly notesDoc: DocHandle<NotesDoc>,
    private readonly correctionsDoc: DocHandle<CorrectionsDoc>,
  ) {}

  /** Opens (or creates, empty) the five documents. */
  static async open(client: SyncClient): Promise<PamSpace> {
    return new PamSpace(
      client,
      await client.document<InboxDoc>(DOCUMENT_IDS.inbox),
      await client.document<TasksDoc>(DOCUMENT_IDS.tasks),
      await client.document<CalendarDoc>(DOCUMENT_IDS.calendar),
      await client.document<NotesDoc>(DOCUMENT_IDS.notes),
      await client.document<CorrectionsDoc>(DOCUMENT_IDS.corrections),
    );
  }

  /**
   * Calls `listener` after every change to any of the documents, made here or arrived from another device (an
   * app re-renders on it); returns a function that stops it.
   */
  onChange(listener: (change: { documentId: string; source: "local" | "remote" }) => void): () => void {
    const handles = [this.inboxDoc, this.tasksDoc, this.calendarDoc, this.notesDoc, this.correctionsDoc] as const;
    const stops = handles.map((h: DocHandle<unknown>) =>
      h.on("change", ({ documentId, source }) => listener({ documentId, source })),
    );
    return () => {
      for (const stop of stops) stop();
    };
  }

  /** Messages, newest first. */
  messages(): InboxMessage[] {
    return values(this.inboxDoc.doc()).sort((a, b) => b.date.localeCompare(a.date) || a.id.localeCompare(b.id));
  }

  message(id: string): InboxMessage | undefined {
    return this.inboxDoc.doc()[id];
  }

  /** Tasks: open first, then by due date. */
  tasks(): Task[] {
    return values(this.tasksDoc.doc()).sort(
      (a, b) =>
        Number(a.done) - Number(b.done) ||
        (a.due ?? "9999").localeCompare(b.due ?? "9999") ||
        a.createdAt.localeCompare(b.createdAt) ||
        a.id.localeCompare(b.id),
    );
  }

  events(): CalendarEvent[] {
    return values(this.calendarDoc.doc()).sort((a, b) => a.start.localeCompare(b.start));
  }

  notes(): Note[] {
    return values(this.notesDoc.doc()).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }

  corrections(): Record<string, Correction> {
    return { ...this.correctionsDoc.doc() };
  }

  /** Adds messages not already in the inbox; returns how many were new. */
  async addMessages(messages: readonly MailMessage[]): Promise<{ added: number; existing: number }> {
    const current = this.inboxDoc.doc();
    const fresh = messages.filter((m, i) => !current[m.id] && messages.findIndex((o) => o.id === m.id) === i);
    if (fresh.length > 0) {
      await this.inboxDoc.change((doc) => {
        for (const m of fresh) doc[m.id] = plain(m);
      }, `import ${fresh.length} messages`);
    }
    return { added: fresh.length, existing: messages.length - fresh.length };
  }

  /** Stores triage labels (only where they changed, so a re-run makes no new changes). */
  async applyTriage(labels: ReadonlyMap<string, TriageLabel>): Promise<number> {
    const current = this.inboxDoc.doc();
    const changed = [...labels].filter(([id, label]) => {
      const old = current[id]?.triage;
      return current[id] && JSON.stringify(old) !== JSON.stringify(label);
    });
    if (changed.length > 0) {
      await this.inboxDoc.change((doc) => {
        for (const [id, label] of changed) {
          const m = doc[id];
          if (m) m.triage = plain(label);
        }
      }, `triage ${changed.length}`);
    }
    return changed.length;
  }

  /** Adds tasks whose ids are new; returns how many were added. */
  async addTasks(tasks: readonly Task[]): Promise<number> {
    const current = this.tasksDoc.doc();
    const fresh = tasks.filter((t) => !current[t.id]);
    if (fresh.length > 0) {
      await this.tasksDoc.change((doc) => {
        for (const t of fresh) doc[t.id] = plain(t);
      }, `tasks ${fresh.length}`);
    }
    return fresh.length;
  }

  /** A task the person writes. */
  async createTask(title: string, options: { due?: string; now?: Date } = {}): Promise<Task> {
    const text = title.trim();
    if (!text) throw new InvalidArgumentError("A task needs a title.");
    if (options.due !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(options.due))
      throw new InvalidArgumentError("A due date is written YYYY-MM-DD.");
    const createdAt = (options.now ?? new Date()).toISOString();
    const task: Task = {
      id: stableId("t", `${createdAt}\n${text}\n${Math.random()}`),
      title: text,
      ...(options.due ? { due: options.due } : {}),
      people: [],
      done: false,
      createdAt,
      origin: "manual",
    };
    await this.tasksDoc.change((doc) => {
      doc[task.id] = plain(task);
    }, "create task");
    return task;
  }

  /** Edits a task's title, due date or done flag. */
  async updateTask(id: string, patch: { title?: string; due?: string | null; done?: boolean }): Promise<void> {
    if (!this.tasksDoc.doc()[id]) throw new InvalidArgumentError(`There is no task ${id}; list them with pam tasks.`);
    await this.tasksDoc.change((doc) => {
      const t = doc[id];
      if (!t) return;
      if (patch.title !== undefined) t.title = patch.title;
      if (patch.done !== undefined) t.done = patch.done;
      if (patch.due === null) delete t.due;
      else if (patch.due !== undefined) t.due = patch.due;
    }, "update task");
  }

  async addEvents(events: readonly CalendarEvent[]): Promise<number> {
    const current = this.calendarDoc.doc();
    const fresh = events.filter((e) => !current[e.id]);
    if (fresh.length > 0) {
      await this.calendarDoc.change((doc) => {
        for (const e of fresh) doc[e.id] = plain(e);
      }, `events ${fresh.length}`);
    }
    return fresh.length;
  }

  async addNote(text: string, now: Date = new Date()): Promise<Note> {
    const note: Note = { id: stableId("n", `${now.toISOString()}\n${text}`), text, createdAt: now.toISOString() };
    await this.notesDoc.change((doc) => {
      doc[note.id] = plain(note);
    }, "note");
    return note;
  }

  /** Records the person's category for a message; the triage and the correction head learn from it. */
  async correct(messageId: string, category: Category, now: Date = new Date()): Promise<void> {
    if (!this.message(messageId)) throw new InvalidArgumentError(`There is no message ${messageId} in the inbox.`);
    await this.correctionsDoc.change((doc) => {
      doc[messageId] = { messageId, category, at: now.toISOString() };
    }, "correction");
  }
}
