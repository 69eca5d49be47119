// Times our operation and its baselines in the same process, interleaved, so that whatever else the (shared) machine
// does at the time slows every contender alike and the ratio of their medians stays meaningful.

// The same code times in Node and in a browser page (the web targets bundle this file). Node's hrtime is exact to the
// nanosecond; a page's performance.now() is coarsened against timing attacks (5 µs when cross-origin isolated,
// 100 µs otherwise), so there a sample must be long enough for that step to stay near 1% of it.
const inNode = typeof process !== "undefined" && typeof process.hrtime?.bigint === "function";
const clock = inNode
  ? { start: () => process.hrtime.bigint(), elapsedNs: (start) => Number(process.hrtime.bigint() - start) }
  : { start: () => performance.now(), elapsedNs: (start) => (performance.now() - start) * 1e6 };
// A sample times a batch of at least this long, so the clock's own cost and step stay well under 1% of it.
const MIN_SAMPLE_NS = inNode ? 25_000 : globalThis.crossOriginIsolated ? 500_000 : 10_000_000;

/**
 * The process's peak resident memory so far. In a page, which cannot see its process, the JS heap in use stands in
 * (Chromium's performance.memory); the web targets replace it with the renderer process's peak RSS, read from Node.
 */
function peakRssBytes() {
  if (inNode) return process.resourceUsage().maxRSS * 1024;
  return globalThis.performance?.memory?.usedJSHeapSize || 1;
}
const MAX_BATCH = 4096;
// Enough rounds that a burst of noise lands in several of them, not on one contender's whole run.
const MAX_ROUNDS = 20;

/**
 * Calls `fn` `count` times and returns the elapsed nanoseconds. Async operations are awaited one by one; sync ones
 * are not, because an `await` per call would add a microtask to every operation measured.
 */
async function timeBatch(fn, count, isAsync) {
  const start = clock.start();
  if (isAsync) for (let i = 0; i < count; i++) await fn();
  else for (let i = 0; i < count; i++) fn();
  return clock.elapsedNs(start);
}

// Runs `fn` for `warmupMs` (at least once) so the JIT has compiled it, and estimates its per-op time from the
// median call, since the first calls are the slow, unoptimized ones. A coarse clock (a page's) reads 0 for a fast
// call, so there the estimate is the mean over the whole warm-up instead, and never below 1 ns.
async function warmUp(fn, warmupMs) {
  const start = clock.start();
  const first = fn();
  const isAsync = first instanceof Promise;
  if (isAsync) await first;
  const times = [clock.elapsedNs(start)];
  while (clock.elapsedNs(start) < warmupMs * 1e6) times.push(await timeBatch(fn, 1, isAsync));
  const estimate = inNode ? percentile(Float64Array.from(times).sort(), 50) : clock.elapsedNs(start) / times.length;
  return { isAsync, estimateNs: Math.max(1, estimate) };
}

// Nearest-rank percentile of an ascending array.
function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function summarize(samplesNs, totalNs, totalOps, bytes, unitNs) {
  const sorted = Float64Array.from(samplesNs).sort();
  const opsPerSec = totalOps / (totalNs / 1e9);
  const stats = {
    p50: percentile(sorted, 50) / unitNs,
    p95: percentile(sorted, 95) / unitNs,
    opsPerSec,
    samples: sorted.length,
  };
  if (bytes) stats.mbPerSec = (bytes * opsPerSec) / 1e6;
  return stats;
}

export const UNITS = { ns: 1, us: 1e3, ms: 1e6, s: 1e9 };

/**
 * Units of one-shot `value` records: what a stopwatch around one call cannot measure (sizes, accuracies, and the
 * figures of a fixed-time load run: a rate, a latency percentile).
 */
export const VALUE_UNITS = ["bytes", "%", "ops/s", "ms"];

/** What a goal's `min`/`max` bound: a statistic of ours, or ours minus the baseline (p50s, or values). */
export const GOAL_METRICS = ["p50", "p95", "opsPerSec", "mbPerSec", "value", "difference"];

/** The number a goal's `of` names, read from a finished record. */
export function goalMetric(record, of) {
  if (of === "difference") {
    return record.kind === "value" ? record.ours.value - record.baseline.value : record.ours.p50 - record.baseline.p50;
  }
  return record.ours[of];
}

/** Whether a record meets its goal: every bound the goal states must hold. */
export function goalMet(record, goal) {
  if (goal.maxRatio !== undefined && !(record.ratio <= goal.maxRatio)) return false;
  if (goal.of === undefined) return true;
  const x = goalMetric(record, goal.of);
  if (goal.min !== undefined && !(x >= goal.min)) return false;
  if (goal.max !== undefined && !(x <= goal.max)) return false;
  return true;
}

// A baseline's `maxRatio` and `limit: { of, min?, max? }` become the record's goal.
function attachGoal(record, { maxRatio, limit }) {
  if (maxRatio === undefined && limit === undefined) return record;
  const goal = {};
  if (maxRatio !== undefined) goal.maxRatio = maxRatio;
  if (limit !== undefined) Object.assign(goal, limit);
  goal.met = goalMet(record, goal);
  record.goal = goal;
  return record;
}

/** How long each measure runs: a suite uses these unless an operation is too slow for them (see its own plan). */
export const PLANS = {
  quick: { budgetMs: 800, warmupMs: 100, minSamples: 20 },
  full: { budgetMs: 9000, warmupMs: 500, minSamples: 100 },
};

/**
 * Measures `ours` and each baseline in interleaved rounds (the order rotates every round) and returns one measure
 * record per baseline. ops/s is total ops over total measured time, so GC pauses count; p50/p95 are per-op times.
 *
 * @param {object} spec
 * @param {string} spec.suite
 * @param {string} spec.name
 * @param {keyof UNITS} spec.unit unit of p50 and p95
 * @param {number} [spec.bytes] bytes one operation processes, for MB/s
 * @param {number} [spec.opsPerCall] operations one call of each function performs (a batch of 32 texts, 64
 *   concurrent appends): times become per operation and ops/s counts operations. Default 1.
 * @param {() => unknown} spec.ours
 * @param {{name: string, fn: () => unknown, maxRatio?: number, limit?: {of: string, min?: number, max?: number}}[]}
 *   spec.baselines maxRatio (ours p50 / this baseline's p50) and limit (a bound on one figure, see GOAL_METRICS)
 *   state the record's goal
 * @param {{budgetMs: number, warmupMs: number, minSamples: number, maxSamples?: number}} spec.plan
 */
export async function compare({ suite, name, unit, bytes, opsPerCall = 1, ours, baselines, plan }) {
  if (!Number.isSafeInteger(opsPerCall) || opsPerCall < 1)
    throw new Error(`${name}: opsPerCall must be an integer >= 1`);
  const contenders = [{ fn: ours }, ...baselines];
  const warm = [];
  for (const contender of contenders) warm.push(await warmUp(contender.fn, plan.warmupMs));

  const fastest = Math.min(...warm.map((w) => w.estimateNs));
  const batch = Math.min(MAX_BATCH, Math.max(1, Math.ceil(MIN_SAMPLE_NS / fastest)));
  const roundNs = warm.reduce((sum, w) => sum + w.estimateNs * batch, 0);
  const wanted = Math.max(plan.minSamples, Math.floor((plan.budgetMs * 1e6) / roundNs));
  const samples = Math.min(wanted, plan.maxSamples ?? wanted);
  const rounds = Math.min(MAX_ROUNDS, samples);
  const perRound = Math.ceil(samples / rounds);

  const collected = contenders.map(() => ({ samples: [], totalNs: 0, ops: 0 }));
  for (let round = 0; round < rounds; round++) {
    for (let k = 0; k < contenders.length; k++) {
      const i = (round + k) % contenders.length;
      const into = collected[i];
      for (let s = 0; s < perRound; s++) {
        const ns = await timeBatch(contenders[i].fn, batch, warm[i].isAsync);
        into.samples.push(ns / (batch * opsPerCall));
        into.totalNs += ns;
        into.ops += batch * opsPerCall;
      }
    }
  }

  const unitNs = UNITS[unit];
  const [oursStats, ...baselineStats] = collected.map((c) => summarize(c.samples, c.totalNs, c.ops, bytes, unitNs));
  // The process's peak so far, so it bounds this measure from above rather than isolating it.
  const peakRss = peakRssBytes();
  return baselines.map((baseline, i) => {
    const ratio = oursStats.p50 / baselineStats[i].p50;
    const record = { suite, name, unit };
    if (bytes) record.bytes = bytes;
    if (opsPerCall > 1) record.opsPerCall = opsPerCall;
    Object.assign(record, {
      ours: oursStats,
      baseline: { name: baseline.name, ...baselineStats[i] },
      ratio,
      peakRssBytes: peakRss,
    });
    return attachGoal(record, baseline);
  });
}

/**
 * Records a one-shot figure that is not a time (bytes stored, a file's size, an accuracy) beside its baselines' same
 * figure: one `kind: "value"` record per baseline, ratio = ours / baseline.
 *
 * @param {object} spec
 * @param {string} spec.suite
 * @param {string} spec.name
 * @param {"bytes" | "%"} spec.unit
 * @param {number} spec.ours finite, >= 0
 * @param {{name: string, value: number, maxRatio?: number, limit?: {of: string, min?: number, max?: number}}[]}
 *   spec.baselines each value finite and > 0
 */
export function valueRecords({ suite, name, unit, ours, baselines }) {
  if (!VALUE_UNITS.includes(unit)) throw new Error(`${name}: a value's unit is one of ${VALUE_UNITS.join(", ")}`);
  if (!(Number.isFinite(ours) && ours >= 0)) throw new Error(`${name}: ours must be a finite number >= 0`);
  const peakRss = peakRssBytes();
  return baselines.map((baseline) => {
    if (!(Number.isFinite(baseline.value) && baseline.value > 0)) {
      throw new Error(`${name}: baseline ${baseline.name} must be a finite number > 0`);
    }
    const record = {
      suite,
      name,
      kind: "value",
      unit,
      ours: { value: ours },
      baseline: { name: baseline.name, value: baseline.value },
      ratio: ours / baseline.value,
      peakRssBytes: peakRss,
    };
    return attachGoal(record, baseline);
  });
}
