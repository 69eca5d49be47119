import { ModelsError } from "./models-error";

/** A manifest or catalog is malformed or of a schema version this package does not understand. */
export class ManifestError extends ModelsError {
  constructor(message: string, options?: { cause?: unknown }) {
    super("E_MANIFEST", message, options);
  }
}
