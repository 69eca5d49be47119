import { TransportError } from "./transport-error";

/** An envelope sealed under a key epoch this key ring does not hold. */
export class UnknownEpochError extends TransportError {
  constructor(message: string, options?: { cause?: unknown }) {
    super("E_EPOCH", message, options);
  }
}
