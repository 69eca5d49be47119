#!/usr/bin/env node
// Hearth's benchmark runner: `node benchmarks/run.mjs [--target NAME] [--quick] [--suite NAME]... [--out DIR]`,
// or `--validate FILE` to check a result file. See docs/benchmarks.md.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { progressLine } from "./lib/format.mjs";
import { writeResult } from "./lib/output.mjs";
import { SCHEMA_VERSION, validateResult } from "./lib/schema.mjs";
import { targets } from "./targets/index.mjs";

const USAGE = `Usage: node benchmarks/run.mjs [--target NAME] [--quick] [--suite NAME]... [--out DIR]
       node benchmarks/run.mjs --validate FILE`;
const DEFAULT_OUT = path.join(path.dirname(fileURLToPath(import.meta.url)), "results");

// Exit 2 for a wrong invocation, as most CLIs do, so a script can tell it from a failed run (1).
function usageError(message) {
  console.error(message);
  process.exit(2);
}

function parseCommandLine() {
  try {
    return parseArgs({
      options: {
        target: { type: "string", default: "node-cpu" },
        quick: { type: "boolean", default: false },
        suite: { type: "string", multiple: true },
        out: { type: "string", default: DEFAULT_OUT },
        validate: { type: "string" },
        help: { type: "boolean", short: "h", default: false },
      },
      allowPositionals: false,
    }).values;
  } catch (error) {
    return usageError(`${error.message}\n${USAGE}`);
  }
}

async function validateFile(file) {
  let result;
  try {
    result = JSON.parse(await readFile(file, "utf8"));
  } catch (error) {
    console.error(`${file}: cannot be read as JSON: ${error.message}`);
    process.exit(1);
  }
  const errors = validateResult(result);
  if (errors.length > 0) {
    console.error(`${file}: not a valid schemaVersion ${SCHEMA_VERSION} result:\n  ${errors.join("\n  ")}`);
    process.exit(1);
  }
  const what = result.status === "unavailable" ? "unavailable" : `${result.measures.length} measures`;
  console.log(`${file}: valid (${what}, target ${result.target})`);
}

async function loadTarget(name) {
  if (!Object.hasOwn(targets, name)) {
    usageError(`Unknown target "${name}"; valid targets: ${Object.keys(targets).join(", ")}.`);
  }
  return targets[name]();
}

async function main() {
  const args = parseCommandLine();
  if (args.help) {
    console.log(USAGE);
    return;
  }
  if (args.validate !== undefined) {
    await validateFile(args.validate);
    return;
  }
  const target = await loadTarget(args.target);
  const suiteNames = args.suite ?? target.suiteNames;
  const unknown = suiteNames.filter((name) => !target.suiteNames.includes(name));
  if (unknown.length > 0) {
    usageError(`Unknown suite "${unknown[0]}"; valid suites for ${args.target}: ${target.suiteNames.join(", ")}.`);
  }

  const result = {
    schemaVersion: SCHEMA_VERSION,
    target: args.target,
    quick: args.quick,
    startedAt: new Date().toISOString(),
  };
  // A target that needs a browser, a GPU or libraries starts them here, and says so when they are not to be had: that
  // is a result too ("unavailable", with the reason), not a failed run. A suite may also be unavailable on its own
  // (a server it needs is not installed): it is listed in `unavailable`, beside the suites that ran.
  const started = (await target.start?.({ quick: args.quick })) ?? {};
  const unavailable = [];
  try {
    if (started.unavailable) {
      Object.assign(result, { status: "unavailable", reason: started.unavailable });
      console.error(`${args.target} is unavailable here: ${started.unavailable}`);
    }
    const measures = [];
    if (!started.unavailable) {
      for (const name of new Set(suiteNames)) {
        const records = await target.runSuite(name, {
          quick: args.quick,
          onRecord: (record) => console.error(progressLine(record)),
          onUnavailable: (entry) => {
            console.error(`${entry.suite}: unavailable (${entry.reason})`);
            unavailable.push(entry);
          },
        });
        measures.push(...records);
      }
    }
    // After the suites, so that it can say what they actually ran on (a provider that fell back, threads granted).
    result.machine = await target.machine();
    result.measures = measures;
  } finally {
    await target.stop?.();
  }
  if (unavailable.length > 0) result.unavailable = unavailable;

  // A result the validator would refuse is a bug in the runner: fail before writing it anywhere.
  const errors = validateResult(result);
  if (errors.length > 0) throw new Error(`The runner produced an invalid result:\n  ${errors.join("\n  ")}`);
  const { markdown, files } = await writeResult(result, path.resolve(args.out));
  console.log(markdown);
  console.error(`Wrote ${Object.values(files).join(", ")} (and latest-${args.target}.*).`);
}

await main();
