import type { ModelPoolOptions } from "../isolation/model-pool";
import type { WorkerSpawner } from "../isolation/worker-host";
import type { HostMessage, WorkerMessage } from "../isolation/worker-protocol";

/** Options of a Web Worker spawner. */
export interface WebWorkerSpawnOptions {
  /** The worker module (default: web-worker.js beside this module in dist/). */
  readonly url?: string | URL;
  readonly pool?: ModelPoolOptions;
}

/**
 * Module Web Workers. A worker cannot be measured from the page, so it reports its own size (its WebAssembly
 * memories, plus the JS heap where the browser exposes it) when polled and before every result.
 */
export function webWorkerSpawner(options: WebWorkerSpawnOptions = {}): WorkerSpawner {
  const url = options.url ?? new URL("./web-worker.js", import.meta.url);
  return (events) => {
    const worker = new Worker(url, { type: "module", name: JSON.stringify(options.pool ?? {}) });
    let stopped = false;
    worker.addEventListener("message", (e: MessageEvent<WorkerMessage>) => events.message(e.data));
    worker.addEventListener("error", (e: ErrorEvent) => {
      if (stopped) return;
      stopped = true;
      worker.terminate();
      events.exit({ outOfMemory: false, detail: e.message || "the worker failed to load or threw" });
    });
    return {
      post: (m: HostMessage) => {
        if (!stopped) worker.postMessage(m);
      },
      kill: () => {
        stopped = true;
        worker.terminate();
      },
    };
  };
}
