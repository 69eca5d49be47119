import { AbortedError } from "../errors/aborted-error";
import { InvalidArgumentError } from "../errors/invalid-argument-error";
import type { GeneratePipeline } from "../pipelines/generate-pipeline";
import type { PipelineByTask, PipelineTask } from "../pipelines/pipeline";
import type { RuntimeSession } from "../session/runtime-session";
import type { TensorMap } from "../spec/tensor";
import { ModelPool, type ModelPoolOptions } from "./model-pool";
import { type HostMessage, type ModelSpec, toWireError, type WorkerMessage } from "./worker-protocol";

/** How a worker loads what a call asks for: the platform entry's `pipeline` and `createSession`. */
export interface WorkerLoaders {
  pipeline(task: PipelineTask, folder: string, options: Record<string, unknown>): Promise<PipelineByTask[PipelineTask]>;
  createSession(folder: string, options: Record<string, unknown>): Promise<RuntimeSession>;
  /** Bytes this worker uses, as well as it can tell. */
  memoryUsage(): number;
}

type Loaded = {
  readonly target: PipelineByTask[PipelineTask] | RuntimeSession;
  readonly byteLength: number;
  dispose(): Promise<void>;
};

/**
 * The worker side of isolation, shared by child processes, worker threads and Web Workers: loads models on demand
 * into an LRU pool (memory budget, idle unload), runs calls, streams generated tokens, honours aborts.
 */
export function createWorkerCore(
  loaders: WorkerLoaders,
  post: (message: WorkerMessage) => void,
  poolOptions: ModelPoolOptions = {},
): (message: HostMessage) => void {
  const pool = new ModelPool<Loaded>(poolOptions);
  const aborts = new Map<number, AbortController>();

  const load = async (spec: ModelSpec): Promise<Loaded> => {
    if (spec.task === "session") {
      const session = await loaders.createSession(spec.folder, { ...spec.options });
      return { target: session, byteLength: session.byteLength, dispose: () => session.release() };
    }
    const p = await loaders.pipeline(spec.task, spec.folder, { ...spec.options });
    return { target: p, byteLength: p.model.session.byteLength, dispose: () => p.dispose() };
  };

  const call = async (id: number, spec: ModelSpec, method: string, args: unknown[], signal: AbortSignal) => {
    const key = JSON.stringify([spec.task, spec.folder, spec.options]);
    return pool.use(
      key,
      () => load(spec),
      async ({ target }) => {
        if (spec.task === "session") {
          if (method !== "run") throw new InvalidArgumentError(`A session has no ${method} method.`);
          return (target as RuntimeSession).run(args[0] as TensorMap);
        }
        const options = { ...((args[1] as Record<string, unknown> | undefined) ?? {}), signal };
        if (method === "stream") {
          const gen = target as GeneratePipeline;
          let reason: unknown;
          const stream = gen.stream(args[0] as string, options);
          for (;;) {
            const next = await stream.next();
            if (next.done) {
              reason = next.value;
              break;
            }
            post({ type: "chunk", id, value: next.value });
          }
          return reason;
        }
        const fn = (target as unknown as Record<string, unknown>)[method];
        if (typeof fn !== "function" || !["run", "tag"].includes(method)) {
          throw new InvalidArgumentError(`The ${spec.task} pipeline has no ${method} method.`);
        }
        return (fn as (input: unknown, o: unknown) => Promise<unknown>).call(target, args[0], options);
      },
    );
  };

  return (message) => {
    if (message.type === "memory") {
      post({ type: "memory", bytes: loaders.memoryUsage() });
    } else if (message.type === "abort") {
      aborts.get(message.id)?.abort(new AbortedError());
    } else if (message.type === "call") {
      const controller = new AbortController();
      aborts.set(message.id, controller);
      call(message.id, message.spec, message.method, message.args, controller.signal)
        .then(
          (value) => post({ type: "result", id: message.id, value }),
          (error: unknown) => post({ type: "error", id: message.id, error: toWireError(error) }),
        )
        .finally(() => aborts.delete(message.id));
    }
  };
}
