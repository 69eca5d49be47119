import { TransportError } from "./transport-error";

/** A Noise handshake message that is malformed, out of turn, or fails authentication. */
export class HandshakeError extends TransportError {
  constructor(message: string, options?: { cause?: unknown }) {
    super("E_HANDSHAKE", message, options);
  }
}
