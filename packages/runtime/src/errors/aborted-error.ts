import { RuntimeError } from "./runtime-error";

/** The caller's AbortSignal fired; the work stopped at the next step boundary. */
export class AbortedError extends RuntimeError {
  constructor(message = "The operation was aborted by its AbortSignal.", options?: { cause?: unknown }) {
    super("E_ABORTED", message, options);
  }
}
