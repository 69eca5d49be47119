import { ZooError } from "./zoo-error";

/** The caller's AbortSignal fired; the build stopped at the next step and wrote nothing more. */
export class AbortedError extends ZooError {
  constructor(message = "The build was aborted by its AbortSignal.", options?: { cause?: unknown }) {
    super("E_ABORTED", message, options);
  }
}
