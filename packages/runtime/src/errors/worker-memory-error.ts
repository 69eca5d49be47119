import { RuntimeError } from "./runtime-error";

/** An isolated worker went over its memory limit and was killed; it restarts on the next call. */
export class WorkerMemoryError extends RuntimeError {
  /** The limit, in bytes. */
  readonly limitBytes: number;
  /** What the worker used when it was killed, in bytes (0 when the runtime killed it before it was measured). */
  readonly usedBytes: number;

  constructor(limitBytes: number, usedBytes: number) {
    super(
      "E_WORKER_MEMORY",
      `The model worker used ${Math.round(usedBytes / 2 ** 20)} MiB, over its ${Math.round(limitBytes / 2 ** 20)} MiB limit, and was restarted: retry with a smaller input or raise memoryLimitBytes.`,
    );
    this.limitBytes = limitBytes;
    this.usedBytes = usedBytes;
  }
}
