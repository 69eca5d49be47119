/**
 * Runs async tasks one after another. Every mutation of a document's stored state goes through its lock, so a
 * compaction can never delete a chunk a concurrent save is still writing, and cursors move in order.
 */
export class SerialLock {
  #tail: Promise<unknown> = Promise.resolve();

  /** Runs `task` after every task queued before it; resolves or rejects with its result. */
  run<T>(task: () => Promise<T> | T): Promise<T> {
    const result = this.#tail.then(task, task);
    this.#tail = result.catch(() => {});
    return result;
  }

  /** Resolves once every task queued so far has finished. */
  idle(): Promise<void> {
    return this.#tail.then(() => {});
  }
}
