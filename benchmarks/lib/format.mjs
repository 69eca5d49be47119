// Number formatting shared by the Markdown table, the chart and the progress lines.

const UNIT_LABELS = { ns: "ns", us: "µs", ms: "ms", s: "s" };

/** Three significant digits, or a whole number with separators from 1000 up. */
export function formatNumber(value) {
  return Math.abs(value) >= 1000 ? Math.round(value).toLocaleString("en-US") : value.toPrecision(3);
}

export function formatTime(value, unit) {
  return `${formatNumber(value)} ${UNIT_LABELS[unit]}`;
}

/** A one-shot value in its unit: bytes in binary multiples (as the sizes in measure names), % as points. */
export function formatValue(value, unit) {
  if (unit === "%") return `${value.toFixed(2)} %`;
  if (unit === "bytes") {
    if (value >= 2 ** 20) return `${formatNumber(value / 2 ** 20)} MiB`;
    if (value >= 1024) return `${formatNumber(value / 1024)} KiB`;
    return `${value} B`;
  }
  return `${formatNumber(value)} ${unit}`;
}

/** A record's main figure: the median time of a timed record, the value of a value record. */
export function formatFigure(stats, record) {
  return record.kind === "value" ? formatValue(stats.value, record.unit) : formatTime(stats.p50, record.unit);
}

export function formatRatio(ratio) {
  return ratio.toFixed(2);
}

function formatBound(record, goal, bound) {
  const { of } = goal;
  const sign = bound === "max" ? "≤" : "≥";
  const x = goal[bound];
  if (of === "opsPerSec") return `${sign} ${formatNumber(x)} ops/s`;
  if (of === "mbPerSec") return `${sign} ${formatNumber(x)} MB/s`;
  const amount = record.kind === "value" ? formatValue(x, record.unit) : formatTime(x, record.unit);
  if (of === "difference") return `ours − baseline ${sign} ${record.unit === "%" ? `${x} points` : amount}`;
  if (of === "value") return `${sign} ${amount}`;
  return `${of} ${sign} ${amount}`;
}

/** A goal as the table shows it: `≤ 1.10: met` for a ratio alone, each bound spelled out otherwise. */
export function formatGoal(goal, record) {
  if (!goal) return "";
  const parts = [];
  if (goal.maxRatio !== undefined)
    parts.push(goal.of === undefined ? `≤ ${goal.maxRatio.toFixed(2)}` : `ratio ≤ ${goal.maxRatio.toFixed(2)}`);
  if (goal.of !== undefined && record) {
    for (const bound of ["min", "max"]) if (goal[bound] !== undefined) parts.push(formatBound(record, goal, bound));
  }
  return `${parts.join(", ")}: ${goal.met ? "met" : "missed"}`;
}

/** One line per record while a run is in progress. */
export function progressLine(record) {
  const goal = record.goal ? ` (goal ${formatGoal(record.goal, record)})` : "";
  return `${record.suite}: ${record.name}: ${formatFigure(record.ours, record)} vs ${record.baseline.name} ${formatFigure(record.baseline, record)}, ratio ${formatRatio(record.ratio)}${goal}`;
}
