// Helpers for suites that run a server in a child process: start it, read the first line it prints, stop it.
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";

/**
 * Spawns `node script ...args` and resolves with the child and the first line of its standard output that `accept`
 * takes (the line saying where it listens). Rejects if the child exits first or takes longer than `timeoutMs`.
 */
export function startChild(script, args, { accept = () => true, timeoutMs = 30_000 } = {}) {
  const child = spawn(process.execPath, [script, ...args], { stdio: ["pipe", "pipe", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (d) => {
    stderr = (stderr + d).slice(-4000);
  });
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    const fail = (why) => {
      clearTimeout(timer);
      child.kill("SIGKILL");
      reject(new Error(`${script}: ${why}${stderr ? `\n${stderr}` : ""}`));
    };
    const timer = setTimeout(() => fail(`no ready line after ${timeoutMs} ms`), timeoutMs);
    child.once("exit", (code) => fail(`exited with code ${code} before it was ready`));
    lines.on("line", (line) => {
      const value = accept(line);
      if (value === undefined || value === false) return;
      clearTimeout(timer);
      child.removeAllListeners("exit");
      resolve({ child, lines, ready: value === true ? line : value });
    });
  });
}

/** Stops a child: SIGTERM (closing its stdin too), then SIGKILL if it is still there after `graceMs`. */
export async function stopChild(child, graceMs = 5000) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.stdin?.end();
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
  await exited;
  clearTimeout(timer);
}
