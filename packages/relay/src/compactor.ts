import type { RelayLogger } from "./relay-logger";
import type { RelayStore } from "./store/relay-store";

const MAX_SWEEP_INTERVAL_MS = 60 * 60 * 1000;
const MIN_SWEEP_INTERVAL_MS = 1000;

/**
 * Drops log entries that a snapshot covers once they are older than the retention period. With a retention of 0
 * a document is compacted right after a snapshot that covers more than before; otherwise a periodic sweep does it.
 */
export class Compactor {
  readonly #store: RelayStore;
  readonly #retentionMs: number;
  readonly #logger: RelayLogger;
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<void> = Promise.resolve();
  #stopped = false;

  constructor(store: RelayStore, retentionMs: number, logger: RelayLogger) {
    this.#store = store;
    this.#retentionMs = retentionMs;
    this.#logger = logger;
  }

  /** Starts the periodic sweep. */
  start(): void {
    const interval = Math.min(MAX_SWEEP_INTERVAL_MS, Math.max(MIN_SWEEP_INTERVAL_MS, this.#retentionMs));
    this.#timer = setInterval(() => this.#run({}), interval);
    this.#timer.unref();
  }

  /** A snapshot of `documentId` now covers more: compact it at once when nothing is retained. */
  snapshotAdded(spaceId: string, documentId: string): void {
    if (this.#retentionMs === 0) this.#run({ spaceId, documentId });
  }

  #run(scope: { spaceId?: string; documentId?: string }): void {
    if (this.#stopped) return;
    this.#running = this.#running.then(async () => {
      try {
        const result = await this.#store.compact({ ...scope, cutoff: Date.now() - this.#retentionMs });
        if (result.entries > 0) {
          this.#logger({
            level: "info",
            msg: "compacted",
            space: scope.spaceId,
            documents: result.documents,
            entries: result.entries,
            bytes: result.bytes,
          });
        }
      } catch (error) {
        this.#logger({ level: "error", msg: "compaction failed", error: String(error) });
      }
    });
  }

  /** Stops the sweep and waits for a compaction in progress. */
  async stop(): Promise<void> {
    this.#stopped = true;
    clearInterval(this.#timer);
    await this.#running;
  }
}
