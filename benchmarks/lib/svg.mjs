// A bar chart of the ratios, written by hand so the runner needs no charting dependency. One bar per measure, from
// parity (1.0, the solid line) towards its ratio, on a log scale: 0.1x and 10x are as far from parity, and a chart
// holding both 0.1 and 100 stays readable. Colour says whether the measure's goal is met; a black tick marks a goal
// that bounds the ratio.
import { formatRatio } from "./format.mjs";

const COLORS = { met: "#2e7d32", missed: "#c62828", none: "#78909c" };
const WIDTH = 960;
const LABEL_WIDTH = 470;
const MAX_LABEL_CHARS = 78;
// Room between the labels and the plot for a ratio written left of its bar.
const PLOT_LEFT = LABEL_WIDTH + 40;
const BAR_AREA = WIDTH - PLOT_LEFT - 50;
const ROW = 22;
const TOP = 64;
// Ratios outside this range are drawn at its edge (with their true value written beside them).
const CLAMP = { lo: 1e-3, hi: 1e4 };

function escapeXml(text) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function colorOf(measure) {
  if (!measure.goal) return COLORS.none;
  return measure.goal.met ? COLORS.met : COLORS.missed;
}

function shorten(label) {
  return label.length > MAX_LABEL_CHARS ? `${label.slice(0, MAX_LABEL_CHARS - 1)}…` : label;
}

/** The decades the chart spans: at least 0.1 to 10, widened to hold every ratio and goal. */
export function logDomain(measures) {
  const values = [];
  for (const m of measures) {
    if (m.ratio > 0) values.push(m.ratio);
    if (m.goal?.maxRatio > 0) values.push(m.goal.maxRatio);
  }
  const clamp = (v) => Math.min(CLAMP.hi, Math.max(CLAMP.lo, v));
  const lo = 10 ** Math.floor(Math.log10(clamp(Math.min(0.1, ...values)) * 1.0000001));
  const hi = 10 ** Math.ceil(Math.log10(clamp(Math.max(10, ...values)) / 1.0000001));
  return { lo, hi };
}

function tickLabel(value) {
  return value >= 1 ? `${value}×` : `${Number(value.toPrecision(1))}×`;
}

function header(result, height, subtitle) {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="sans-serif" font-size="12">`,
    `<rect width="${WIDTH}" height="${height}" fill="#ffffff"/>`,
    `<text x="10" y="20" font-size="15" font-weight="bold">${escapeXml(`${result.target}${result.quick ? " (quick)" : ""}: ours / baseline, median time (lower is better)`)}</text>`,
    `<text x="10" y="40" fill="#555555">${escapeXml(subtitle)}</text>`,
  ];
}

function unavailableSvg(result) {
  const parts = header(result, 90, `${result.startedAt}. Nothing was measured: the target is unavailable here.`);
  parts.push(`<text x="10" y="66">${escapeXml(shorten(`Reason: ${result.reason}`).slice(0, 150))}</text>`, "</svg>");
  return `${parts.join("\n")}\n`;
}

export function toSvg(result) {
  if (result.status === "unavailable") return unavailableSvg(result);
  const { measures } = result;
  const { lo, hi } = logDomain(measures);
  const span = Math.log10(hi) - Math.log10(lo);
  const x = (ratio) => {
    const clamped = Math.min(hi, Math.max(lo, ratio));
    return PLOT_LEFT + ((Math.log10(clamped) - Math.log10(lo)) / span) * BAR_AREA;
  };
  const bottom = TOP + measures.length * ROW;
  const height = bottom + 46;
  const parts = header(
    result,
    height,
    `${result.startedAt}. Log scale. Green: goal met; red: goal missed; grey: no goal; black tick: the ratio's goal.`,
  );

  // Grid: a labelled line at every decade, faint ones at 2x and 5x of each.
  for (let decade = lo; decade <= hi * 1.0000001; decade *= 10) {
    const at = x(decade).toFixed(1);
    parts.push(
      `<line x1="${at}" y1="${TOP - 4}" x2="${at}" y2="${bottom + 4}" stroke="#bbbbbb"/>`,
      `<text x="${at}" y="${bottom + 18}" text-anchor="middle" fill="#555555">${tickLabel(decade)}</text>`,
    );
    for (const k of [2, 5]) {
      if (decade * k >= hi) continue;
      const minor = x(decade * k).toFixed(1);
      parts.push(`<line x1="${minor}" y1="${TOP - 4}" x2="${minor}" y2="${bottom + 4}" stroke="#eeeeee"/>`);
    }
  }

  const parity = x(1);
  measures.forEach((m, i) => {
    const y = TOP + i * ROW;
    const end = m.ratio > 0 ? x(m.ratio) : x(lo);
    const left = Math.min(parity, end);
    const width = Math.max(1, Math.abs(end - parity));
    const label = shorten(`${m.suite}: ${m.name} vs ${m.baseline.name}`);
    // A ratio written left of its bar goes left of the goal's tick too, when the tick is there.
    const goalX = m.goal?.maxRatio !== undefined ? x(m.goal.maxRatio) : undefined;
    const leftEdge = goalX !== undefined && goalX < end ? goalX - 2 : end;
    const valueX = end >= parity ? end + 4 : leftEdge - 4;
    const anchor = end >= parity ? "start" : "end";
    parts.push(
      `<text x="${LABEL_WIDTH - 8}" y="${y + 14}" text-anchor="end">${escapeXml(label)}</text>`,
      `<rect x="${left.toFixed(1)}" y="${y + 3}" width="${width.toFixed(1)}" height="${ROW - 6}" fill="${colorOf(m)}"/>`,
      `<text x="${valueX.toFixed(1)}" y="${y + 14}" text-anchor="${anchor}">${formatRatio(m.ratio)}</text>`,
    );
    if (m.goal?.maxRatio !== undefined) {
      const g = x(m.goal.maxRatio).toFixed(1);
      parts.push(`<line x1="${g}" y1="${y + 1}" x2="${g}" y2="${y + ROW - 1}" stroke="#000000" stroke-width="3"/>`);
    }
  });
  parts.push(
    `<line x1="${parity.toFixed(1)}" y1="${TOP - 8}" x2="${parity.toFixed(1)}" y2="${bottom + 6}" stroke="#000000" stroke-width="1.5"/>`,
    `<text x="${WIDTH - 10}" y="${bottom + 40}" text-anchor="end" fill="#555555">left of 1×: ours is faster (or smaller); right: slower</text>`,
    "</svg>",
  );
  return `${parts.join("\n")}\n`;
}
