// Node on the CPU: each suite runs in this very process, every operation beside its baselines.
import { describeMachine } from "../lib/machine.mjs";
import { compare, PLANS } from "../lib/measure.mjs";
import { suites } from "../suites/index.mjs";

export const suiteNames = Object.keys(suites);

export function machine() {
  return describeMachine({ executionProvider: "cpu", onnxruntime: null });
}

export async function runSuite(name, { quick, onRecord }) {
  const suite = await suites[name]();
  const plan = quick ? PLANS.quick : PLANS.full;
  const records = [];
  const measure = async (spec) => {
    const made = await compare({ suite: name, plan, ...spec });
    for (const record of made) onRecord(record);
    records.push(...made);
    return made;
  };
  await suite.run({ quick, measure });
  return records;
}
