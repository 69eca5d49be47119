// `hearth-relay --store` and HEARTH_RELAY_STORE: the relay on PostgreSQL chosen from the command line or the
// environment, an explicit --data-dir winning over the environment, and a database it cannot reach refused with
// exit 1 and a message without the password.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { RELAY_CLI, type RelayProcess, startRelayProcess } from "../helpers/relay-process";
import { foundSpace } from "../helpers/spaces";
import { freshDatabase, withDatabase } from "../helpers/test-store";

/** The relay CLI with exactly these store flags and environment. */
const startCli = (storeArgs: string[], env: Record<string, string>) =>
  startRelayProcess({ storeArgs, env, args: ["--rate", "0"] });

const relays: RelayProcess[] = [];
const dirs: string[] = [];
afterAll(async () => {
  for (const relay of relays) await relay.kill("SIGKILL");
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

async function spaceRows(url: string): Promise<number> {
  return withDatabase(url, async (db) => (await db.query("SELECT count(*)::int AS n FROM spaces")).rows[0]?.n);
}

describe("hearth-relay on PostgreSQL", () => {
  it("stores in the database named by --store", async () => {
    const url = await freshDatabase();
    const relay = await startCli(["--store", url], {});
    relays.push(relay);
    await foundSpace(relay.url);
    expect(await spaceRows(url)).toBe(1);
    expect(relay.logs[0]).toMatchObject({ msg: "listening" });
  });

  it("takes the database from HEARTH_RELAY_STORE when no flag names a store", async () => {
    const url = await freshDatabase();
    const relay = await startCli([], { HEARTH_RELAY_STORE: url });
    relays.push(relay);
    await foundSpace(relay.url);
    expect(await spaceRows(url)).toBe(1);
  });

  it("keeps SQLite when --data-dir is given, whatever the environment says", async () => {
    const url = await freshDatabase();
    const dir = mkdtempSync(join(tmpdir(), "hearth-relay-cli-"));
    dirs.push(dir);
    const relay = await startCli(["--data-dir", dir], { HEARTH_RELAY_STORE: url });
    relays.push(relay);
    await foundSpace(relay.url);
    expect(existsSync(join(dir, "relay.sqlite"))).toBe(true);
    // The relay never touched the database: not even its migrations ran.
    const tables = await withDatabase(url, async (db) => (await db.query("SELECT to_regclass('spaces') AS t")).rows[0]);
    expect(tables).toEqual({ t: null });
  });

  it("exits 1 with a StorageError line, without the password, when the database cannot be reached", () => {
    const result = spawnSync(
      process.execPath,
      [RELAY_CLI, "--port", "0", "--store", "postgres://relay:hunter2-secret@127.0.0.1:9/hearth"],
      { encoding: "utf8", timeout: 30_000 },
    );
    expect(result.status).toBe(1);
    const line = JSON.parse(result.stdout.trim().split("\n").at(-1) ?? "{}") as Record<string, unknown>;
    expect(line).toMatchObject({ level: "error", msg: "relay failed" });
    expect(String(line.error)).toMatch(
      /^StorageError: Cannot open the relay database at postgres:\/\/relay:\*\*\*@127\.0\.0\.1:9/,
    );
    expect(result.stdout + result.stderr).not.toContain("hunter2-secret");
  });
});
