// A real relay for the sync and relay suites: the `hearth-relay` CLI of @hearth/relay in its own process, on
// loopback, with its real SQLite storage in a temporary folder, as a deployment runs it (rate limit off, as the
// relay's README asks of benchmarks).
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SQLITE_FILE_NAME } from "@hearth/relay";
import { startChild, stopChild } from "./child.mjs";
import { packageDir } from "./package-dir.mjs";

const CLI = join(packageDir("@hearth/relay"), "dist", "cli.js");

/**
 * Starts a relay and resolves once it listens. `onLog` receives every JSON log line it prints (info and up).
 * `storedBytes()` is the size of its database and WAL files, as `SqliteStore.storedBytes` counts it.
 */
export async function startRelay({ retentionDays, onLog, storeUrl, logLevel = "info" } = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), "hearth-bench-relay-"));
  // `storeUrl`: a PostgreSQL database instead of SQLite in the data directory (storedBytes then counts nothing).
  const store = storeUrl ? ["--store", storeUrl] : ["--data-dir", dataDir];
  const args = ["--port", "0", ...store, "--rate", "0", "--log-level", logLevel];
  if (retentionDays !== undefined) args.push("--retention-days", String(retentionDays));
  const parse = (line) => {
    try {
      return JSON.parse(line);
    } catch {
      return undefined;
    }
  };
  let started;
  try {
    started = await startChild(CLI, args, {
      accept: (line) => {
        const record = parse(line);
        return record?.msg === "listening" ? record.url : undefined;
      },
    });
  } catch (error) {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  const { child, lines, ready: url } = started;
  if (onLog) {
    lines.on("line", (line) => {
      const record = parse(line);
      if (record) onLog(record);
    });
  } else {
    // Nobody reads the log: drain it unsplit and unparsed, so that a relay logging a line per request does not make
    // this process (the load generator of the relay suite) spend CPU on each line.
    lines.close();
    child.stdout.resume();
  }
  const file = join(dataDir, SQLITE_FILE_NAME);
  return {
    url,
    pid: child.pid,
    storedBytes() {
      let bytes = 0;
      for (const f of [file, `${file}-wal`]) {
        try {
          bytes += statSync(f).size;
        } catch {
          // No WAL right after a truncating checkpoint.
        }
      }
      return bytes;
    },
    async stop() {
      await stopChild(child);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
