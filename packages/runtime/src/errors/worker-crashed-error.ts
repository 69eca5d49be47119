import { RuntimeError } from "./runtime-error";

/** An isolated worker exited or failed for a reason other than its memory limit; it restarts on the next call. */
export class WorkerCrashedError extends RuntimeError {
  constructor(detail: string, options?: { cause?: unknown }) {
    super("E_WORKER_CRASHED", `The model worker stopped (${detail}) and will restart on the next call.`, options);
  }
}
