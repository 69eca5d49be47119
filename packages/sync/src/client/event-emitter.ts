/**
 * A tiny typed event emitter (the same in browsers and Node). `on` returns a function that removes the listener.
 * A listener that throws does not stop the others, nor the code that emitted.
 */
export class EventEmitter<Events extends object> {
  readonly #listeners = new Map<keyof Events, Set<(value: never) => void>>();

  on<K extends keyof Events>(event: K, listener: (value: Events[K]) => void): () => void {
    let set = this.#listeners.get(event);
    if (!set) {
      set = new Set();
      this.#listeners.set(event, set);
    }
    set.add(listener as (value: never) => void);
    return () => this.off(event, listener);
  }

  off<K extends keyof Events>(event: K, listener: (value: Events[K]) => void): void {
    this.#listeners.get(event)?.delete(listener as (value: never) => void);
  }

  /** Calls every listener of `event`; reports whether there was any. */
  emit<K extends keyof Events>(event: K, value: Events[K]): boolean {
    const set = this.#listeners.get(event);
    if (!set || set.size === 0) return false;
    for (const listener of [...set]) {
      try {
        (listener as (value: Events[K]) => void)(value);
      } catch (error) {
        // A broken listener must not break sync; surface it asynchronously like an unhandled error.
        queueMicrotask(() => {
          throw error;
        });
      }
    }
    return true;
  }
}
