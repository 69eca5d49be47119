#!/usr/bin/env node
// hearth-escalate: route JSONL prompts between the local model and a cloud provider (redacted, audited), and print
// the audit log of what left the device.
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { RedactAnonymizer } from "../anonymizer/redact-anonymizer";
import { InvalidArgumentError } from "../errors/invalid-argument-error";
import { InvalidInputError } from "../errors/invalid-input-error";
import { defaultAuditPath } from "../node/default-audit-path";
import { FileAuditLog } from "../node/file-audit-log";
import { type EscalateResult, Escalator } from "../pipeline/escalator";
import { AnthropicMessagesModel } from "../providers/anthropic-messages-model";
import { type GeneratePipelineLike, LocalGenerateModel } from "../providers/local-generate-model";
import { OpenAIChatModel } from "../providers/openai-chat-model";
import { Router } from "../router/router";
import type { LanguageModel } from "../spec/language-model";

const USAGE = `Usage:
  hearth-escalate run [--route auto|cloud|local] [--provider anthropic|openai] [--model M]
                      [--local-model FOLDER] [--no-stream] [--audit FILE]
      Reads JSONL {"id", "prompt"} on stdin; writes one JSONL line per input:
      {"id", "route", "answer", "redactedTypes"} (or {"id", "error"}).
  hearth-escalate audit [--audit FILE] [--json]
      Prints every request that left the device.

Environment: ANTHROPIC_API_KEY, ANTHROPIC_BASE_URL, OPENAI_API_KEY, OPENAI_BASE_URL, HEARTH_ESCALATE_AUDIT.`;

async function localModel(folder: string): Promise<LanguageModel> {
  // @hearth/runtime is optional: loaded only when a local model is asked for.
  const specifier = "@hearth/runtime/node";
  const runtime = (await import(specifier)) as {
    pipeline: (task: "generate", folder: string) => Promise<GeneratePipelineLike>;
  };
  return new LocalGenerateModel(await runtime.pipeline("generate", folder), { modelId: folder });
}

/** One stdin line as an object. JSON.parse's own message quotes the text, so it is never passed on. */
function parseLine(line: string, n: number): { id?: unknown; prompt?: unknown; conversation?: unknown } {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    throw new InvalidInputError(
      `Line ${n} is not JSON; each line must be an object such as {"id": 1, "prompt": "..."}.`,
    );
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new InvalidInputError(`Line ${n} is not a JSON object; each line must look like {"id": 1, "prompt": "..."}.`);
  }
  return value;
}

async function run(values: Record<string, string | boolean | undefined>): Promise<number> {
  const route = String(values.route ?? "auto");
  if (!["auto", "cloud", "local"].includes(route))
    throw new InvalidArgumentError("--route must be auto, cloud or local.");
  const provider = String(values.provider ?? "anthropic");
  const model = String(values.model ?? (provider === "openai" ? "gpt-4o-mini" : "claude-sonnet-4-5"));
  const cloud =
    provider === "openai"
      ? new OpenAIChatModel({ model })
      : provider === "anthropic"
        ? new AnthropicMessagesModel({ model })
        : undefined;
  if (!cloud) throw new InvalidArgumentError("--provider must be anthropic or openai.");
  const local = typeof values["local-model"] === "string" ? await localModel(values["local-model"]) : undefined;
  const escalator = new Escalator({
    // Running the command with a provider is the user's consent to send redacted text to it.
    router: new Router({ policy: { consent: true } }),
    cloud,
    ...(local ? { local } : {}),
    anonymizer: new RedactAnonymizer(),
    audit: new FileAuditLog(typeof values.audit === "string" ? values.audit : defaultAuditPath()),
  });
  const stream = values["no-stream"] !== true;
  let failures = 0;
  const lines = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  let n = 0;
  for await (const line of lines) {
    if (line.trim() === "") continue;
    n++;
    let id: unknown = n;
    try {
      const input = parseLine(line, n);
      id = input.id ?? n;
      if (typeof input.prompt !== "string") throw new InvalidInputError(`Line ${n} has no "prompt" string.`);
      const request = {
        conversation: typeof input.conversation === "string" ? input.conversation : `cli-${String(id)}`,
        messages: [{ role: "user" as const, content: input.prompt }],
        route: route as "auto" | "cloud" | "local",
      };
      let result: Pick<EscalateResult, "route" | "text" | "redacted">;
      if (stream) {
        const s = await escalator.stream(request);
        let text = "";
        for await (const part of s.stream) if (part.type === "text-delta") text += part.delta;
        result = { route: s.route, text, redacted: s.redacted };
      } else result = await escalator.generate(request);
      process.stdout.write(
        `${JSON.stringify({ id, route: result.route, answer: result.text, redactedTypes: result.redacted.map((e) => e.type) })}\n`,
      );
    } catch (error) {
      // One bad line costs that line only: the error is its answer, and the next line is read.
      failures++;
      const code = (error as { code?: unknown }).code;
      process.stdout.write(
        `${JSON.stringify({ id, error: { code: typeof code === "string" ? code : "E_UNEXPECTED", message: (error as Error).message } })}\n`,
      );
    }
  }
  return failures === 0 ? 0 : 1;
}

async function audit(values: Record<string, string | boolean | undefined>): Promise<number> {
  const log = new FileAuditLog(typeof values.audit === "string" ? values.audit : defaultAuditPath());
  const records = await log.read();
  for (const r of records) {
    if (values.json === true) {
      process.stdout.write(`${JSON.stringify(r)}\n`);
      continue;
    }
    const types = r.redacted.map((e) => `${e.type}×${e.count}`).join(" ") || "none";
    process.stdout.write(
      `${r.time}  ${r.provider}/${r.model}  attempt ${r.attempt}${r.stream ? "  stream" : ""}  redacted: ${types}\n  ${r.url}\n  ${r.body}\n`,
    );
  }
  if (values.json !== true) process.stdout.write(`${records.length} request(s) left this device.\n`);
  return 0;
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const { values } = parseArgs({
    args: rest,
    options: {
      route: { type: "string" },
      provider: { type: "string" },
      model: { type: "string" },
      "local-model": { type: "string" },
      "no-stream": { type: "boolean" },
      audit: { type: "string" },
      json: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
    strict: true,
  });
  if (values.help || command === undefined || command === "help") {
    process.stdout.write(`${USAGE}\n`);
    return command === undefined ? 2 : 0;
  }
  if (command === "run") return run(values);
  if (command === "audit") return audit(values);
  process.stderr.write(`Unknown command "${command}".\n${USAGE}\n`);
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`hearth-escalate: ${(error as Error).message}\n`);
    process.exitCode = 2;
  },
);
