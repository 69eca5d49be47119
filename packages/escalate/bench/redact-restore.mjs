#!/usr/bin/env node
// Added latency of the escalation pipeline's redact + restore, on the built package:
//   per request: anonymize a 2 KB prompt (detection + vault) and restore a 2 KB answer, p95 in ms (goal <= 2 ms);
//   restore alone, p95 in ms (the part this package adds on the answer path);
//   per streamed delta: the streaming restorer's push() on 4-character deltas, mean in us (goal <= 50 us).
// Prints one JSON line per measure: {name, ours, baseline, ratio}; baseline is the goal, so ratio <= 1 meets it.
// Usage: node packages/escalate/bench/redact-restore.mjs [--quick]
import { readFileSync } from "node:fs";
import { RedactAnonymizer } from "@hearth/escalate";

const quick = process.argv.includes("--quick");
const lines = readFileSync(new URL("../test/fixtures/prompts.jsonl", import.meta.url), "utf8")
  .trim()
  .split("\n");
const texts = lines.map((l) => JSON.parse(l).prompt.replace(/\{\{[A-Z_]+\|([^}]+)\}\}/g, "$1"));

/** 2 KB prompts made of consecutive corpus prompts. */
function prompts(n) {
  const out = [];
  for (let i = 0; out.length < n; i++) {
    let p = "";
    for (let j = i; p.length < 2048; j++) p += `${texts[j % texts.length]}\n`;
    out.push(p.slice(0, 2048));
  }
  return out;
}

function percentile(values, q) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

const anonymizer = new RedactAnonymizer();
const inputs = prompts(quick ? 40 : 200);
// Warm-up: compiles the recognizers' regexes and JIT paths.
for (const p of inputs.slice(0, 10)) await anonymizer.anonymize(p, "warm");

const perRequest = [];
const restoreOnly = [];
const redactedAnswers = [];
for (const [i, p] of inputs.entries()) {
  const t0 = performance.now();
  const { text } = await anonymizer.anonymize(p, `c${i}`);
  const t1 = performance.now();
  const restored = anonymizer.restore(text, `c${i}`);
  const t2 = performance.now();
  perRequest.push(t2 - t0);
  restoreOnly.push(t2 - t1);
  if (restored !== p) throw new Error(`round trip failed on prompt ${i}`);
  redactedAnswers.push([text, `c${i}`]);
}

let deltas = 0;
let streamed = 0;
const rounds = quick ? 1 : 5;
for (let r = 0; r < rounds; r++) {
  for (const [text, conversation] of redactedAnswers) {
    const pieces = [];
    for (let k = 0; k < text.length; k += 4) pieces.push(text.slice(k, k + 4));
    const restorer = anonymizer.restorer(conversation);
    const t0 = performance.now();
    for (const d of pieces) restorer.push(d);
    restorer.flush();
    streamed += performance.now() - t0;
    deltas += pieces.length;
  }
}

const requestP95 = percentile(perRequest, 0.95);
const deltaUs = (streamed / deltas) * 1000;
for (const [name, ours, baseline] of [
  ["escalate.redact-restore.p95-ms-per-2kb-request", requestP95, 2],
  ["escalate.restore.p95-ms-per-2kb-answer", percentile(restoreOnly, 0.95), 2],
  ["escalate.restore.mean-us-per-stream-delta", deltaUs, 50],
]) {
  process.stdout.write(
    `${JSON.stringify({ name, ours: Number(ours.toFixed(4)), baseline, ratio: Number((ours / baseline).toFixed(4)) })}\n`,
  );
}
