import { SyncError } from "@hearth/sync/protocol";

/** `createRelay` (or the CLI) was given options it cannot run with. */
export class RelayOptionsError extends SyncError {
  constructor(message: string, options?: { cause?: unknown }) {
    super("E_RELAY", message, options);
  }
}
