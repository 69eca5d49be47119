import { EscalateError } from "./escalate-error";

/** An audit log line is not a record this version understands. */
export class AuditFormatError extends EscalateError {
  constructor(message: string, options?: { cause?: unknown }) {
    super("E_AUDIT_FORMAT", message, options);
  }
}
