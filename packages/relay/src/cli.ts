#!/usr/bin/env node
// hearth-relay: runs a relay from the command line. Prints JSON log lines to stdout; the first one says where it
// listens. SIGTERM or SIGINT shuts it down gracefully and exits 0; bad flags print one usage line and exit 2.
import { parseArgs } from "node:util";
import type { RelayLogLevel, RelayLogRecord } from "./relay-logger";
import { createRelay } from "./relay-server";
import type { RelayStore } from "./store/relay-store";

const USAGE =
  "usage: hearth-relay --port P (--data-dir D | --store postgres://user@host:5432/db) [--host 127.0.0.1] [--max-entry-bytes N] [--retention-days N] " +
  "[--rate N (requests/s per device, 0 = off)] [--log-level debug|info|warn|error]";
const LEVELS: readonly RelayLogLevel[] = ["debug", "info", "warn", "error"];
/** The store's URL when `--store` is not given. */
const STORE_ENV = "HEARTH_RELAY_STORE";

function print(record: RelayLogRecord): void {
  process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), ...record })}\n`);
}

function usage(problem: string): never {
  // One line, whatever parseArgs said.
  process.stderr.write(`hearth-relay: ${problem.replace(/\s+/g, " ").replace(/\.$/, "")}. ${USAGE}\n`);
  process.exit(2);
}

function number(value: string | undefined, flag: string, min: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === "" || !Number.isFinite(n) || n < min) usage(`--${flag} must be a number >= ${min}`);
  return n;
}

async function main(): Promise<void> {
  let values: ReturnType<typeof parse>["values"];
  function parse() {
    return parseArgs({
      options: {
        port: { type: "string" },
        "data-dir": { type: "string" },
        store: { type: "string" },
        host: { type: "string" },
        "max-entry-bytes": { type: "string" },
        "retention-days": { type: "string" },
        rate: { type: "string" },
        "log-level": { type: "string" },
        help: { type: "boolean" },
      },
      strict: true,
      allowPositionals: false,
    });
  }
  try {
    values = parse().values;
  } catch (error) {
    usage(error instanceof Error ? error.message : "bad arguments");
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const port = number(values.port, "port", 0);
  if (port === undefined || !Number.isInteger(port) || port > 65535) usage("--port must be an integer from 0 to 65535");
  const dataDir = values["data-dir"];
  if (dataDir !== undefined && values.store !== undefined)
    usage("give either --data-dir (SQLite) or --store, not both");
  // An explicit --data-dir wins over the environment, so a local SQLite relay runs whatever the shell exports.
  const storeUrl = dataDir === undefined ? values.store || process.env[STORE_ENV] || undefined : undefined;
  if (dataDir === "" || (dataDir === undefined && storeUrl === undefined)) {
    usage(`--data-dir or --store (or ${STORE_ENV}) is required`);
  }
  if (storeUrl !== undefined && !/^postgres(ql)?:\/\//.test(storeUrl)) {
    usage("--store must be a postgres:// or postgresql:// URL");
  }
  const level = (values["log-level"] ?? "info") as RelayLogLevel;
  if (!LEVELS.includes(level)) usage("--log-level must be debug, info, warn or error");
  const minLevel = LEVELS.indexOf(level);
  const retentionDays = number(values["retention-days"], "retention-days", 0);
  const rate = number(values.rate, "rate", 0);
  const maxEntryBytes = number(values["max-entry-bytes"], "max-entry-bytes", 1024);

  const logger = (record: RelayLogRecord) => {
    if (LEVELS.indexOf(record.level) >= minLevel) print(record);
  };
  let store: RelayStore | undefined;
  if (storeUrl !== undefined) {
    // Loaded only when asked for: a SQLite relay never loads the PostgreSQL driver.
    const { PostgresStore } = await import("./store/postgres-store");
    store = await PostgresStore.open(storeUrl, { logger });
  }
  const relay = await createRelay({
    ...(store ? { store } : { dataDir }),
    port,
    host: values.host ?? "127.0.0.1",
    maxEntryBytes: maxEntryBytes === undefined ? undefined : Math.floor(maxEntryBytes),
    retentionMs: retentionDays === undefined ? undefined : Math.round(retentionDays * 24 * 60 * 60 * 1000),
    rateLimit: rate === undefined ? undefined : rate === 0 ? false : { perSecond: rate, burst: Math.max(1, rate * 5) },
    logger,
  });
  print({ level: "info", msg: "listening", port: relay.port, url: relay.url });

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    print({ level: "info", msg: "stopping", signal });
    relay.close().then(
      () => process.exit(0),
      (error: unknown) => {
        print({ level: "error", msg: "shutdown failed", error: String(error) });
        process.exit(1);
      },
    );
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
}

main().catch((error: unknown) => {
  print({
    level: "error",
    msg: "relay failed",
    error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
  });
  process.exit(1);
});
