import { TransportError } from "./transport-error";

/** A secure channel frame that is malformed, replayed, reordered or tampered with; the channel is closed. */
export class ChannelError extends TransportError {
  constructor(message: string, options?: { cause?: unknown }) {
    super("E_CHANNEL", message, options);
  }
}
