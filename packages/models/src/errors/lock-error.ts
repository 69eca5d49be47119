import { ModelsError } from "./models-error";

/** Another process held the cache lock for longer than the wait allowed. */
export class LockError extends ModelsError {
  constructor(message: string, options?: { cause?: unknown }) {
    super("E_LOCK", message, options);
  }
}
