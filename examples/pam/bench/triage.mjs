// Triage throughput on the bundled sample (40 messages, repeated), models vs the rules fallback.
// Prints one JSON line: {name, ours, baseline, ratio} in messages per second (higher is better). Needs `pnpm build`.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ruleSpamScorer, Triager } from "@hearth/pam";
import { loadModels, readMailPath, sampleMailboxPath } from "@hearth/pam/node";

const ROUNDS = Number(process.env.PAM_BENCH_ROUNDS ?? 10);
const { records } = await readMailPath(sampleMailboxPath());
const models = await loadModels({ cacheRoot: mkdtempSync(join(tmpdir(), "pam-bench-")) });

async function rate(triager) {
  await triager.triage(records); // warm-up
  const start = performance.now();
  for (let i = 0; i < ROUNDS; i++) await triager.triage(records);
  return (ROUNDS * records.length) / ((performance.now() - start) / 1000);
}

const ours = await rate(await Triager.create({ spam: models.spam, embedder: models.embedder }));
const baseline = await rate(await Triager.create({ spam: ruleSpamScorer() }));
await models.dispose();
console.log(JSON.stringify({ name: "pam-triage-messages-per-second", ours, baseline, ratio: ours / baseline }));
