import { SyncError } from "./sync-error";

/** A message on the wire that does not parse as the sync protocol: a missing field, a wrong type, a bad size. */
export class ProtocolError extends SyncError {
  constructor(message: string, options?: { cause?: unknown }) {
    super("E_PROTOCOL", message, options);
  }
}
