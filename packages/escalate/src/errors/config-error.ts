import { EscalateError } from "./escalate-error";

/** A provider lacks what it needs to be called (an API key, a base URL, a model name). */
export class ConfigError extends EscalateError {
  constructor(message: string, options?: { cause?: unknown }) {
    super("E_CONFIG", message, options);
  }
}
