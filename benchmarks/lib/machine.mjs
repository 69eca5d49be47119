import os from "node:os";

/** What a result was measured on, so that two result files can be told apart before their numbers are compared. */
export function describeMachine({ executionProvider, onnxruntime }) {
  return {
    cpuModel: os.cpus()[0]?.model.trim() ?? "unknown",
    // The cores this process may use, which is what bounds it on a shared or containerised machine.
    cores: os.availableParallelism(),
    memoryBytes: os.totalmem(),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    onnxruntime,
    executionProvider,
  };
}
