// Adds up the JSON reports every package's test run left (scripts/run-tests.mjs) and prints one closing line,
// so a reader of the whole `pnpm test` log sees the total at the end.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const dir = join(import.meta.dirname, "..", "node_modules", ".cache", "hearth-test-reports");
const totals = { passed: 0, failed: 0, skipped: 0 };
for (const file of existsSync(dir) ? readdirSync(dir) : []) {
  const report = JSON.parse(readFileSync(join(dir, file), "utf8"));
  totals.passed += report.numPassedTests;
  totals.failed += report.numFailedTests;
  totals.skipped += report.numPendingTests + report.numTodoTests;
}
if (totals.passed + totals.failed === 0) {
  console.error("error: no test ran.");
  process.exit(1);
}
console.log(
  `tests: ${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ""}`,
);
process.exit(totals.failed ? 1 : 0);
