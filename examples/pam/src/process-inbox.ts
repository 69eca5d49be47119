import type { PamSpace } from "./documents/pam-space";
import type { Progress } from "./progress";
import { extractTasks } from "./tasks/extract-tasks";
import type { Triager } from "./triage/triager";

/** What {@link processInbox} did. */
export interface ProcessReport {
  readonly triaged: number;
  readonly spam: number;
  readonly tasksAdded: number;
}

/**
 * Triages every message of the space (the person's corrections first) and extracts tasks from the messages that
 * are not spam, storing both in the documents. Running it again changes nothing that has not changed.
 */
export async function processInbox(
  space: PamSpace,
  triager: Triager,
  options: { now?: Date; signal?: AbortSignal; onProgress?: (progress: Progress) => void } = {},
): Promise<ProcessReport> {
  const messages = space.messages();
  const corrections = space.corrections();
  const labels = await triager.triage(messages, {
    corrections,
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  await space.applyTriage(labels);
  const tasks = messages
    .filter((m) => labels.get(m.id)?.spam === false)
    .flatMap((m) => extractTasks(m, options.now ? { now: options.now } : {}));
  const tasksAdded = await space.addTasks(tasks);
  options.onProgress?.({ phase: "tasks", loaded: messages.length, total: messages.length });
  return { triaged: labels.size, spam: [...labels.values()].filter((l) => l.spam).length, tasksAdded };
}
