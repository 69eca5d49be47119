// Node on the CPU: each suite runs in this very process, every operation beside its baselines.
import { createRequire } from "node:module";
import { describeMachine } from "../lib/machine.mjs";
import { compare, PLANS, valueRecords } from "../lib/measure.mjs";
import { suites } from "../suites/index.mjs";

export const suiteNames = Object.keys(suites);

// The onnxruntime-node the inference and models suites run on (the version @hearth/runtime pins).
function onnxruntimeVersion() {
  try {
    return createRequire(import.meta.url)("onnxruntime-node/package.json").version;
  } catch {
    return null;
  }
}

export function machine() {
  return describeMachine({ executionProvider: "cpu", onnxruntime: onnxruntimeVersion() });
}

export async function runSuite(name, { quick, onRecord, onUnavailable = () => {} }) {
  const suite = await suites[name]();
  const plan = quick ? PLANS.quick : PLANS.full;
  const records = [];
  const keep = (made) => {
    for (const record of made) onRecord(record);
    records.push(...made);
    return made;
  };
  const measure = async (spec) => keep(await compare({ suite: name, ...spec, plan: spec.plan ?? plan }));
  const measureValue = async (spec) => keep(valueRecords({ suite: name, ...spec }));
  const unavailable = (reason) => onUnavailable({ suite: name, reason });
  await suite.run({ quick, measure, measureValue, unavailable });
  return records;
}
