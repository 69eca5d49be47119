import { AbortedError } from "../errors/aborted-error";
import { InvalidArgumentError } from "../errors/invalid-argument-error";

/** How concurrent calls are grouped into one model run. */
export interface BatchingOptions {
  /**
   * Most items in one run (default 32, the batch size sentence-transformers encodes with). An array of texts larger
   * than this runs in several batches, which bounds the memory of one run.
   */
  readonly maxBatchSize?: number;
  /**
   * Longest an item waits for company when calls are concurrent, in ms (default 2). A call that finds the batcher
   * idle never waits: it runs at once, with whatever was added in the same tick. Only items that queue behind a
   * run in flight may be held, after that run, until the oldest of them has waited this long or the batch is full.
   */
  readonly maxWaitMs?: number;
}

/** One caller's items: settled together once each has its result, or at the first error. */
interface Group<O> {
  readonly results: O[];
  left: number;
  settled: boolean;
  readonly resolve: (values: O[]) => void;
  readonly reject: (error: unknown) => void;
  readonly signal: AbortSignal | undefined;
  /** performance.now() when the group was queued. */
  readonly since: number;
  /** Queued while a run was in flight: a sign of concurrent callers, worth waiting for. */
  readonly concurrent: boolean;
}

/** One item in the queue, and where its result goes. */
interface Pending<I, O> {
  readonly item: I;
  readonly group: Group<O>;
  readonly index: number;
}

function settle<O>(group: Group<O>, error: unknown): void {
  if (group.settled) return;
  group.settled = true;
  group.reject(error);
}

/**
 * Groups items from concurrent callers into batches. An idle batcher runs a call at once (items added in the same
 * synchronous tick share its run); items that arrive while a run is in flight queue and form the next batch when
 * it ends, which waits for more only while the batch is not full and its oldest item has waited less than
 * `maxWaitMs`. One batch runs at a time. `run` gets the items and returns one result per item, in order.
 */
export class DynamicBatcher<I, O> {
  private readonly maxBatchSize: number;
  private readonly maxWaitMs: number;
  private queue: Pending<I, O>[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private flushQueued = false;
  private running = false;
  /** Sizes of the batches run so far, oldest first (bounded): for tests, tuning and benchmarks. */
  readonly batchSizes: number[] = [];

  constructor(
    private readonly run: (items: I[]) => Promise<O[]>,
    options: BatchingOptions = {},
  ) {
    this.maxBatchSize = options.maxBatchSize ?? 32;
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
      this.enqueue([item], signal, (results) => resolve(results[0]!), reject);
    });
  }

  /** Queues several items as one caller's group; they run together when they fit in one batch. */
  addAll(items: readonly I[], signal?: AbortSignal): Promise<O[]> {
    if (signal?.aborted) return Promise.reject(new AbortedError());
    if (items.length === 0) return Promise.resolve([]);
    return new Promise<O[]>((resolve, reject) => this.enqueue(items, signal, resolve, reject));
  }

  // One promise per caller, not per item: a batch of 32 texts costs one allocation here, not 32.
  private enqueue(
    items: readonly I[],
    signal: AbortSignal | undefined,
    resolve: (values: O[]) => void,
    reject: (error: unknown) => void,
  ): void {
    const group: Group<O> = {
      results: new Array<O>(items.length),
      left: items.length,
      settled: false,
      resolve,
      reject,
      signal,
      since: performance.now(),
      concurrent: this.running,
    };
    for (let index = 0; index < items.length; index++) this.queue.push({ item: items[index]!, group, index });
    this.kick();
  }

  /**
   * Starts a batch when the batcher is idle. The run starts on a microtask, not a timer (Node clamps even a 0 ms
   * timeout to 1 ms), so the cost of a lone call is a few microseconds, and callers in the same tick still share.
   */
  private kick(): void {
    if (this.running || this.flushQueued) return;
    if (this.timer !== undefined) {
      if (this.queue.length < this.maxBatchSize) return;
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    this.flushQueued = true;
    queueMicrotask(() => {
      this.flushQueued = false;
      void this.flush();
    });
  }

  /**
   * After a run: the queued items form the next batch now, or once the oldest has waited maxWaitMs when they all
   * came during a run (the rest of a group too big for one batch never waits).
   */
  private next(): void {
    if (this.queue.length === 0) return;
    const oldest = this.queue[0]!.group;
    const waited = performance.now() - oldest.since;
    if (this.queue.length >= this.maxBatchSize || !oldest.concurrent || waited >= this.maxWaitMs) {
      this.kick();
      return;
    }
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, this.maxWaitMs - waited);
  }

  private async flush(): Promise<void> {
    if (this.running) return;
    // Items whose caller gave up (or whose group already failed) never reach the model.
    if (this.queue.some((p) => p.group.settled || p.group.signal?.aborted)) {
      this.queue = this.queue.filter((p) => {
        if (p.group.signal?.aborted) settle(p.group, new AbortedError());
        return !p.group.settled;
      });
    }
    const batch = this.queue.length <= this.maxBatchSize ? this.queue : this.queue.slice(0, this.maxBatchSize);
    this.queue = batch === this.queue ? [] : this.queue.slice(this.maxBatchSize);
    if (batch.length === 0) return;
    this.running = true;
    this.batchSizes.push(batch.length);
    if (this.batchSizes.length > 1000) this.batchSizes.splice(0, this.batchSizes.length - 1000);
    const items = new Array<I>(batch.length);
    for (let i = 0; i < batch.length; i++) items[i] = batch[i]!.item;
    try {
      const results = await this.run(items);
      for (let i = 0; i < batch.length; i++) {
        const { group, index } = batch[i]!;
        group.results[index] = results[i]!;
        group.left -= 1;
        if (group.left === 0 && !group.settled) {
          group.settled = true;
          group.resolve(group.results);
        }
      }
    } catch (error) {
      for (const p of batch) settle(p.group, error);
    } finally {
      this.running = false;
      this.next();
    }
  }
}
