import { EscalateError } from "./escalate-error";

/**
 * A line of input (the CLI's JSONL on stdin) is not what the format says: not JSON, not an object, or without a
 * `prompt` string. The message names the line by number and never quotes it: it may hold personal data.
 */
export class InvalidInputError extends EscalateError {
  constructor(message: string, options?: { cause?: unknown }) {
    super("E_INPUT", message, options);
  }
}
