import { SyncError } from "./sync-error";

/** An entry failed verification or decryption; it was rejected and never applied. */
export class VerifyError extends SyncError {
  constructor(message: string, options?: { cause?: unknown }) {
    super("E_VERIFY", message, options);
  }
}
