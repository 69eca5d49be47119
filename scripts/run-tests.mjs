// A package's `test` script: runs the root vitest config (node and browser projects) on this package's tests
// only, and leaves a JSON report that scripts/test-summary.mjs adds up after `turbo run test`.
import { spawnSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const pkg = relative(root, process.cwd());
const reportDir = join(root, "node_modules", ".cache", "hearth-test-reports");
mkdirSync(reportDir, { recursive: true });
const report = join(reportDir, `${pkg.replaceAll("/", "__")}.json`);

const vitest = join(root, "node_modules", ".bin", "vitest");
const args = [
  "run",
  `${pkg}/`,
  "--reporter=default",
  "--reporter=json",
  `--outputFile.json=${report}`,
  ...process.argv.slice(2),
];
const run = spawnSync(vitest, args, { cwd: root, stdio: "inherit" });
process.exit(run.status ?? 1);
