// A throwaway PostgreSQL cluster for tests and benchmarks, from Debian's `postgresql` package: initdb into a
// temporary folder, the server on a free loopback port with its unix socket inside that folder, stopped and removed
// afterwards. Shared by vitest's postgres project, the relay's test helpers and the benchmark runner.
import { execFileSync, spawnSync } from "node:child_process";
import { chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

const DEBIAN_ROOT = "/usr/lib/postgresql";

export const installHint =
  "PostgreSQL is needed for the relay's PostgreSQL tests: install postgresql (`sudo apt-get install -y postgresql`), " +
  "or set POSTGRES_BIN to the folder holding initdb and pg_ctl.";

/** The folder holding `initdb` and `pg_ctl` (the newest Debian version, or POSTGRES_BIN), or undefined. */
export function findPostgres() {
  const fromEnv = process.env.POSTGRES_BIN;
  if (fromEnv) return existsSync(join(fromEnv, "initdb")) ? fromEnv : undefined;
  if (!existsSync(DEBIAN_ROOT)) return undefined;
  const versions = readdirSync(DEBIAN_ROOT)
    .filter((v) => existsSync(join(DEBIAN_ROOT, v, "bin", "initdb")))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] === undefined ? undefined : join(DEBIAN_ROOT, versions[0], "bin");
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

// initdb refuses to run as root: the cluster then belongs to the `postgres` account the package creates.
function asServerUser() {
  if (process.getuid?.() !== 0) return undefined;
  const line = spawnSync("id", ["-u", "postgres"], { encoding: "utf8" });
  const group = spawnSync("id", ["-g", "postgres"], { encoding: "utf8" });
  if (line.status !== 0) throw new Error(`Running as root and there is no postgres account. ${installHint}`);
  return { uid: Number(line.stdout.trim()), gid: Number(group.stdout.trim()) };
}

function run(bin, tool, args, user) {
  const command = join(bin, tool);
  try {
    return execFileSync(command, args, {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
      ...(user ? { uid: user.uid, gid: user.gid } : {}),
      env: { ...process.env, LC_ALL: "C.UTF-8", LANG: "C.UTF-8" },
    });
  } catch (error) {
    const detail = `${error.stdout ?? ""}${error.stderr ?? ""}`.trim();
    throw new Error(`${tool} ${args.join(" ")} failed: ${detail || error.message}`);
  }
}

/**
 * Starts a cluster and resolves with `{ url, dataDir, port, createDatabase(name?), stop() }`. `url` connects as the
 * superuser `hearth` (trust authentication on loopback) to the `postgres` database; `createDatabase` makes a fresh
 * database and resolves with its URL. `parent` is where the temporary folder goes (default: the system's).
 * Throws with {@link installHint} when PostgreSQL is not installed.
 */
export async function startPostgres({ parent = tmpdir(), settings = {} } = {}) {
  const bin = findPostgres();
  if (!bin) throw new Error(installHint);
  const user = asServerUser();
  const root = mkdtempSync(join(parent, "hearth-postgres-"));
  const dataDir = join(root, "data");
  const socketDir = join(root, "socket");
  mkdirSync(socketDir);
  if (user) {
    chownSync(root, user.uid, user.gid);
    chownSync(socketDir, user.uid, user.gid);
  }
  const port = await freePort();
  try {
    run(
      bin,
      "initdb",
      ["-D", dataDir, "-U", "hearth", "--auth=trust", "-E", "UTF8", "--no-sync", "--no-instructions"],
      user,
    );
    const options = [
      `-p ${port}`,
      `-k ${socketDir}`,
      "-c listen_addresses=127.0.0.1",
      "-c max_connections=300",
      ...Object.entries(settings).map(([name, value]) => `-c ${name}=${value}`),
    ].join(" ");
    run(bin, "pg_ctl", ["-D", dataDir, "-o", options, "-l", join(root, "server.log"), "-w", "-t", "60", "start"], user);
  } catch (error) {
    rmSync(root, { recursive: true, force: true });
    throw error;
  }
  const url = `postgres://hearth@127.0.0.1:${port}/postgres`;
  let databases = 0;
  let stopped = false;
  return {
    url,
    port,
    dataDir,
    /** Creates a database (a fresh name unless given) and resolves with its URL. */
    async createDatabase(name = `hearth_${process.pid}_${++databases}_${Date.now().toString(36)}`) {
      run(
        bin,
        "psql",
        [
          "-h",
          socketDir,
          "-p",
          String(port),
          "-U",
          "hearth",
          "-d",
          "postgres",
          "-v",
          "ON_ERROR_STOP=1",
          "-qc",
          `CREATE DATABASE "${name}"`,
        ],
        user,
      );
      return `postgres://hearth@127.0.0.1:${port}/${name}`;
    },
    /** Runs one SQL statement with psql on database `name` and resolves with its unaligned, tuples-only output. */
    async query(name, sql) {
      return run(
        bin,
        "psql",
        ["-h", socketDir, "-p", String(port), "-U", "hearth", "-d", name, "-v", "ON_ERROR_STOP=1", "-tAc", sql],
        user,
      ).trim();
    },
    /** Stops the server at once and removes every file of the cluster. */
    stop() {
      if (stopped) return;
      stopped = true;
      try {
        run(bin, "pg_ctl", ["-D", dataDir, "-m", "immediate", "-w", "stop"], user);
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    },
  };
}
