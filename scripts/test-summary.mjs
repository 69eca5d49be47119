// Adds up the JSON reports every package's test run left (scripts/run-tests.mjs) and prints the failed tests with
// the first lines of their errors, then one closing line: the end of a long `pnpm test` log says what went wrong.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { stripVTControlCharacters } from "node:util";

const root = join(import.meta.dirname, "..");
const dir = join(root, "node_modules", ".cache", "hearth-test-reports");
const totals = { passed: 0, failed: 0, skipped: 0 };
const failures = [];

for (const file of existsSync(dir) ? readdirSync(dir) : []) {
  const report = JSON.parse(readFileSync(join(dir, file), "utf8"));
  totals.passed += report.numPassedTests;
  totals.failed += report.numFailedTests;
  totals.skipped += report.numPendingTests + report.numTodoTests;
  for (const suite of report.testResults ?? []) {
    const failed = (suite.assertionResults ?? []).filter((test) => test.status === "failed");
    // A file that failed before any test ran (an import error, a failed setup) has its message on the suite.
    if (suite.status === "failed" && failed.length === 0)
      failures.push({ where: relative(root, suite.name), message: suite.message });
    for (const test of failed) {
      failures.push({
        where: `${relative(root, suite.name)} > ${test.fullName}`,
        message: test.failureMessages?.[0] ?? "",
      });
    }
  }
}
if (failures.length > 0) {
  console.log("\nfailed:");
  for (const { where, message } of failures) {
    console.log(`- ${where}`);
    for (const line of stripVTControlCharacters(message ?? "")
      .split("\n")
      .slice(0, 6))
      console.log(`    ${line}`);
  }
}
if (totals.passed + totals.failed === 0) {
  console.error("error: no test ran.");
  process.exit(1);
}
console.log(
  `tests: ${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ""}`,
);
process.exit(totals.failed || failures.length ? 1 : 0);
