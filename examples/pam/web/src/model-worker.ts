// The Web Worker that runs PAM's models: @hearth/runtime's worker core with the onnxruntime-web pipelines, reading
// model files from the Cache Storage the page filled (verified, with progress) before it asked for a model, so
// nothing is downloaded twice.
import { createWorkerCore } from "@hearth/runtime";
import { createSession, pipeline, urlModelSource } from "@hearth/runtime/web";
import { cachedFetch } from "./model-cache";

interface WorkerScope {
  name: string;
  postMessage(message: unknown): void;
  addEventListener(type: "message", listener: (event: { data: unknown }) => void): void;
}
const scope = globalThis as unknown as WorkerScope;

// What the worker can measure of itself: the JS heap where Chromium exposes it (onnxruntime's wasm memory is not
// visible from here), so PAM sets no memory limit on this worker and relies on the variant chosen for the budget.
const usage = (): number => (performance as { memory?: { usedJSHeapSize?: number } }).memory?.usedJSHeapSize ?? 0;

const source = (folder: string) => urlModelSource(folder, { fetch: cachedFetch });

const handle = createWorkerCore(
  {
    pipeline: (task, folder, options) => pipeline(task, source(folder), options),
    createSession: (folder, options) => createSession(source(folder), options),
    memoryUsage: usage,
  },
  (message) => scope.postMessage(message),
  JSON.parse(scope.name || "{}"),
);
scope.addEventListener("message", (event) => handle(event.data as Parameters<typeof handle>[0]));
scope.postMessage({ type: "ready" });
