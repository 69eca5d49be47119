// Scores @hearth/redact on the package's labeled corpus (presidio-research format).
// Usage: node bench/evaluate.mjs [dev|test|heldout|unseen|varied|fresh-a|fresh-b|fresh-c|fresh-d|fresh-e|fresh-f|path.json] [--misses]   (after `pnpm --filter @hearth/redact build`)
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { createAnalyzer, evaluate, parseCorpus } from "../dist/index.js";

const arg = process.argv[2] ?? "dev";
const path = arg.endsWith(".json") ? arg : fileURLToPath(new URL(`../corpus/${arg}.json`, import.meta.url));
const samples = parseCorpus(JSON.parse(readFileSync(path, "utf8")));
const analyzer = createAnalyzer();
const predictions = samples.map((s) => analyzer.analyze(s.full_text));
const result = evaluate(samples, predictions);
const fmt = (x) => x.toFixed(3);
const out = [
  `corpus ${arg}: ${samples.length} texts`,
  "type            support  found  predicted  P      R      F1     F2",
];
for (const [type, s] of [["ALL (any type)", result.overall], ...Object.entries(result.byType)]) {
  out.push(
    `${type.padEnd(15)} ${String(s.support).padStart(7)} ${String(s.found).padStart(6)} ${String(s.predicted).padStart(10)}  ${fmt(s.precision)}  ${fmt(s.recall)}  ${fmt(s.f1)}  ${fmt(s.f2)}`,
  );
}
if (process.argv.includes("--misses")) {
  samples.forEach((s, i) => {
    const preds = predictions[i];
    for (const g of s.spans) {
      const hit = preds.find((p) => p.start < g.end_position && p.end > g.start_position);
      if (!hit || hit.type !== g.entity_type)
        out.push(`MISS ${g.entity_type} "${g.entity_value}" ${hit ? `(got ${hit.type} "${hit.text}")` : ""}`);
    }
    for (const p of preds) {
      if (!s.spans.some((g) => p.start < g.end_position && p.end > g.start_position))
        out.push(`FALSE ${p.type} "${p.text}" (${p.recognizer} ${p.score.toFixed(2)})`);
    }
  });
}
process.stdout.write(`${out.join("\n")}\n`);
