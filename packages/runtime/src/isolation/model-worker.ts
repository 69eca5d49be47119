import type { PipelineTask, TaskOptionsByTask } from "../pipelines/pipeline";
import type { CreateSessionOptions } from "../session/create-session";
import { IsolatedModel } from "./isolated-model";
import { WorkerHost, type WorkerLimits, type WorkerSpawner } from "./worker-host";

/** Options that cross to the worker: plain data (no signal, callbacks or backend objects). */
export type IsolatedLoadOptions<T extends PipelineTask> = Omit<CreateSessionOptions, "signal" | "onProgress"> &
  TaskOptionsByTask[T];

/**
 * One isolated worker hosting any number of models (kept in its LRU pool), as seen from the host. Platform entries
 * build it with their spawner: `createModelWorker` in `@hearth/runtime/node` and `@hearth/runtime/web`.
 */
export class ModelWorker {
  private readonly host: WorkerHost;

  constructor(spawn: WorkerSpawner, limits: WorkerLimits = {}) {
    this.host = new WorkerHost(spawn, limits);
  }

  /** How many times the worker was restarted after a crash or going over its memory limit. */
  get restarts(): number {
    return this.host.restarts;
  }

  /** A pipeline for `task` on the model in `folder`, run in the worker (loaded there on first call). */
  pipeline<T extends PipelineTask>(
    task: T,
    folder: string,
    options: IsolatedLoadOptions<T> = {} as IsolatedLoadOptions<T>,
  ): IsolatedModel<T> {
    return new IsolatedModel<T>(this.host, { task, folder, options: { ...options } });
  }

  /** A raw session on the model in `folder`, run in the worker: `run(feeds)` gives all outputs. */
  session(folder: string, options: Omit<CreateSessionOptions, "signal" | "onProgress"> = {}): IsolatedModel<"session"> {
    return new IsolatedModel<"session">(this.host, { task: "session", folder, options: { ...options } });
  }

  /** Stops the worker; in-flight calls fail with DisposedError. */
  dispose(): void {
    this.host.dispose();
  }
}
