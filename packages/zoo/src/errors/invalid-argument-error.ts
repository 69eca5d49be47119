import { ZooError } from "./zoo-error";

/** A function was called with a value it cannot use (an unknown model id, a token id out of range, ...). */
export class InvalidArgumentError extends ZooError {
  constructor(message: string, options?: { cause?: unknown }) {
    super("E_ARGUMENT", message, options);
  }
}
