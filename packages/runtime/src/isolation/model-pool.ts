import { InvalidArgumentError } from "../errors/invalid-argument-error";

/** Limits of a {@link ModelPool}. */
export interface ModelPoolOptions {
  /** Sum of the sizes of loaded models (bytes) above which the least recently used are unloaded. Default: no cap. */
  readonly memoryBudgetBytes?: number;
  /** A model unused this long (ms) is unloaded. Default: never. */
  readonly idleTimeoutMs?: number;
}

interface Entry<T> {
  readonly value: Promise<T>;
  size: number;
  users: number;
  lastUsed: number;
  timer: ReturnType<typeof setTimeout> | undefined;
}

/** What a pool needs of a model: its size and how to unload it. */
export interface Poolable {
  readonly byteLength: number;
  dispose(): Promise<void>;
}

/**
 * Loaded models by key, in least-recently-used order under a memory budget, each unloaded after an idle timeout.
 * A model in use (between `acquire` and `release`) is never unloaded; the budget may be exceeded while the
 * models over it are busy, and is restored as they are released.
 */
export class ModelPool<T extends Poolable> {
  private readonly entries = new Map<string, Entry<T>>();
  private readonly budget: number;
  private readonly idle: number | undefined;
  private clock = 0;
  /** Keys unloaded so far (by budget or idleness), oldest first: for tests and logs. */
  readonly evicted: string[] = [];

  constructor(options: ModelPoolOptions = {}) {
    this.budget = options.memoryBudgetBytes ?? Number.POSITIVE_INFINITY;
    this.idle = options.idleTimeoutMs;
    if (!(this.budget > 0)) throw new InvalidArgumentError("memoryBudgetBytes must be positive.");
    if (this.idle !== undefined && !(this.idle >= 0))
      throw new InvalidArgumentError("idleTimeoutMs must be 0 or more.");
  }

  /** Keys of loaded models, least recently used first. */
  get keys(): string[] {
    return [...this.entries.entries()].sort((a, b) => a[1].lastUsed - b[1].lastUsed).map(([k]) => k);
  }

  /** Sum of loaded models' sizes. */
  get usedBytes(): number {
    let sum = 0;
    for (const e of this.entries.values()) sum += e.size;
    return sum;
  }

  /** Runs `use` with the model for `key`, loading it first when needed; it is marked in use meanwhile. */
  async use<R>(key: string, load: () => Promise<T>, use: (model: T) => Promise<R>): Promise<R> {
    let entry = this.entries.get(key);
    if (!entry) {
      const value = load();
      entry = { value, size: 0, users: 0, lastUsed: 0, timer: undefined };
      this.entries.set(key, entry);
      value.then(
        (model) => {
          if (entry) entry.size = model.byteLength;
        },
        () => this.entries.delete(key),
      );
    }
    entry.users += 1;
    entry.lastUsed = ++this.clock;
    if (entry.timer !== undefined) clearTimeout(entry.timer);
    entry.timer = undefined;
    try {
      const model = await entry.value;
      entry.size = model.byteLength;
      await this.enforceBudget(key);
      return await use(model);
    } finally {
      entry.users -= 1;
      entry.lastUsed = ++this.clock;
      if (entry.users === 0 && this.idle !== undefined && this.entries.get(key) === entry) {
        entry.timer = setTimeout(() => void this.unload(key), this.idle);
      }
      await this.enforceBudget();
    }
  }

  /** Unloads one model now (no-op when absent or in use). */
  async unload(key: string): Promise<void> {
    const entry = this.entries.get(key);
    if (!entry || entry.users > 0) return;
    this.entries.delete(key);
    if (entry.timer !== undefined) clearTimeout(entry.timer);
    this.evicted.push(key);
    await (await entry.value.catch(() => undefined))?.dispose();
  }

  /** Unloads everything that is not in use. */
  async clear(): Promise<void> {
    await Promise.all([...this.entries.keys()].map((k) => this.unload(k)));
  }

  private async enforceBudget(keep?: string): Promise<void> {
    for (const key of this.keys) {
      if (this.usedBytes <= this.budget) return;
      if (key !== keep) await this.unload(key);
    }
  }
}
