import { ModelsError } from "./models-error";

/** An option or argument is out of range or malformed. */
export class InvalidArgumentError extends ModelsError {
  constructor(message: string, options?: { cause?: unknown }) {
    super("E_ARGUMENT", message, options);
  }
}
