// The prompt corpus: test/fixtures/prompts.jsonl is written with inline markers, {{TYPE|value}}; this turns each
// prompt into the plain text a user would type and the list of personal values it holds, so the leak test knows
// every original value that must never reach the server.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export interface PiiValue {
  readonly type: string;
  readonly value: string;
}

export interface CorpusPrompt {
  readonly id: string;
  readonly kind: string;
  readonly text: string;
  readonly values: readonly PiiValue[];
}

const MARKER = /\{\{([A-Z_]+)\|([^}]+)\}\}/g;

/** Plain text and values of one marked-up prompt. */
export function unmark(marked: string): { text: string; values: PiiValue[] } {
  const values: PiiValue[] = [];
  const text = marked.replace(MARKER, (_, type: string, value: string) => {
    values.push({ type, value });
    return value;
  });
  if (text.includes("{{") || text.includes("}}")) throw new Error(`Malformed marker in: ${marked.slice(0, 40)}`);
  return { text, values };
}

/** Every prompt of the corpus. */
export function loadCorpus(): CorpusPrompt[] {
  const file = fileURLToPath(new URL("../fixtures/prompts.jsonl", import.meta.url));
  return readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => {
      const row = JSON.parse(line) as { id: string; kind: string; prompt: string };
      return { id: row.id, kind: row.kind, ...unmark(row.prompt) };
    });
}

export interface RoutingRow {
  readonly prompt: string;
  readonly cloud: boolean;
}

/** The labeled routing set. */
export function loadRoutingSet(): RoutingRow[] {
  const file = fileURLToPath(new URL("../fixtures/routing.jsonl", import.meta.url));
  return readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as RoutingRow);
}
