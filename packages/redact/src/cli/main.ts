#!/usr/bin/env node
// hearth-redact: detect PII in JSONL, redact text with a vault file, restore text (streamed) from a vault file.
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { type Analyzer, createAnalyzer } from "../analyzer";
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

/** JSONL out for JSONL lines in: one output line per input line, in order, bad lines answered with an error. */
function detectBatch(analyzer: Analyzer, lines: readonly string[]): string {
  const inputs = lines.map((line): { id: unknown; text: string | null } => {
    try {
      const input = JSON.parse(line) as { id?: unknown; text?: unknown };
      return { id: input.id ?? null, text: typeof input.text === "string" ? input.text : null };
    } catch {
      return { id: null, text: null };
    }
  });
  const results = analyzer.analyzeBatch(inputs.flatMap((i) => (i.text === null ? [] : [i.text])));
  let k = 0;
  return inputs
    .map(({ id, text }) => {
      if (text === null) {
        return `${JSON.stringify({ id, entities: [], error: 'Each line must be JSON like {"id": ..., "text": "..."}.' })}\n`;
      }
      const entities = (results[k++] ?? []).map((e) => ({
        start: e.start,
        end: e.end,
        type: e.type,
        score: Math.round(e.score * 1000) / 1000,
        text: e.text,
      }));
      return `${JSON.stringify({ id, entities })}\n`;
    })
    .join("");
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
    // One analyzer for the whole run, and lines analyzed in batches: whatever arrived together (up to 256 lines)
    // shares one compromise pass, while a line typed alone is answered at once.
    const analyzer = createAnalyzer(options);
    const lines = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
    let pending: string[] = [];
    let scheduled = false;
    const flush = () => {
      scheduled = false;
      const batch = pending;
      pending = [];
      if (batch.length > 0) process.stdout.write(detectBatch(analyzer, batch));
    };
    lines.on("line", (line) => {
      if (line.trim() === "") return;
      pending.push(line);
      if (pending.length >= 256) flush();
      else if (!scheduled) {
        scheduled = true;
        setImmediate(flush);
      }
    });
    await new Promise<void>((resolve) => lines.once("close", resolve));
    flush();
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
