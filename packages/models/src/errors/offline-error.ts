import { ModelsError } from "./models-error";

/** Offline mode and the model is not in the cache: nothing was fetched (no socket was opened). */
export class OfflineError extends ModelsError {
  constructor(message: string, options?: { cause?: unknown }) {
    super("E_OFFLINE", message, options);
  }
}
