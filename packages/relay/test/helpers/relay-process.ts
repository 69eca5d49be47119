/**
 * Runs the built relay CLI (`packages/relay/dist/cli.js`) as a child process on 127.0.0.1, for tests that need a
 * real process: crash recovery, graceful shutdown, and the end-to-end tests in test/e2e/. Build the package first
 * (`pnpm --filter @hearth/relay build`).
 *
 * ```ts
 * const relay = await startRelayProcess({ args: ["--retention-days", "0"] });
 * await fetch(`${relay.url}/health`);
 * await relay.stop(); // SIGTERM, waits for exit; the data directory stays for a restart
 * const again = await startRelayProcess({ dataDir: relay.dataDir });
 * ```
 *
 * In vitest's postgres project the relay runs on PostgreSQL instead (`--store`, a fresh database of the test
 * cluster per new data directory, the same database again for a data directory seen before), so the same tests
 * exercise both stores. `databaseUrl` puts several relays on one database.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { freshDatabase, type TestStoreKind, testStoreKind } from "./test-store";

/** Path of the built CLI this helper runs. */
export const RELAY_CLI = fileURLToPath(new URL("../../dist/cli.js", import.meta.url));

/** Options of {@link startRelayProcess}. */
export interface RelayProcessOptions {
  /** Data directory; default a fresh temporary one (not deleted: pass it again to restart on the same data). */
  dataDir?: string;
  /**
   * Extra CLI flags, e.g. `["--retention-days", "0", "--rate", "0", "--max-entry-bytes", "65536"]`.
   * `--port 0`, `--host 127.0.0.1` and `--data-dir` are set by the helper.
   */
  args?: string[];
  /** How long to wait for the listening line, in ms. Default 15 000. */
  startTimeoutMs?: number;
  /** The store; default the project's (SQLite, or PostgreSQL in the postgres project). */
  store?: TestStoreKind;
  /** PostgreSQL only: this database instead of the data directory's own (several relays over one database). */
  databaseUrl?: string;
  /** The store flags as given (e.g. `[]`, to test HEARTH_RELAY_STORE), instead of the helper's. */
  storeArgs?: string[];
  /** Extra environment variables for the relay process. */
  env?: Record<string, string>;
}

/** How a relay process ended. */
export interface RelayExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** A relay process that is listening. */
export interface RelayProcess {
  /** Base URL, e.g. `http://127.0.0.1:43125`. */
  url: string;
  port: number;
  dataDir: string;
  store: TestStoreKind;
  /** The PostgreSQL database it runs on (undefined on SQLite). */
  databaseUrl: string | undefined;
  process: ChildProcess;
  /** Every JSON log line the relay printed so far (the first is the listening line). */
  logs: Record<string, unknown>[];
  /** Sends `signal` and resolves when the process has exited (at once if it already had). */
  kill(signal: NodeJS.Signals): Promise<RelayExit>;
  /** Graceful stop: SIGTERM, then the exit. The relay exits 0 once acknowledged data is safe. */
  stop(): Promise<RelayExit>;
  /** Resolves when the process exits, however that happens. */
  exited: Promise<RelayExit>;
}

// The database each data directory stands for on PostgreSQL, so that a restart "on the same data" finds it.
const databases = new Map<string, string>();

/** Starts `hearth-relay` on a free port and resolves once it prints its listening line. */
export async function startRelayProcess(options: RelayProcessOptions = {}): Promise<RelayProcess> {
  if (!existsSync(RELAY_CLI)) {
    throw new Error(`${RELAY_CLI} is missing: run \`pnpm --filter @hearth/relay build\` first.`);
  }
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), "hearth-relay-"));
  const store = options.store ?? testStoreKind;
  let databaseUrl: string | undefined;
  if (store === "postgres" && !options.storeArgs) {
    databaseUrl = options.databaseUrl ?? databases.get(dataDir) ?? (await freshDatabase());
    databases.set(dataDir, databaseUrl);
  }
  const storeArgs = options.storeArgs ?? (databaseUrl ? ["--store", databaseUrl] : ["--data-dir", dataDir]);
  const child = spawn(
    process.execPath,
    [RELAY_CLI, "--port", "0", "--host", "127.0.0.1", ...storeArgs, ...(options.args ?? [])],
    { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, ...options.env } },
  );
  const logs: Record<string, unknown>[] = [];
  let stderr = "";
  child.stderr?.setEncoding("utf8");
  child.stderr?.on("data", (chunk: string) => {
    stderr += chunk;
  });
  const exited = new Promise<RelayExit>((resolve) => {
    child.once("exit", (code, signal) => resolve({ code, signal }));
  });
  const kill = (signal: NodeJS.Signals): Promise<RelayExit> => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    return exited;
  };

  return new Promise<RelayProcess>((resolve, reject) => {
    let buffered = "";
    let listening = false;
    const timer = setTimeout(() => {
      void kill("SIGKILL");
      reject(new Error(`The relay did not start within ${options.startTimeoutMs ?? 15_000} ms. stderr: ${stderr}`));
    }, options.startTimeoutMs ?? 15_000);
    child.stdout?.setEncoding("utf8");
    child.stdout?.on("data", (chunk: string) => {
      buffered += chunk;
      let newline = buffered.indexOf("\n");
      while (newline >= 0) {
        const line = buffered.slice(0, newline);
        buffered = buffered.slice(newline + 1);
        newline = buffered.indexOf("\n");
        let record: Record<string, unknown>;
        try {
          record = JSON.parse(line) as Record<string, unknown>;
        } catch {
          continue;
        }
        logs.push(record);
        if (!listening && record.msg === "listening") {
          listening = true;
          clearTimeout(timer);
          resolve({
            url: String(record.url),
            port: Number(record.port),
            dataDir,
            store,
            databaseUrl,
            process: child,
            logs,
            kill,
            stop: () => kill("SIGTERM"),
            exited,
          });
        }
      }
    });
    void exited.then(({ code, signal }) => {
      if (listening) return;
      clearTimeout(timer);
      reject(new Error(`The relay exited (code ${code}, signal ${signal}) before listening. stderr: ${stderr}`));
    });
  });
}
