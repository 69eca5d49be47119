// The entry of an isolated Node worker (child process or worker thread): runs models for its host over IPC.
import { memoryUsage } from "node:process";
import { parentPort } from "node:worker_threads";
import type { ModelPoolOptions } from "../isolation/model-pool";
import { createWorkerCore } from "../isolation/worker-core";
import type { HostMessage, WorkerMessage } from "../isolation/worker-protocol";
import { createSession, pipeline } from "../node";

const poolOptions = JSON.parse(process.argv[2] ?? "{}") as ModelPoolOptions;
const inThread = parentPort !== null;

const post = (message: WorkerMessage): void => {
  if (parentPort) parentPort.postMessage(message);
  else process.send?.(message);
};

// A thread shares the process RSS: its own heap and buffers are what it can account for.
const usage = (): number => {
  const m = memoryUsage();
  return inThread ? m.heapUsed + m.external : m.rss;
};

const handle = createWorkerCore(
  {
    pipeline: (task, folder, options) => pipeline(task, folder, options),
    createSession: (folder, options) => createSession(folder, options),
    memoryUsage: usage,
  },
  (message) => {
    // Before each result the host gets a fresh reading, so a result produced over the limit is never handed out.
    if (message.type === "result") post({ type: "memory", bytes: usage() });
    post(message);
  },
  poolOptions,
);

if (parentPort) parentPort.on("message", (m: HostMessage) => handle(m));
else {
  process.on("message", (m) => handle(m as HostMessage));
  // The host going away (even by SIGKILL) closes the channel: nothing is left to serve.
  process.on("disconnect", () => process.exit(0));
}
post({ type: "ready" });
