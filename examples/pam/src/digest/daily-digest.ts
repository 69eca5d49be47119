import type { InboxMessage, Task } from "../documents/document-shapes";
import { CATEGORIES, CATEGORY_LABELS, type Category } from "../triage/categories";

/** The day at a glance. */
export interface DailyDigest {
  readonly date: string;
  readonly messages: number;
  readonly spam: number;
  readonly byCategory: Record<Category, number>;
  /** Open tasks due on or before `date`, earliest first. */
  readonly dueTasks: readonly Task[];
  /** Open tasks without a due date or due later. */
  readonly openTasks: number;
  /** Subjects of the newest messages needing action. */
  readonly needAction: readonly { id: string; subject: string; from: string }[];
  /** The digest as plain text lines, for a terminal or a notification. */
  readonly lines: readonly string[];
}

/** Builds the daily digest from the inbox and the tasks, as of `today` (YYYY-MM-DD). */
export function dailyDigest(
  messages: readonly InboxMessage[],
  tasks: readonly Task[],
  today: string = new Date().toISOString().slice(0, 10),
): DailyDigest {
  const byCategory = Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Record<Category, number>;
  let spam = 0;
  for (const m of messages) {
    if (m.triage?.spam) spam++;
    else if (m.triage) byCategory[m.triage.category]++;
  }
  const open = tasks.filter((t) => !t.done);
  const dueTasks = open
    .filter((t) => t.due !== undefined && t.due <= today)
    .sort((a, b) => (a.due ?? "").localeCompare(b.due ?? ""));
  const needAction = messages
    .filter((m) => m.triage && !m.triage.spam && m.triage.category === "action")
    .sort((a, b) => b.date.localeCompare(a.date))
    .slice(0, 5)
    .map((m) => ({ id: m.id, subject: m.subject, from: m.fromName || m.from }));
  const lines = [
    `Digest for ${today}: ${messages.length} messages, ${spam} spam`,
    `  ${CATEGORIES.filter((c) => byCategory[c] > 0)
      .map((c) => `${CATEGORY_LABELS[c]} ${byCategory[c]}`)
      .join(", ")}`,
    `  tasks: ${dueTasks.length} due, ${open.length - dueTasks.length} open`,
    ...dueTasks.slice(0, 5).map((t) => `  due ${t.due}: ${t.title}`),
    ...needAction.map((m) => `  needs action: ${m.subject} (${m.from})`),
  ];
  return {
    date: today,
    messages: messages.length,
    spam,
    byCategory,
    dueTasks,
    openTasks: open.length,
    needAction,
    lines,
  };
}
