// Benchmark: @hearth/redact against redact-pii (and @redactpii/node for accuracy) on the package's own corpus of
// e-mails and chat messages. Prints a JSON array of { name, ours, baseline, ratio } records.
// Usage: node bench/throughput.mjs [--seconds N]   (after `pnpm --filter @hearth/redact build`)
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { createAnalyzer, defaultRecognizers, evaluate, nameRecognizer, parseCorpus } from "../dist/index.js";

const require = createRequire(import.meta.url);
const { SyncRedactor } = require("redact-pii");
const { Redactor } = require("@redactpii/node");

const seconds = Number(process.argv[process.argv.indexOf("--seconds") + 1]) || 3;
const load = (name) =>
  parseCorpus(JSON.parse(readFileSync(fileURLToPath(new URL(`../corpus/${name}.json`, import.meta.url)), "utf8")));
const all = [...load("dev"), ...load("test")];
const test = load("test");
const heldout = load("heldout");
const texts = all.map((s) => s.full_text);
const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);

/** MB/s of `fn` over every text, repeated for about `seconds`, after a warm-up pass. */
function throughput(fn) {
  for (const t of texts) fn(t);
  let rounds = 0;
  const start = performance.now();
  while (performance.now() - start < seconds * 1000) {
    for (const t of texts) fn(t);
    rounds++;
  }
  return (rounds * bytes) / 1e6 / ((performance.now() - start) / 1000);
}

/** MB/s of analyzeBatch over the texts in batches of `size`. */
function throughputBatched(size) {
  const batches = [];
  for (let i = 0; i < texts.length; i += size) batches.push(texts.slice(i, i + size));
  let rounds = -1;
  let start = 0;
  while (rounds < 0 || performance.now() - start < seconds * 1000) {
    for (const b of batches) analyzer.analyzeBatch(b);
    if (++rounds === 0) start = performance.now();
  }
  return (rounds * bytes) / 1e6 / ((performance.now() - start) / 1000);
}

const MARK = "\u0000";
/** Spans recovered from a redactor that replaces each finding with MARK (these baselines return text only). */
function spansFromRedacted(original, redacted) {
  const parts = redacted.split(MARK);
  const spans = [];
  let pos = parts[0].length;
  for (let i = 1; i < parts.length; i++) {
    const next = parts[i];
    const end = i === parts.length - 1 && next === "" ? original.length : original.indexOf(next, pos + 1);
    if (end < 0) break;
    spans.push({ start: pos, end: next === "" && i < parts.length - 1 ? pos + 1 : end, type: "ANY" });
    pos = end + next.length;
  }
  return spans;
}

// Timed as for text never seen before: the passes repeat the corpus, and the name recognizer's window cache would
// spare compromise every window after the first pass, which no new message is spared.
const analyzer = createAnalyzer({
  recognizers: defaultRecognizers().map((r) => (r.name === "names" ? nameRecognizer({ windowCache: 0 }) : r)),
});
const redactPii = new SyncRedactor({ globalReplaceWith: MARK });
const redactPiiNode = new Redactor({ globalReplaceWith: MARK });

// Ours through analyzeBatch, as the CLI reads messages: 64 at a time.
const ours = throughputBatched(64);
const theirs = throughput((t) => redactPii.redact(t));

const f2 = (predict, samples = test) =>
  evaluate(
    samples,
    samples.map((s) => predict(s.full_text)),
  ).overall.f2;
const oursF2 = f2((t) => analyzer.analyze(t));
const redactPiiF2 = f2((t) => spansFromRedacted(t, redactPii.redact(t)));
const redactPiiNodeF2 = f2((t) => spansFromRedacted(t, redactPiiNode.redact(t)));
const oursHeldoutF2 = f2((t) => analyzer.analyze(t), heldout);
const redactPiiHeldoutF2 = f2((t) => spansFromRedacted(t, redactPii.redact(t)), heldout);
const redactPiiNodeHeldoutF2 = f2((t) => spansFromRedacted(t, redactPiiNode.redact(t)), heldout);

const round = (x) => Math.round(x * 1000) / 1000;
const records = [
  {
    name: "redact-throughput-mb-per-s-vs-redact-pii",
    ours: round(ours),
    baseline: round(theirs),
    ratio: round(ours / theirs),
  },
  {
    name: "redact-f2-test-split-vs-redact-pii",
    ours: round(oursF2),
    baseline: round(redactPiiF2),
    ratio: round(oursF2 / redactPiiF2),
  },
  {
    name: "redact-f2-test-split-vs-redactpii-node",
    ours: round(oursF2),
    baseline: round(redactPiiNodeF2),
    ratio: round(oursF2 / redactPiiNodeF2),
  },
  {
    name: "redact-f2-heldout-vs-redact-pii",
    ours: round(oursHeldoutF2),
    baseline: round(redactPiiHeldoutF2),
    ratio: round(oursHeldoutF2 / redactPiiHeldoutF2),
  },
  {
    name: "redact-f2-heldout-vs-redactpii-node",
    ours: round(oursHeldoutF2),
    baseline: round(redactPiiNodeHeldoutF2),
    ratio: round(oursHeldoutF2 / redactPiiNodeHeldoutF2),
  },
];
process.stdout.write(`${JSON.stringify(records, null, 1)}\n`);
