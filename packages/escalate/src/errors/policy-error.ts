import { EscalateError } from "./escalate-error";

/** The policy forbids what was asked (a task kind that must stay local, a PII type that may not leave, no consent). */
export class PolicyError extends EscalateError {
  constructor(message: string, options?: { cause?: unknown }) {
    super("E_POLICY", message, options);
  }
}
