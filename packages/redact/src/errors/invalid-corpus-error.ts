import { RedactError } from "./redact-error";

/** An evaluation corpus is not in the presidio-research shape. */
export class InvalidCorpusError extends RedactError {
  constructor(message: string, options?: { cause?: unknown }) {
    super("E_CORPUS", message, options);
  }
}
