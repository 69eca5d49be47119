// The result file's shape, checked by hand: the runner checks what it is about to write, and `--validate` checks a
// file someone kept or edited. Each problem is reported with its path, e.g. `measures[3].ratio`.
import { GOAL_METRICS, goalMet, UNITS, VALUE_UNITS } from "./measure.mjs";

// 2 added one-shot `kind: "value"` records, `opsPerCall`, and goals that bound a figure (`of`, `min`, `max`). 3 added
// `status: "unavailable"` with its `reason` (a target whose hardware or libraries are missing: no measures), and what
// a browser target ran on (`machine.browser`, `crossOriginIsolated`, `wasmThreads`, `webgpu`, `peakRssOf`, `notes`).
// An older file is a newer one that uses none of the additions, so every version validates.
export const SCHEMA_VERSION = 3;
const READABLE_VERSIONS = [1, 2, 3];

const isObject = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
const isPositive = (v) => typeof v === "number" && Number.isFinite(v) && v > 0;
const isString = (v) => typeof v === "string" && v.length > 0;
const isPositiveInteger = (v) => Number.isSafeInteger(v) && v > 0;
const isFiniteNumber = (v) => typeof v === "number" && Number.isFinite(v);
const isNonNegative = (v) => isFiniteNumber(v) && v >= 0;

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

// `met` is checked against the figures only when those are valid: a wrong figure is reported once, by itself.
function checkGoal(errors, path, m, version, figuresValid) {
  const { goal } = m;
  if (!isObject(goal)) {
    errors.push(`${path}: expected an object, got ${show(goal)}`);
    return;
  }
  if (goal.maxRatio !== undefined) check(errors, `${path}.maxRatio`, goal.maxRatio, isPositive, "a finite number > 0");
  const bounded = goal.of !== undefined || goal.min !== undefined || goal.max !== undefined;
  if (bounded) {
    if (version < 2) errors.push(`${path}: a bound (of, min, max) needs schemaVersion 2`);
    check(errors, `${path}.of`, goal.of, (v) => GOAL_METRICS.includes(v), `one of ${GOAL_METRICS.join(", ")}`);
    if (goal.min === undefined && goal.max === undefined) errors.push(`${path}: has "of" but neither min nor max`);
    for (const key of ["min", "max"]) {
      if (goal[key] !== undefined) check(errors, `${path}.${key}`, goal[key], isFiniteNumber, "a finite number");
    }
    if (goal.of === "value" && m.kind !== "value") errors.push(`${path}.of: "value" bounds only a value record`);
    if (["p50", "p95", "opsPerSec", "mbPerSec"].includes(goal.of) && m.kind === "value") {
      errors.push(`${path}.of: "${goal.of}" bounds only a timed record`);
    }
    if (goal.of === "mbPerSec" && m.bytes === undefined)
      errors.push(`${path}.of: "mbPerSec" needs a measure with bytes`);
  } else if (goal.maxRatio === undefined) {
    errors.push(`${path}: states no bound (maxRatio, or of with min/max)`);
  }
  check(errors, `${path}.met`, goal.met, (v) => typeof v === "boolean", "a boolean");
  if (figuresValid && typeof goal.met === "boolean" && goal.met !== goalMet(m, goal)) {
    errors.push(`${path}.met: is ${goal.met} but the record's figures say otherwise`);
  }
}

function checkTimed(errors, path, m) {
  check(errors, `${path}.unit`, m.unit, (v) => Object.hasOwn(UNITS, v), `one of ${Object.keys(UNITS).join(", ")}`);
  if (m.bytes !== undefined) check(errors, `${path}.bytes`, m.bytes, isPositiveInteger, "a positive integer");
  if (m.opsPerCall !== undefined) {
    check(errors, `${path}.opsPerCall`, m.opsPerCall, isPositiveInteger, "a positive integer");
  }
  checkStats(errors, `${path}.ours`, m.ours, m.bytes !== undefined);
  checkStats(errors, `${path}.baseline`, m.baseline, m.bytes !== undefined);
  check(errors, `${path}.ratio`, m.ratio, isPositive, "a finite number > 0");
}

function checkValue(errors, path, m) {
  check(errors, `${path}.unit`, m.unit, (v) => VALUE_UNITS.includes(v), `one of ${VALUE_UNITS.join(", ")}`);
  for (const key of ["bytes", "opsPerCall"]) {
    if (m[key] !== undefined) errors.push(`${path}.${key}: present but a value record has none`);
  }
  if (!isObject(m.ours)) errors.push(`${path}.ours: expected an object, got ${show(m.ours)}`);
  else check(errors, `${path}.ours.value`, m.ours.value, isNonNegative, "a finite number >= 0");
  if (isObject(m.baseline))
    check(errors, `${path}.baseline.value`, m.baseline.value, isPositive, "a finite number > 0");
  check(errors, `${path}.ratio`, m.ratio, isNonNegative, "a finite number >= 0");
  if (isNonNegative(m.ratio) && isNonNegative(m.ours?.value) && isPositive(m.baseline?.value)) {
    const expected = m.ours.value / m.baseline.value;
    if (Math.abs(m.ratio - expected) > 1e-9 * Math.max(1, expected)) {
      errors.push(`${path}.ratio: expected ours.value / baseline.value (${expected}), got ${m.ratio}`);
    }
  }
}

function checkMeasure(errors, path, m, version) {
  if (!isObject(m)) {
    errors.push(`${path}: expected an object, got ${show(m)}`);
    return;
  }
  const own = [];
  check(own, `${path}.suite`, m.suite, isString, "a non-empty string");
  check(own, `${path}.name`, m.name, isString, "a non-empty string");
  check(own, `${path}.kind`, m.kind, (v) => v === undefined || v === "value", 'absent (timed) or "value"');
  if (m.kind === "value" && version < 2) own.push(`${path}.kind: "value" records need schemaVersion 2`);
  if (m.opsPerCall !== undefined && version < 2) own.push(`${path}.opsPerCall: needs schemaVersion 2`);
  if (!isObject(m.baseline)) own.push(`${path}.baseline: expected an object, got ${show(m.baseline)}`);
  else check(own, `${path}.baseline.name`, m.baseline.name, isString, "a non-empty string");
  if (m.kind === "value") checkValue(own, path, m);
  else checkTimed(own, path, m);
  check(own, `${path}.peakRssBytes`, m.peakRssBytes, isPositive, "a finite number > 0");
  if (m.goal !== undefined) checkGoal(own, `${path}.goal`, m, version, own.length === 0);
  errors.push(...own);
}

function checkWebGpu(errors, path, webgpu) {
  if (!isObject(webgpu)) {
    errors.push(`${path}: expected an object, got ${show(webgpu)}`);
    return;
  }
  check(errors, `${path}.available`, webgpu.available, (v) => typeof v === "boolean", "a boolean");
  if (webgpu.available === false) check(errors, `${path}.reason`, webgpu.reason, isString, "a non-empty string");
  if (webgpu.adapter !== undefined) {
    const ok = isObject(webgpu.adapter) && Object.values(webgpu.adapter).every((v) => typeof v === "string");
    if (!ok) errors.push(`${path}.adapter: expected an object of strings, got ${show(webgpu.adapter)}`);
  }
  if (webgpu.isFallbackAdapter !== undefined) {
    check(errors, `${path}.isFallbackAdapter`, webgpu.isFallbackAdapter, (v) => typeof v === "boolean", "a boolean");
  }
}

// What a browser target adds to the machine: each key is optional, and typed when present.
function checkBrowserMachine(errors, machine, version) {
  const keys = ["browser", "crossOriginIsolated", "wasmThreads", "webgpu", "peakRssOf", "notes"];
  const present = keys.filter((key) => machine[key] !== undefined);
  if (present.length > 0 && version < 3) errors.push(`machine.${present[0]}: needs schemaVersion 3`);
  for (const key of ["browser", "peakRssOf"]) {
    if (machine[key] !== undefined) check(errors, `machine.${key}`, machine[key], isString, "a non-empty string");
  }
  if (machine.crossOriginIsolated !== undefined) {
    check(
      errors,
      "machine.crossOriginIsolated",
      machine.crossOriginIsolated,
      (v) => typeof v === "boolean",
      "a boolean",
    );
  }
  if (machine.wasmThreads !== undefined) {
    check(errors, "machine.wasmThreads", machine.wasmThreads, isPositiveInteger, "a positive integer");
  }
  if (machine.webgpu !== undefined) checkWebGpu(errors, "machine.webgpu", machine.webgpu);
  if (machine.notes !== undefined) {
    check(errors, "machine.notes", machine.notes, (v) => Array.isArray(v) && v.every(isString), "an array of strings");
  }
}

function checkMachine(errors, machine, version) {
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
  checkBrowserMachine(errors, machine, version);
}

/** Every problem with a parsed result file, as `path: expected ..., got ...` lines; empty when it is valid. */
export function validateResult(result) {
  if (!isObject(result)) return [`result: expected an object, got ${show(result)}`];
  const errors = [];
  const version = result.schemaVersion;
  check(errors, "schemaVersion", version, (v) => READABLE_VERSIONS.includes(v), READABLE_VERSIONS.join(" or "));
  check(errors, "target", result.target, isString, "a non-empty string");
  check(errors, "quick", result.quick, (v) => typeof v === "boolean", "a boolean");
  check(errors, "startedAt", result.startedAt, (v) => isString(v) && !Number.isNaN(Date.parse(v)), "an ISO date");
  checkMachine(errors, result.machine, version ?? SCHEMA_VERSION);
  if (result.status !== undefined) {
    check(errors, "status", result.status, (v) => v === "unavailable", 'absent (a run) or "unavailable"');
    if ((version ?? SCHEMA_VERSION) < 3) errors.push("status: needs schemaVersion 3");
  }
  // Suites that could not run here, each with why; a run of only such suites has no measures.
  const skipped = result.unavailable;
  if (skipped !== undefined) {
    if (!Array.isArray(skipped) || skipped.length === 0) {
      errors.push(`unavailable: expected a non-empty array when present, got ${show(skipped)}`);
    } else {
      for (const [i, entry] of skipped.entries()) {
        check(errors, `unavailable[${i}].suite`, entry?.suite, isString, "a non-empty string");
        check(errors, `unavailable[${i}].reason`, entry?.reason, isString, "a non-empty string");
      }
    }
  }
  const mayBeEmpty = Array.isArray(skipped) && skipped.length > 0;
  if (result.status === "unavailable") {
    // The whole target could not run here: the reason says why, and there is nothing to measure.
    check(errors, "reason", result.reason, isString, "a non-empty string (why the target is unavailable)");
    if (!Array.isArray(result.measures) || result.measures.length > 0) {
      errors.push(`measures: expected [] for an unavailable target, got ${show(result.measures)}`);
    }
  } else if (result.reason !== undefined) {
    errors.push('reason: present but status is not "unavailable"');
  } else if (!Array.isArray(result.measures) || (result.measures.length === 0 && !mayBeEmpty)) {
    errors.push(`measures: expected a non-empty array, got ${show(result.measures)}`);
  } else {
    for (const [i, m] of result.measures.entries())
      checkMeasure(errors, `measures[${i}]`, m, version ?? SCHEMA_VERSION);
  }
  return errors;
}
