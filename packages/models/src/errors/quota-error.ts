import { ModelsError } from "./models-error";

/** The model cannot fit the cache quota even after evicting every unpinned model; nothing was downloaded. */
export class QuotaError extends ModelsError {
  constructor(message: string, options?: { cause?: unknown }) {
    super("E_QUOTA", message, options);
  }
}
