// Number formatting shared by the Markdown table, the chart and the progress lines.

const UNIT_LABELS = { ns: "ns", us: "µs", ms: "ms", s: "s" };

/** Three significant digits, or a whole number with separators from 1000 up. */
export function formatNumber(value) {
  return value >= 1000 ? Math.round(value).toLocaleString("en-US") : value.toPrecision(3);
}

export function formatTime(value, unit) {
  return `${formatNumber(value)} ${UNIT_LABELS[unit]}`;
}

export function formatRatio(ratio) {
  return ratio.toFixed(2);
}

export function formatGoal(goal) {
  if (!goal) return "";
  return `≤ ${goal.maxRatio.toFixed(2)}: ${goal.met ? "met" : "missed"}`;
}

/** One line per record while a run is in progress. */
export function progressLine(record) {
  const goal = record.goal ? ` (goal ${formatGoal(record.goal)})` : "";
  return `${record.suite}: ${record.name}: ${formatTime(record.ours.p50, record.unit)} vs ${record.baseline.name} ${formatTime(record.baseline.p50, record.unit)}, ratio ${formatRatio(record.ratio)}${goal}`;
}
