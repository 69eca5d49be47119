import { ModelsError } from "./models-error";

/** The connection failed, dropped or stalled, and retries ran out. What was received is kept for a resume. */
export class NetworkError extends ModelsError {
  /** Whether trying again could help (a dropped connection, a stall). */
  readonly retryable: boolean;

  constructor(message: string, options?: { cause?: unknown; retryable?: boolean }) {
    super("E_NETWORK", message, options);
    this.retryable = options?.retryable ?? true;
  }
}
