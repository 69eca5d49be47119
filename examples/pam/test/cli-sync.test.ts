// The `pam` command line on two devices through a real relay: init with the recovery phrase, pairing with a code
// and a short authentication string, tasks travelling both ways, pause and resume, encrypted backups.
import { type ChildProcess, spawn } from "node:child_process";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { cli, env, pam, sample, startWorld } from "./helpers/pam-cli";

// Each test runs the CLI several times, each a fresh Node process: on a busy machine that takes more than the
// default 30 s.
vi.setConfig({ testTimeout: 90_000 });

let world: Awaited<ReturnType<typeof startWorld>>;
let root = "";
let laptop = "";
let phone = "";

beforeAll(async () => {
  world = await startWorld();
  root = world.root;
  laptop = join(root, "laptop");
  phone = join(root, "phone");
});
afterAll(() => world.relay.close());

it("init prints a 24-word recovery phrase", async () => {
  const r = await pam(laptop, "init", "--relay", world.relay.url, "--name", "laptop");
  expect(r.err).toBe("");
  expect(r.status).toBe(0);
  const phrase = r.out
    .split("\n")
    .find((l) => l.startsWith("  "))
    ?.trim()
    .split(" ");
  expect(phrase).toHaveLength(24);
});

it("imports the sample mailbox", async () => {
  const r = await pam(laptop, "import", sample);
  expect(r.err).toBe("");
  expect(r.out).toContain("imported 40 messages (40 new), 0 problems");
});

it("pairs a second device with a code and a matching short authentication string", async () => {
  const child: ChildProcess = spawn(
    process.execPath,
    [cli, "--home", phone, "pair", "--relay", world.relay.url, "--timeout", "30"],
    { env },
  );
  let out = "";
  let err = "";
  child.stdout?.on("data", (d: Buffer) => {
    out += d.toString();
  });
  child.stderr?.on("data", (d: Buffer) => {
    err += d.toString();
  });
  const code = await new Promise<string>((resolve, reject) => {
    const timer = setInterval(() => {
      const m = /pairing code: (\S+)/.exec(out);
      if (m?.[1]) {
        clearInterval(timer);
        resolve(m[1]);
      }
    }, 50);
    child.on("exit", () => reject(new Error(`pair exited early: ${out} ${err}`)));
  });
  const enroll = await pam(laptop, "pair", code);
  expect(enroll.status).toBe(0);
  const sas = /shows (\d{3} \d{3})/.exec(enroll.out)?.[1];
  const status = await new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  expect(status).toBe(0);
  expect(out).toContain(`short authentication string ${sas}`);
  const synced = await pam(phone, "sync", "now");
  expect(synced.err).toBe("");
  expect(synced.out).toContain("synced: inbox 40, tasks 0");
}, 60_000);

it("a task made on one device arrives on the other, and back", async () => {
  const add = await pam(phone, "tasks", "--add", "Book the dentist", "--due", "2030-01-02");
  expect(add.status).toBe(0);
  const id = /added (\S+)/.exec(add.out)?.[1];
  expect((await pam(phone, "sync", "now")).status).toBe(0);
  const seen = await pam(laptop, "sync", "now");
  expect(seen.out).toContain("tasks 1");
  expect((await pam(laptop, "tasks", "--done", id!)).out).toContain(`[x] ${id}`);
  await pam(laptop, "sync", "now");
  expect((await pam(phone, "sync", "now")).status).toBe(0);
  expect((await pam(phone, "tasks")).out).toContain(`[x] ${id} 2030-01-02 Book the dentist`);
});

it("pause keeps edits on the device until resume", async () => {
  expect((await pam(phone, "sync", "pause")).out).toContain("sync paused");
  const refused = await pam(phone, "sync", "now");
  expect(refused.status).toBe(1);
  expect(refused.err).toContain("Sync is paused");
  await pam(phone, "tasks", "--add", "Written while paused");
  expect((await pam(phone, "sync", "status")).out).toContain("paused");
  expect((await pam(laptop, "sync", "now")).out).toContain("tasks 1");
  await pam(phone, "sync", "resume");
  await pam(phone, "sync", "now");
  expect((await pam(laptop, "sync", "now")).out).toContain("tasks 2");
});

it("exports an encrypted backup and imports it on the other device", async () => {
  const backup = join(root, "space.pam");
  expect((await pam(laptop, "export", backup, "--passphrase", "correct horse")).status).toBe(0);
  expect((await readFile(backup)).subarray(0, 3).toString()).toBe("HSB");
  const wrong = await pam(phone, "import", backup, "--passphrase", "wrong");
  expect(wrong.status).toBe(1);
  expect(wrong.err).toMatch(/E_PASSPHRASE/);
  expect((await pam(phone, "import", backup, "--passphrase", "correct horse")).out).toContain("restored 5 documents");
});
