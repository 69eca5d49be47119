import { fork } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { ModelPoolOptions } from "../isolation/model-pool";
import type { WorkerSpawner } from "../isolation/worker-host";
import type { HostMessage, WorkerMessage } from "../isolation/worker-protocol";

/** Where the built worker entry sits: next to this module in dist/ (ESM or CJS build). */
export function defaultWorkerScript(): string {
  const here = typeof __filename === "string" ? __filename : fileURLToPath(import.meta.url);
  const ext = here.endsWith(".cjs") ? ".cjs" : ".js";
  return join(dirname(here), `node-worker${ext}`);
}

/** Resident set size of a process from /proc, or undefined off Linux. */
export function residentBytes(pid: number | undefined): number | undefined {
  if (pid === undefined || process.platform !== "linux") return undefined;
  try {
    const match = /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** Options of a Node worker. */
export interface NodeSpawnOptions {
  readonly script?: string | URL;
  readonly pool?: ModelPoolOptions;
  /** worker_threads only: V8 heap cap (MiB), enforced by the runtime itself. */
  readonly heapLimitMb?: number;
}

const scriptPath = (script: string | URL | undefined): string => {
  const path =
    script === undefined ? defaultWorkerScript() : typeof script === "string" ? script : fileURLToPath(script);
  if (!existsSync(path))
    throw new Error(`The worker script ${path} does not exist: build the package or pass workerScript.`);
  return path;
};

/**
 * Child processes (child_process.fork): a separate heap and native memory, killed with SIGKILL, watched through
 * /proc/<pid>/status on Linux (from outside, so a worker busy in native code is still measured).
 */
export function processSpawner(options: NodeSpawnOptions = {}): WorkerSpawner {
  const script = scriptPath(options.script);
  return (events) => {
    const child = fork(script, [JSON.stringify(options.pool ?? {})], {
      serialization: "advanced",
      execArgv: [],
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    let exited = false;
    child.on("message", (m) => events.message(m as WorkerMessage));
    child.on("exit", (code, signal) => {
      exited = true;
      events.exit({ outOfMemory: false, detail: signal ? `killed by ${signal}` : `exit code ${code}` });
    });
    child.on("error", (error) => events.exit({ outOfMemory: false, detail: error.message }));
    return {
      post: (m: HostMessage) => {
        if (!exited && child.connected) child.send(m);
      },
      kill: () => {
        exited = true;
        child.kill("SIGKILL");
      },
      measure: () => (exited ? undefined : residentBytes(child.pid)),
      ref: (keep) => {
        const channel = child.channel as { ref?: () => void; unref?: () => void } | undefined;
        if (keep) {
          child.ref();
          channel?.ref?.();
        } else {
          child.unref();
          channel?.unref?.();
        }
      },
    };
  };
}

/**
 * Worker threads: cheaper to start, share the process. Their JS heap is capped by V8 (`heapLimitMb`); native
 * memory (onnxruntime's) is shared with the host and only seen through the thread's own report.
 */
export function threadSpawner(options: NodeSpawnOptions = {}): WorkerSpawner {
  const script = scriptPath(options.script);
  return (events) => {
    const worker = new Worker(script, {
      argv: [JSON.stringify(options.pool ?? {})],
      ...(options.heapLimitMb ? { resourceLimits: { maxOldGenerationSizeMb: options.heapLimitMb } } : {}),
    });
    let exited = false;
    worker.on("message", (m) => events.message(m as WorkerMessage));
    worker.on("error", (error: Error & { code?: string }) => {
      exited = true;
      events.exit({ outOfMemory: error.code === "ERR_WORKER_OUT_OF_MEMORY", detail: error.message });
    });
    worker.on("exit", (code) => {
      if (exited) return;
      exited = true;
      events.exit({ outOfMemory: false, detail: `exit code ${code}` });
    });
    return {
      post: (m: HostMessage) => {
        if (!exited) worker.postMessage(m);
      },
      kill: () => {
        exited = true;
        void worker.terminate();
      },
      ref: (keep) => (keep ? worker.ref() : worker.unref()),
    };
  };
}
