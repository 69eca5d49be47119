// The entry of an isolated Web Worker: runs models for its host page over postMessage.
import type { ModelPoolOptions } from "../isolation/model-pool";
import { createWorkerCore } from "../isolation/worker-core";
import type { HostMessage, WorkerMessage } from "../isolation/worker-protocol";
import { createSession, pipeline } from "../web";

// onnxruntime-web keeps tensors and weights in WebAssembly memory, which a page cannot measure per worker. Every
// wasm memory this worker creates is recorded (onnxruntime creates it lazily, after this runs), so the worker can
// report its real size; wasm memory never shrinks, so a worker that went over its limit stays over it.
const memories: WebAssembly.Memory[] = [];
const OriginalMemory = WebAssembly.Memory;
class TrackedMemory extends OriginalMemory {
  constructor(descriptor: WebAssembly.MemoryDescriptor) {
    super(descriptor);
    memories.push(this);
  }
}
(WebAssembly as { Memory: typeof WebAssembly.Memory }).Memory = TrackedMemory;

// Builds that define their memory inside the module export it instead: record it when the module is instantiated.
const recordExports = (instance: WebAssembly.Instance): void => {
  for (const value of Object.values(instance.exports)) {
    if (value instanceof OriginalMemory && !memories.includes(value)) memories.push(value);
  }
};
const wasm = WebAssembly as unknown as Record<string, unknown>;
for (const name of ["instantiate", "instantiateStreaming"] as const) {
  const original = wasm[name] as ((...args: unknown[]) => Promise<unknown>) | undefined;
  if (!original) continue;
  wasm[name] = async (...args: unknown[]) => {
    const result = await original.apply(WebAssembly, args);
    const instance =
      result instanceof WebAssembly.Instance ? result : (result as { instance?: WebAssembly.Instance }).instance;
    if (instance) recordExports(instance);
    return result;
  };
}

const usage = (): number => {
  const heap = (performance as { memory?: { usedJSHeapSize?: number } }).memory?.usedJSHeapSize ?? 0;
  return memories.reduce((sum, m) => sum + m.buffer.byteLength, heap);
};

interface WorkerScope {
  name: string;
  postMessage(message: WorkerMessage): void;
  addEventListener(type: "message", listener: (event: { data: HostMessage }) => void): void;
}
const scope = globalThis as unknown as WorkerScope;
const poolOptions = JSON.parse(scope.name || "{}") as ModelPoolOptions;

const handle = createWorkerCore(
  {
    pipeline: (task, folder, options) => pipeline(task, folder, options),
    createSession: (folder, options) => createSession(folder, options),
    memoryUsage: usage,
  },
  (message) => {
    // A fresh reading before each result: a result produced over the limit is never handed out.
    if (message.type === "result") scope.postMessage({ type: "memory", bytes: usage() });
    scope.postMessage(message);
  },
  poolOptions,
);
scope.addEventListener("message", (event) => handle(event.data));
scope.postMessage({ type: "ready" });
