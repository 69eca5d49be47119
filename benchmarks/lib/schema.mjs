// The result file's shape, checked by hand: the runner checks what it is about to write, and `--validate` checks a
// file someone kept or edited. Each problem is reported with its path, e.g. `measures[3].ratio`.
import { UNITS } from "./measure.mjs";

export const SCHEMA_VERSION = 1;

const isObject = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
const isPositive = (v) => typeof v === "number" && Number.isFinite(v) && v > 0;
const isString = (v) => typeof v === "string" && v.length > 0;
const isPositiveInteger = (v) => Number.isSafeInteger(v) && v > 0;

function show(value) {
  if (typeof value === "number" || value === undefined) return String(value);
  const json = JSON.stringify(value);
  return json.length > 80 ? `${json.slice(0, 77)}...` : json;
}

function check(errors, path, value, ok, expected) {
  if (!ok(value)) errors.push(`${path}: expected ${expected}, got ${show(value)}`);
}

function checkStats(errors, path, stats, hasBytes) {
  if (!isObject(stats)) {
    errors.push(`${path}: expected an object, got ${show(stats)}`);
    return;
  }
  for (const key of ["p50", "p95", "opsPerSec"])
    check(errors, `${path}.${key}`, stats[key], isPositive, "a finite number > 0");
  check(errors, `${path}.samples`, stats.samples, isPositiveInteger, "a positive integer");
  if (isPositive(stats.p50) && isPositive(stats.p95) && stats.p95 < stats.p50) {
    errors.push(`${path}.p95: expected at least p50 (${stats.p50}), got ${stats.p95}`);
  }
  if (hasBytes)
    check(errors, `${path}.mbPerSec`, stats.mbPerSec, isPositive, "a finite number > 0 (the measure has bytes)");
  else if (stats.mbPerSec !== undefined) errors.push(`${path}.mbPerSec: present but the measure has no bytes`);
}

function checkMeasure(errors, path, m) {
  if (!isObject(m)) {
    errors.push(`${path}: expected an object, got ${show(m)}`);
    return;
  }
  check(errors, `${path}.suite`, m.suite, isString, "a non-empty string");
  check(errors, `${path}.name`, m.name, isString, "a non-empty string");
  check(errors, `${path}.unit`, m.unit, (v) => Object.hasOwn(UNITS, v), `one of ${Object.keys(UNITS).join(", ")}`);
  if (m.bytes !== undefined) check(errors, `${path}.bytes`, m.bytes, isPositiveInteger, "a positive integer");
  checkStats(errors, `${path}.ours`, m.ours, m.bytes !== undefined);
  checkStats(errors, `${path}.baseline`, m.baseline, m.bytes !== undefined);
  if (isObject(m.baseline)) check(errors, `${path}.baseline.name`, m.baseline.name, isString, "a non-empty string");
  check(errors, `${path}.ratio`, m.ratio, isPositive, "a finite number > 0");
  check(errors, `${path}.peakRssBytes`, m.peakRssBytes, isPositive, "a finite number > 0");
  if (m.goal === undefined) return;
  if (!isObject(m.goal)) {
    errors.push(`${path}.goal: expected an object, got ${show(m.goal)}`);
    return;
  }
  check(errors, `${path}.goal.maxRatio`, m.goal.maxRatio, isPositive, "a finite number > 0");
  check(errors, `${path}.goal.met`, m.goal.met, (v) => typeof v === "boolean", "a boolean");
  if (isPositive(m.ratio) && isPositive(m.goal.maxRatio) && m.goal.met !== m.ratio <= m.goal.maxRatio) {
    errors.push(
      `${path}.goal.met: is ${m.goal.met} but ratio ${m.ratio} vs maxRatio ${m.goal.maxRatio} says otherwise`,
    );
  }
}

function checkMachine(errors, machine) {
  if (!isObject(machine)) {
    errors.push(`machine: expected an object, got ${show(machine)}`);
    return;
  }
  for (const key of ["cpuModel", "os", "node", "executionProvider"]) {
    check(errors, `machine.${key}`, machine[key], isString, "a non-empty string");
  }
  check(errors, "machine.cores", machine.cores, isPositiveInteger, "a positive integer");
  check(errors, "machine.memoryBytes", machine.memoryBytes, isPositive, "a finite number > 0");
  check(
    errors,
    "machine.onnxruntime",
    machine.onnxruntime,
    (v) => v === null || isString(v),
    "null or a version string",
  );
}

/** Every problem with a parsed result file, as `path: expected ..., got ...` lines; empty when it is valid. */
export function validateResult(result) {
  if (!isObject(result)) return [`result: expected an object, got ${show(result)}`];
  const errors = [];
  check(errors, "schemaVersion", result.schemaVersion, (v) => v === SCHEMA_VERSION, `${SCHEMA_VERSION}`);
  check(errors, "target", result.target, isString, "a non-empty string");
  check(errors, "quick", result.quick, (v) => typeof v === "boolean", "a boolean");
  check(errors, "startedAt", result.startedAt, (v) => isString(v) && !Number.isNaN(Date.parse(v)), "an ISO date");
  checkMachine(errors, result.machine);
  if (!Array.isArray(result.measures) || result.measures.length === 0) {
    errors.push(`measures: expected a non-empty array, got ${show(result.measures)}`);
  } else {
    for (const [i, m] of result.measures.entries()) checkMeasure(errors, `measures[${i}]`, m);
  }
  return errors;
}
