import type { Message, ToolDefinition } from "../spec/language-model";

/** A task routed to `queue`: kept on the device, in clear, until it is sent. */
export interface QueuedTask {
  readonly id: string;
  readonly enqueuedAt: string;
  readonly request: EscalateQueueRequest;
}

/** The serialisable part of an escalation request. */
export interface EscalateQueueRequest {
  readonly conversation: string;
  readonly kind?: string;
  readonly system?: string;
  readonly messages: readonly Message[];
  readonly tools?: readonly ToolDefinition[];
  readonly maxOutputTokens?: number;
  readonly temperature?: number;
  /** The local model's confidence in [0, 1], when the app measured it. */
  readonly localConfidence?: number;
  /** The margin of the app's local classifier on this task (see `classifierMargin`). */
  readonly classifierMargin?: number;
  /** The mean token log-probability of a local draft the app already has (see `meanLogprob`). */
  readonly meanTokenLogprob?: number;
}

/** Where queued tasks wait. Persist it (IndexedDB, a file, a synced document) to survive restarts. */
export interface TaskQueue {
  push(task: QueuedTask): Promise<void>;
  /** Every waiting task, oldest first. */
  list(): Promise<QueuedTask[]>;
  remove(id: string): Promise<void>;
}

/** A queue in memory. */
export class MemoryTaskQueue implements TaskQueue {
  private readonly tasks: QueuedTask[] = [];

  async push(task: QueuedTask): Promise<void> {
    this.tasks.push(task);
  }

  async list(): Promise<QueuedTask[]> {
    return [...this.tasks];
  }

  async remove(id: string): Promise<void> {
    const i = this.tasks.findIndex((t) => t.id === id);
    if (i >= 0) this.tasks.splice(i, 1);
  }
}
