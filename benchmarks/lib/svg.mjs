// A bar chart of the ratios, written by hand so the runner needs no charting dependency. One bar per measure;
// the dashed line at 1.0 is parity with the baseline; colour says whether the measure's goal is met.
import { formatRatio } from "./format.mjs";

const COLORS = { met: "#2e7d32", missed: "#c62828", none: "#78909c" };
const WIDTH = 960;
const LABEL_WIDTH = 470;
const BAR_AREA = WIDTH - LABEL_WIDTH - 60;
const ROW = 22;
const TOP = 56;

function escapeXml(text) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function colorOf(measure) {
  if (!measure.goal) return COLORS.none;
  return measure.goal.met ? COLORS.met : COLORS.missed;
}

export function toSvg(result) {
  const { measures } = result;
  // Leave room right of 1.0 even when every ratio is below it, so parity is always on the chart.
  const scaleMax = Math.max(1.5, ...measures.map((m) => m.ratio)) * 1.05;
  const x = (ratio) => LABEL_WIDTH + (ratio / scaleMax) * BAR_AREA;
  const height = TOP + measures.length * ROW + 30;
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="sans-serif" font-size="12">`,
    `<rect width="${WIDTH}" height="${height}" fill="#ffffff"/>`,
    `<text x="10" y="20" font-size="15" font-weight="bold">${escapeXml(`${result.target}${result.quick ? " (quick)" : ""}: ours / baseline, median time (lower is better)`)}</text>`,
    `<text x="10" y="40" fill="#555555">${escapeXml(result.startedAt)}. Green: goal met; red: goal missed; grey: no goal.</text>`,
  ];
  measures.forEach((m, i) => {
    const y = TOP + i * ROW;
    const label = `${m.suite}: ${m.name} vs ${m.baseline.name}`;
    parts.push(
      `<text x="${LABEL_WIDTH - 8}" y="${y + 14}" text-anchor="end">${escapeXml(label)}</text>`,
      `<rect x="${LABEL_WIDTH}" y="${y + 3}" width="${(x(m.ratio) - LABEL_WIDTH).toFixed(1)}" height="${ROW - 6}" fill="${colorOf(m)}"/>`,
      `<text x="${(x(m.ratio) + 4).toFixed(1)}" y="${y + 14}">${formatRatio(m.ratio)}</text>`,
    );
  });
  const parity = x(1).toFixed(1);
  const bottom = TOP + measures.length * ROW;
  parts.push(
    `<line x1="${parity}" y1="${TOP - 4}" x2="${parity}" y2="${bottom + 4}" stroke="#000000" stroke-dasharray="4 3"/>`,
    `<text x="${parity}" y="${bottom + 18}" text-anchor="middle">1.0</text>`,
    "</svg>",
  );
  return `${parts.join("\n")}\n`;
}
