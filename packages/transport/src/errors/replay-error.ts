import { TransportError } from "./transport-error";

/** A message whose sequence number was already seen, or is too old for the replay window. */
export class ReplayError extends TransportError {
  constructor(message: string, options?: { cause?: unknown }) {
    super("E_REPLAY", message, options);
  }
}
