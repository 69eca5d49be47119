// The `pam` command line on one device through a real relay: imports (good and bad input), triage, search,
// digest, replies, escalation and the audit log.
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { pam, sample, startWorld } from "./helpers/pam-cli";

// Each test runs the CLI several times, each a fresh Node process: on a busy machine that takes more than the
// default 30 s.
vi.setConfig({ testTimeout: 90_000 });

let world: Awaited<ReturnType<typeof startWorld>>;
let root = "";
let laptop = "";

beforeAll(async () => {
  world = await startWorld();
  root = world.root;
  laptop = join(root, "laptop");
  const init = await pam(laptop, "init", "--relay", world.relay.url, "--name", "laptop");
  expect(init.status).toBe(0);
});
afterAll(() => world.relay.close());

it("imports mail and keeps the good records of a corrupt mbox, with a clear message per bad one", async () => {
  const good = await pam(laptop, "import", sample);
  expect(good.err).toBe("");
  expect(good.status).toBe(0);
  expect(good.out).toContain("imported 40 messages (40 new), 0 problems");
  const corrupt = join(root, "corrupt.mbox");
  const text = await readFile(sample, "utf8");
  // Junk before the first separator, and a message whose headers are binary garbage, inside a real mailbox.
  const messages = text.split(/\n(?=From \S)/);
  await writeFile(
    corrupt,
    [
      "\x00\x01 junk",
      "",
      messages[0],
      "From x@y Thu Aug 22 2002\n\x00\x01\x02 \x7f",
      "",
      ...messages.slice(1, 3),
      "",
    ].join("\n"),
  );
  const bad = await pam(laptop, "import", corrupt);
  expect(bad.status).toBe(2);
  expect(bad.out).toContain("imported 3 messages (0 new), 2 problems");
  expect(bad.err).toMatch(/skipped corrupt\.mbox:1: 1 line\(s\) before the first "From " separator/);
  expect(bad.err).toMatch(/skipped corrupt\.mbox#2 \(line \d+\): The message does not start with mail headers/);
});

it("imports a calendar, naming the event with an invalid date", async () => {
  const ics = join(root, "cal.ics");
  await writeFile(
    ics,
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:a\r\nSUMMARY:Standup\r\nDTSTART:20240105T100000Z\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:b\r\nSUMMARY:Broken\r\nDTSTART:20241345T990000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
  );
  const r = await pam(laptop, "import", ics);
  expect(r.status).toBe(2);
  expect(r.out).toContain("imported 1 events (1 new), 1 problems");
  expect(r.err).toContain('VEVENT 2 "Broken"');
});

it("triages and extracts tasks on the device", async () => {
  const r = await pam(laptop, "triage");
  expect(r.status).toBe(0);
  expect(r.out).toContain("triaged 40, spam 14, new tasks 14");
});

it("search, digest, replies and the audit log", async () => {
  expect((await pam(laptop, "search", "disk", "DMA", "driver")).out.split("\n")[0]).toMatch(
    /^\d\.\d{3} {2}m[0-9a-f]{16} {2}/,
  );
  expect((await pam(laptop, "digest")).out).toMatch(/^Digest for \d{4}-\d{2}-\d{2}: 40 messages, 14 spam/);
  const id = /^(m[0-9a-f]{16})\s+action needed/m.exec((await pam(laptop, "triage")).out)?.[1];
  expect(id).toBeDefined();
  expect((await pam(laptop, "reply", id!)).out).toMatch(/--- [a-z-]+ \(/);
  const ask = await pam(
    laptop,
    "ask",
    "--kind",
    "scheduling",
    "Find a 45-minute slot next week with Maria Gonzalez, not mornings, Tuesday or Thursday after 2 pm, ending before 5 pm, and draft the invite",
  );
  expect(ask.out).toContain("route: queue");
  expect(ask.err).toContain("No cloud model configured");
  expect((await pam(laptop, "audit")).out).toContain("nothing has left this device");
});

it("exports one document as plain JSON", async () => {
  const json = join(root, "tasks.json");
  expect((await pam(laptop, "export", json, "--json", "tasks")).status).toBe(0);
  expect(Object.keys(JSON.parse(await readFile(json, "utf8")))).toHaveLength(14);
});
