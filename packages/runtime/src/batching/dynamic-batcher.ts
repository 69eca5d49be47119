import { AbortedError } from "../errors/aborted-error";
import { InvalidArgumentError } from "../errors/invalid-argument-error";

/** How concurrent calls are grouped into one model run. */
export interface BatchingOptions {
  /** Most items in one run (default 16). */
  readonly maxBatchSize?: number;
  /** Longest an item waits for others before its batch runs, in ms (default 2; 0 still groups same-tick calls). */
  readonly maxWaitMs?: number;
}

interface Pending<I, O> {
  readonly item: I;
  readonly resolve: (value: O) => void;
  readonly reject: (error: unknown) => void;
  readonly signal: AbortSignal | undefined;
}

/**
 * Groups items from concurrent callers into batches: a batch runs when it is full or when its first item has
 * waited `maxWaitMs`, and one batch runs at a time, so items that arrive during a run form the next batch.
 * `run` gets the items and returns one result per item, in order.
 */
export class DynamicBatcher<I, O> {
  private readonly maxBatchSize: number;
  private readonly maxWaitMs: number;
  private queue: Pending<I, O>[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running = false;
  /** Sizes of the batches run so far, oldest first (bounded): for tests, tuning and benchmarks. */
  readonly batchSizes: number[] = [];

  constructor(
    private readonly run: (items: I[]) => Promise<O[]>,
    options: BatchingOptions = {},
  ) {
    this.maxBatchSize = options.maxBatchSize ?? 16;
    this.maxWaitMs = options.maxWaitMs ?? 2;
    if (!Number.isInteger(this.maxBatchSize) || this.maxBatchSize < 1) {
      throw new InvalidArgumentError("batching.maxBatchSize must be a positive integer.");
    }
    if (!(this.maxWaitMs >= 0)) throw new InvalidArgumentError("batching.maxWaitMs must be 0 or more.");
  }

  /** Queues one item; resolves with its result when its batch has run. */
  add(item: I, signal?: AbortSignal): Promise<O> {
    if (signal?.aborted) return Promise.reject(new AbortedError());
    return new Promise<O>((resolve, reject) => {
      this.queue.push({ item, resolve, reject, signal });
      if (this.queue.length >= this.maxBatchSize) this.schedule(0);
      else this.schedule(this.maxWaitMs);
    });
  }

  private schedule(delay: number): void {
    if (this.running) return;
    if (this.timer !== undefined && delay > 0) return;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, delay);
  }

  private async flush(): Promise<void> {
    if (this.running) return;
    // Items whose caller gave up while waiting never reach the model.
    this.queue = this.queue.filter((p) => {
      if (p.signal?.aborted) p.reject(new AbortedError());
      return !p.signal?.aborted;
    });
    const batch = this.queue.splice(0, this.maxBatchSize);
    if (batch.length === 0) return;
    this.running = true;
    this.batchSizes.push(batch.length);
    if (this.batchSizes.length > 1000) this.batchSizes.splice(0, this.batchSizes.length - 1000);
    try {
      const results = await this.run(batch.map((p) => p.item));
      for (const [i, p] of batch.entries()) p.resolve(results[i]!);
    } catch (error) {
      for (const p of batch) p.reject(error);
    } finally {
      this.running = false;
      // Whatever arrived during the run has already waited: it forms the next batch at once.
      if (this.queue.length > 0) this.schedule(0);
    }
  }
}
