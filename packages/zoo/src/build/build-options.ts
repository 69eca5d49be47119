import { AbortedError } from "../errors/aborted-error";
import type { Progress } from "../spec/progress";

/** What every model build takes: a way to stop it and a way to watch it. */
export interface BuildOptions {
  readonly signal?: AbortSignal;
  /** Called as slow steps advance; `phase` names the model and the step (`email-triage: train`). */
  readonly onProgress?: (progress: Progress) => void;
}

/** Throws {@link AbortedError} if the build's signal has fired: called between steps and inside long loops. */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new AbortedError(undefined, { cause: signal.reason });
}
