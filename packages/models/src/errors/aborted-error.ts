import { ModelsError } from "./models-error";

/** The caller's AbortSignal fired; partial downloads stay on disk so the next pull resumes them. */
export class AbortedError extends ModelsError {
  constructor(message = "The operation was aborted by its AbortSignal.", options?: { cause?: unknown }) {
    super("E_ABORTED", message, options);
  }
}
