import { ModelsError } from "./models-error";

/** No source or cache knows the model, revision or file asked for. */
export class NotFoundError extends ModelsError {
  constructor(message: string, options?: { cause?: unknown }) {
    super("E_NOT_FOUND", message, options);
  }
}
