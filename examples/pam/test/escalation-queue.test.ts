// Escalations queued while no cloud model can be reached live in the device's profile: they survive a restart
// (every `pam` command is a fresh process) and are sent, PII stripped, once an OpenAI-compatible server answers.
// A real HTTP server on loopback stands in for llama.cpp or Ollama (the cloud is the one thing tests may fake).
import { once } from "node:events";
import { readFile, writeFile } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { QueueFormatError } from "../src/index";
import { FileTaskQueue } from "../src/node";
import { pam, pamWithEnv, startWorld } from "./helpers/pam-cli";

vi.setConfig({ testTimeout: 90_000 });

const received: string[] = [];
const cloud = createServer(async (req, res) => {
  let body = "";
  for await (const chunk of req) body += chunk;
  received.push(body);
  const { messages } = JSON.parse(body) as { messages: { role: string; content: string }[] };
  const user = messages.filter((m) => m.role === "user").at(-1)?.content ?? "";
  const person = /\[PERSON_\d+\]/.exec(user)?.[0] ?? "you";
  res.writeHead(200, { "content-type": "application/json" });
  res.end(
    JSON.stringify({
      id: "c1",
      object: "chat.completion",
      model: "test",
      choices: [
        {
          index: 0,
          finish_reason: "stop",
          message: { role: "assistant", content: `Invite ${person} for Tuesday 3 pm.` },
        },
      ],
      usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 },
    }),
  );
});

let world: Awaited<ReturnType<typeof startWorld>>;
let home = "";
let cloudUrl = "";
// A port nothing listens on: the provider is configured but unreachable.
let deadUrl = "";

const prompt =
  "Find a 45-minute slot next week with Maria Gonzalez (maria.g@example.com, +34 612 345 678) on Tuesday or Thursday after 2 pm, then draft the invite.";

const second =
  "Find a 30-minute slot the week after with Paolo Rossi (p.rossi@example.org, +39 347 123 4567): only Monday or Wednesday before noon, not before 9 am. Then draft the invite.";

beforeAll(async () => {
  world = await startWorld();
  home = join(world.root, "laptop");
  expect((await pam(home, "init", "--relay", world.relay.url)).status).toBe(0);
  cloud.listen(0, "127.0.0.1");
  await once(cloud, "listening");
  cloudUrl = `http://127.0.0.1:${(cloud.address() as AddressInfo).port}/v1`;
  const dead = createServer().listen(0, "127.0.0.1");
  await once(dead, "listening");
  deadUrl = `http://127.0.0.1:${(dead.address() as AddressInfo).port}/v1`;
  await new Promise((r) => dead.close(r));
});
afterAll(async () => {
  cloud.close();
  await world.relay.close();
});

it("without a cloud model, a complex task is queued in the profile and listed by a later command", async () => {
  const ask = await pam(home, "ask", "--kind", "scheduling", prompt);
  expect(ask.status, ask.err).toBe(0);
  expect(ask.out).toContain("route: queue");
  expect(ask.out).toContain("(1 waiting)");
  const listed = await pam(home, "queue");
  expect(listed.out).toMatch(/^\S+ \S+ scheduling Find a 45-minute slot/m);
  expect((await pam(home, "audit")).out).toContain("nothing has left this device");
});

it("a configured provider that cannot be reached keeps the task queued instead of losing it", async () => {
  const env = { OPENAI_BASE_URL: deadUrl, PAM_CLOUD_MODEL: "test" };
  const ask = await pamWithEnv(env, home, "ask", "--kind", "scheduling", second);
  expect(ask.status, ask.err).toBe(0);
  expect(ask.out).toContain("route: queue (E_OFFLINE)");
  expect(ask.err).toContain("Queued tasks stay on this device");
  expect((await pam(home, "queue")).out.trim().split("\n")).toHaveLength(2);
  expect(received).toEqual([]);
});

it("once the provider answers, the queue is sent oldest first with PII stripped, audited, and emptied", async () => {
  const env = { OPENAI_BASE_URL: cloudUrl, PAM_CLOUD_MODEL: "test" };
  const flushed = await pamWithEnv(env, home, "queue", "--flush");
  expect(flushed.status, flushed.err).toBe(0);
  expect(flushed.out.match(/^sent queued /gm)).toHaveLength(2);
  expect(flushed.out).toContain("Invite Maria Gonzalez for Tuesday 3 pm.");
  expect(flushed.out).toContain("the escalation queue is empty");
  expect(received).toHaveLength(2);
  for (const secret of ["Maria Gonzalez", "maria.g@example.com", "612 345 678"])
    expect(received[0]).not.toContain(secret);
  const audit = await pam(home, "audit");
  // The log also holds the attempts at the unreachable server (written before each try): all of them redacted.
  const sent = audit.out.split("\n").filter((l) => l.includes(cloudUrl));
  expect(sent).toHaveLength(2);
  for (const line of sent) expect(line).toMatch(/openai-compatible\/test .* redacted: .*EMAILx1.*PERSONx1.*PHONEx1/);
});

it("a damaged queue file is a clear E_QUEUE_FORMAT error and is left as it was", async () => {
  const path = join(world.root, "damaged-queue.json");
  await writeFile(path, '{"v":1,"tasks":[{"id":');
  const queue = new FileTaskQueue(path);
  await expect(queue.list()).rejects.toBeInstanceOf(QueueFormatError);
  await expect(
    queue.push({ id: "x", enqueuedAt: "now", request: { conversation: "c", messages: [] } }),
  ).rejects.toMatchObject({
    code: "E_QUEUE_FORMAT",
  });
  expect(await readFile(path, "utf8")).toBe('{"v":1,"tasks":[{"id":');
});
