import { ModelsError } from "./models-error";

/** The cache folder is unreadable or of a layout version this package does not understand. */
export class CacheError extends ModelsError {
  constructor(message: string, options?: { cause?: unknown }) {
    super("E_CACHE", message, options);
  }
}
