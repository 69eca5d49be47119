import { ModelsError } from "./models-error";

/** Bytes did not match the manifest (size or SHA-256): they were discarded, never cached. */
export class IntegrityError extends ModelsError {
  constructor(message: string, options?: { cause?: unknown }) {
    super("E_INTEGRITY", message, options);
  }
}
