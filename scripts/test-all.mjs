// Runs every package's tests one package at a time, and goes on past a failing package so one run shows every
// failure; then Biome over the whole tree, then the summary (scripts/test-summary.mjs), which lists the failures
// last. Exits non-zero if any step failed.
import { spawnSync } from "node:child_process";
import { join } from "node:path";

const root = join(import.meta.dirname, "..");
const bin = (name) => join(root, "node_modules", ".bin", name);
const run = (command, args) => spawnSync(command, args, { cwd: root, stdio: "inherit" }).status ?? 1;

const tests = run(bin("turbo"), ["run", "test", "--concurrency=1", "--continue"]);
const lint = run(bin("biome"), ["check", "."]);
const summary = run(process.execPath, [join(root, "scripts", "test-summary.mjs")]);
process.exit(tests || lint || summary ? 1 : 0);
