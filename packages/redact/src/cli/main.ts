#!/usr/bin/env node
// hearth-redact: detect PII in JSONL, redact text with a vault file, restore text (streamed) from a vault file.
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { createAnalyzer } from "../analyzer";
import type { EntityType } from "../entity-type";
import { RedactError } from "../errors/redact-error";
import { readVaultFile, writeVaultFile } from "../node/vault-file";
import { replaceOperator } from "../operators/replace-operator";
import { redact } from "../redact";
import { restoreStream } from "../restore-stream";

const USAGE = `Usage:
  hearth-redact detect  [--threshold N] [--language xx] [--types A,B]   JSONL {"id","text"} in, {"id","entities"} out
  hearth-redact redact  --vault FILE [--threshold N] [--language xx]    text in, redacted text out, vault saved
  hearth-redact restore --vault FILE                                   redacted text in, original text out
`;

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString("utf8");
}

function write(text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    process.stdout.write(text, (err) => (err ? reject(err) : resolve()));
  });
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      vault: { type: "string" },
      threshold: { type: "string" },
      language: { type: "string" },
      types: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  const command = positionals[0];
  if (values.help || !command) {
    process.stdout.write(USAGE);
    return values.help ? 0 : 2;
  }
  const threshold = values.threshold === undefined ? undefined : Number(values.threshold);
  const options = {
    ...(threshold === undefined ? {} : { threshold }),
    ...(values.language ? { language: values.language } : {}),
    ...(values.types ? { types: values.types.split(",").map((t) => t.trim().toUpperCase() as EntityType) } : {}),
  };

  if (command === "detect") {
    // One analyzer for the whole run: lists and compiled patterns load once, however many lines follow.
    const analyzer = createAnalyzer(options);
    const lines = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
    for await (const line of lines) {
      if (line.trim() === "") continue;
      let id: unknown = null;
      let out: string;
      try {
        const input = JSON.parse(line) as { id?: unknown; text?: unknown };
        id = input.id ?? null;
        if (typeof input.text !== "string") throw new TypeError("text must be a string");
        const entities = analyzer.analyze(input.text).map((e) => ({
          start: e.start,
          end: e.end,
          type: e.type,
          score: Math.round(e.score * 1000) / 1000,
          text: e.text,
        }));
        out = JSON.stringify({ id, entities });
      } catch {
        out = JSON.stringify({ id, entities: [], error: 'Each line must be JSON like {"id": ..., "text": "..."}.' });
      }
      await write(`${out}\n`);
    }
    return 0;
  }

  if (command === "redact" || command === "restore") {
    if (!values.vault) {
      process.stderr.write(`${command} needs --vault FILE.\n${USAGE}`);
      return 2;
    }
    const vault = await readVaultFile(values.vault);
    if (command === "redact") {
      const text = await readAll(process.stdin);
      const entities = await createAnalyzer(options).analyzeAsync(text);
      const result = redact(text, entities, replaceOperator(vault));
      await writeVaultFile(values.vault, vault);
      await write(result.text);
      return 0;
    }
    for await (const piece of restoreStream(process.stdin as AsyncIterable<Uint8Array>, vault)) await write(piece);
    return 0;
  }

  process.stderr.write(`Unknown command "${command}".\n${USAGE}`);
  return 2;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    const message = err instanceof RedactError ? `${err.code}: ${err.message}` : String(err);
    process.stderr.write(`hearth-redact: ${message}\n`);
    process.exitCode = 1;
  },
);
