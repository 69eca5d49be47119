import { EscalateError } from "./escalate-error";

/**
 * A request holds more text than the escalator's `maxInputChars`: refused before any work (routing, redaction, a
 * call), since redaction runs on the device and its cost grows with the text.
 */
export class InputTooLargeError extends EscalateError {
  /** Characters in the request (system prompt and every message). */
  readonly chars: number;
  /** The limit it exceeded. */
  readonly maxChars: number;

  constructor(message: string, details: { chars: number; maxChars: number }, options?: { cause?: unknown }) {
    super("E_TOO_LARGE", message, options);
    this.chars = details.chars;
    this.maxChars = details.maxChars;
  }
}
