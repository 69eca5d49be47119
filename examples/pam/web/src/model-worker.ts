// The Web Worker that runs PAM's models: @hearth/runtime's worker core with the onnxruntime-web pipelines, reading
// model files from the model cache the page filled through @hearth/models/web (verified, with progress), so the
// worker never touches the network.
import { cacheApiCache, cachedModelFolder } from "@hearth/models/web";
import { ModelUnavailableError } from "@hearth/pam";
import { createWorkerCore } from "@hearth/runtime";
import { createSession, pipeline } from "@hearth/runtime/web";
import { MODEL_CACHE, parseCachedFolder } from "./model-cache";

interface WorkerScope {
  name: string;
  postMessage(message: unknown): void;
  addEventListener(type: "message", listener: (event: { data: unknown }) => void): void;
}
const scope = globalThis as unknown as WorkerScope;

// What the worker can measure of itself: the JS heap where Chromium exposes it (onnxruntime's wasm memory is not
// visible from here), so PAM sets no memory limit on this worker and relies on the variant chosen for the budget.
const usage = (): number => (performance as { memory?: { usedJSHeapSize?: number } }).memory?.usedJSHeapSize ?? 0;

const cache = cacheApiCache({ cacheName: MODEL_CACHE });
const source = async (folder: string) => {
  const { id, revision } = parseCachedFolder(folder);
  const model = await cache.get(id, revision);
  if (!model)
    if (!model) {
      throw new ModelUnavailableError(
        `${id}@${revision} is not in the model cache: reload the page to download it again.`,
      );
    }
  return cachedModelFolder(cache, model);
};

const handle = createWorkerCore(
  {
    pipeline: async (task, folder, options) => pipeline(task, await source(folder), options),
    createSession: async (folder, options) => createSession(await source(folder), options),
    memoryUsage: usage,
  },
  (message) => scope.postMessage(message),
  JSON.parse(scope.name || "{}"),
);
scope.addEventListener("message", (event) => handle(event.data as Parameters<typeof handle>[0]));
scope.postMessage({ type: "ready" });
