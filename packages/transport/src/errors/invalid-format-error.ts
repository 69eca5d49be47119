import { TransportError } from "./transport-error";

/** Bytes that do not parse as the expected format: wrong version byte, too short, too long, bad length field. */
export class InvalidFormatError extends TransportError {
  constructor(message: string, options?: { cause?: unknown }) {
    super("E_FORMAT", message, options);
  }
}
