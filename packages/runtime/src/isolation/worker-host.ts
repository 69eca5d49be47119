import { AbortedError } from "../errors/aborted-error";
import { DisposedError } from "../errors/disposed-error";
import { InvalidArgumentError } from "../errors/invalid-argument-error";
import type { RuntimeError } from "../errors/runtime-error";
import { WorkerCrashedError } from "../errors/worker-crashed-error";
import { WorkerMemoryError } from "../errors/worker-memory-error";
import { fromWireError, type HostMessage, type ModelSpec, type WorkerMessage } from "./worker-protocol";

/** Why a worker stopped on its own. */
export interface WorkerExit {
  /** The runtime killed it for exceeding a heap limit (worker_threads resourceLimits). */
  readonly outOfMemory: boolean;
  readonly detail: string;
}

/** A running worker, as a platform adapter exposes it. */
export interface WorkerHandle {
  post(message: HostMessage): void;
  kill(): void;
  /** The worker's resident memory measured from outside, when the platform allows it (Linux /proc). */
  measure?(): number | undefined;
  /** Whether a live worker keeps the host alive (Node); idle workers should not. */
  ref?(keepAlive: boolean): void;
}

/** Starts workers: one per platform (child process, worker thread, Web Worker). */
export type WorkerSpawner = (events: {
  message(message: WorkerMessage): void;
  exit(exit: WorkerExit): void;
}) => WorkerHandle;

/** Memory watch of an isolated worker. */
export interface WorkerLimits {
  /** Above this many bytes the worker is killed, in-flight calls fail with WorkerMemoryError, and it restarts. */
  readonly memoryLimitBytes?: number;
  /** How often memory is checked while calls are in flight (ms, default 50). It is also checked after each call. */
  readonly pollIntervalMs?: number;
}

interface Pending {
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: RuntimeError) => void;
  readonly onChunk?: (value: unknown) => void;
}

/**
 * The host side of isolation: starts the worker on first use, sends calls, watches its memory, and when it goes
 * over its limit or dies, fails every in-flight call with a typed error and starts a fresh worker on the next
 * call. The host process itself never runs the model, so it never dies with it.
 */
export class WorkerHost {
  private handle: WorkerHandle | undefined;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private timer: ReturnType<typeof setInterval> | undefined;
  private disposed = false;
  private starts = 0;
  private readonly limit: number;
  private readonly poll: number;

  constructor(
    private readonly spawn: WorkerSpawner,
    limits: WorkerLimits = {},
  ) {
    this.limit = limits.memoryLimitBytes ?? Number.POSITIVE_INFINITY;
    this.poll = limits.pollIntervalMs ?? 50;
    if (!(this.limit > 0)) throw new InvalidArgumentError("memoryLimitBytes must be positive.");
    if (!(this.poll > 0)) throw new InvalidArgumentError("pollIntervalMs must be positive.");
  }

  /** How many times a worker was started again after the first. */
  get restarts(): number {
    return Math.max(0, this.starts - 1);
  }

  /** Sends one call; `onChunk` receives streamed values (generated tokens) before the result. */
  call(
    spec: ModelSpec,
    method: string,
    args: unknown[],
    signal?: AbortSignal,
    onChunk?: (value: unknown) => void,
  ): Promise<unknown> {
    if (this.disposed) return Promise.reject(new DisposedError("model worker"));
    if (signal?.aborted) return Promise.reject(new AbortedError());
    const handle = this.ensure();
    const id = this.nextId++;
    return new Promise<unknown>((resolve, reject) => {
      const onAbort = () => handle.post({ type: "abort", id });
      signal?.addEventListener("abort", onAbort, { once: true });
      const done = () => {
        signal?.removeEventListener("abort", onAbort);
        this.pending.delete(id);
        this.idleCheck();
      };
      this.pending.set(id, {
        resolve: (v) => {
          done();
          resolve(v);
        },
        reject: (e) => {
          done();
          reject(e);
        },
        ...(onChunk ? { onChunk } : {}),
      });
      handle.ref?.(true);
      this.startPolling();
      handle.post({ type: "call", id, spec, method, args });
    });
  }

  /** Kills the worker; in-flight calls fail with DisposedError. */
  dispose(): void {
    this.disposed = true;
    this.stop(new DisposedError("model worker"));
  }

  private ensure(): WorkerHandle {
    if (this.handle) return this.handle;
    this.starts += 1;
    let handle: WorkerHandle | undefined;
    const isCurrent = () => handle !== undefined && this.handle === handle;
    handle = this.spawn({
      message: (m) => {
        if (isCurrent()) this.onMessage(m);
      },
      exit: (exit) => {
        if (!isCurrent()) return;
        this.handle = undefined;
        this.stop(exit.outOfMemory ? new WorkerMemoryError(this.limit, 0) : new WorkerCrashedError(exit.detail));
      },
    });
    this.handle = handle;
    return handle;
  }

  private onMessage(m: WorkerMessage): void {
    if (m.type === "memory") {
      this.checkMemory(m.bytes);
      return;
    }
    if (m.type === "ready") return;
    const p = this.pending.get(m.id);
    if (!p) return;
    if (m.type === "chunk") {
      p.onChunk?.(m.value);
      return;
    }
    // A result produced while over the limit is not handed out: the worker is over budget either way.
    if (m.type === "result" && !this.checkMemory(this.handle?.measure?.())) return;
    if (m.type === "result") p.resolve(m.value);
    else p.reject(fromWireError(m.error));
  }

  /** False (and the worker killed) when `bytes` is over the limit. */
  private checkMemory(bytes: number | undefined): boolean {
    if (bytes === undefined || bytes <= this.limit) return true;
    this.stop(new WorkerMemoryError(this.limit, bytes));
    return false;
  }

  private startPolling(): void {
    if (this.timer !== undefined || this.limit === Number.POSITIVE_INFINITY) return;
    this.timer = setInterval(() => {
      const handle = this.handle;
      if (!handle) return;
      if (handle.measure) this.checkMemory(handle.measure());
      else handle.post({ type: "memory" });
    }, this.poll);
    (this.timer as { unref?: () => void }).unref?.();
  }

  private idleCheck(): void {
    if (this.pending.size > 0) return;
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
    this.handle?.ref?.(false);
  }

  private stop(error: RuntimeError): void {
    const handle = this.handle;
    this.handle = undefined;
    handle?.kill();
    for (const p of [...this.pending.values()]) p.reject(error);
    this.pending.clear();
    this.idleCheck();
  }
}
