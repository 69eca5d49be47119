import { PamError } from "./pam-error";

/** The models could not be opened at all (not one falling back to rules: the loading itself failed). */
export class ModelUnavailableError extends PamError {
  constructor(message: string, options?: { cause?: unknown }) {
    super("E_MODEL_UNAVAILABLE", message, options);
  }
}
