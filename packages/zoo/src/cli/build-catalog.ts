// The package's build step: `node dist/build-catalog.js [outDir] [--only id,id]` builds the zoo's models into a
// local catalog (default: dist/catalog). A progress bar on a terminal, one line per step otherwise.
import { resolve } from "node:path";
import { performance } from "node:perf_hooks";
import cliProgress from "cli-progress";
import { buildCatalog } from "../build/build-catalog";
import { ZooError } from "../errors/zoo-error";
import { catalogPath } from "../node/catalog-path";
import type { Progress } from "../spec/progress";

const args = process.argv.slice(2);
const only = args.indexOf("--only");
const models = only >= 0 ? (args[only + 1] ?? "").split(",").filter(Boolean) : undefined;
const positional = args.filter((a, i) => !a.startsWith("--") && (only < 0 || i !== only + 1));
const outDir = resolve(positional[0] ?? catalogPath());

const tty = process.stdout.isTTY === true;
const bar = tty
  ? new cliProgress.SingleBar(
      { format: "{phase} [{bar}] {percentage}% | {value}/{total}", hideCursor: true, clearOnComplete: false },
      cliProgress.Presets.shades_classic,
    )
  : undefined;
let current = "";
const started = performance.now();

function onProgress(p: Progress): void {
  if (p.phase !== current) {
    if (bar && current !== "") bar.stop();
    current = p.phase;
    if (bar) bar.start(p.total, p.loaded, { phase: p.phase });
    else console.log(`${p.phase} ...`);
  }
  bar?.setTotal(p.total);
  bar?.update(p.loaded, { phase: p.phase });
}

try {
  const catalog = buildCatalog(outDir, { ...(models ? { models } : {}), onProgress });
  bar?.stop();
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`built ${catalog.models.map((m) => m.id).join(", ")} into ${outDir} in ${seconds} s`);
} catch (error) {
  bar?.stop();
  if (error instanceof ZooError) {
    console.error(`${error.code}: ${error.message}`);
    process.exit(1);
  }
  throw error;
}
