// Escalation with a cloud model: a real HTTP server on loopback speaking the OpenAI chat completions wire format
// stands in for llama.cpp or Ollama (the cloud is the one thing tests may fake).
import { once } from "node:events";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { MemoryAuditLog } from "@hearth/escalate";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createPamEscalator } from "../src/index";

const received: string[] = [];
const server = createServer(async (req, res) => {
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
let url = "";
beforeAll(async () => {
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});
afterAll(() => server.close());

const prompt =
  "Find a 45-minute slot next week with Maria Gonzalez (maria.g@example.com, +34 612 345 678): she cannot do mornings, only Tuesday or Thursday after 2 pm, and it must end before 5 pm. Then draft the invite.";

it("without a key it queues complex tasks and sends nothing", async () => {
  const audit = new MemoryAuditLog();
  const { escalator, notice, cloud } = createPamEscalator({}, { audit });
  expect(cloud).toBeUndefined();
  expect(notice).toMatch(/No cloud model configured/);
  const result = await escalator.generate({
    conversation: "c",
    kind: "scheduling",
    messages: [{ role: "user", content: prompt }],
  });
  expect(result.route).toBe("queue");
  expect(await escalator.queued()).toHaveLength(1);
  expect(await audit.read()).toEqual([]);
});

it("with an OpenAI-compatible server it escalates with PII stripped, restores the answer, and audits", async () => {
  const audit = new MemoryAuditLog();
  const { escalator, cloud } = createPamEscalator({ OPENAI_BASE_URL: url, PAM_CLOUD_MODEL: "test" }, { audit });
  expect(cloud).toEqual({ provider: "openai-compatible", model: "test" });
  const result = await escalator.generate({
    conversation: "c",
    kind: "scheduling",
    messages: [{ role: "user", content: prompt }],
  });
  expect(result.route).toBe("cloud");
  expect(result.text).toBe("Invite Maria Gonzalez for Tuesday 3 pm.");
  const sent = received.at(-1) ?? "";
  for (const secret of ["Maria Gonzalez", "maria.g@example.com", "612 345 678"]) expect(sent).not.toContain(secret);
  const [record] = await audit.read();
  expect(record?.provider).toBe("openai-compatible");
  expect(record?.redacted.map((e) => e.type)).toEqual(expect.arrayContaining(["PERSON", "EMAIL", "PHONE"]));
  expect(record?.body).toBe(sent);
  expect(record?.body).toContain("[EMAIL_1]");
});
