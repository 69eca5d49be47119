import { PamError } from "./pam-error";

/** The device's escalation queue file is damaged: PAM leaves it as it is (nothing queued is dropped). */
export class QueueFormatError extends PamError {
  constructor(message: string, options?: { cause?: unknown }) {
    super("E_QUEUE_FORMAT", message, options);
  }
}
