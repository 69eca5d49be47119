import { formatFigure, formatGoal, formatNumber, formatRatio, formatTime } from "./format.mjs";

const HEADER = [
  "measure",
  "baseline",
  "ours p50",
  "baseline p50",
  "ours p95",
  "baseline p95",
  "ours ops/s",
  "baseline ops/s",
  "ours MB/s",
  "baseline MB/s",
  "ratio",
  "goal",
];

function row(cells) {
  return `| ${cells.join(" | ")} |`;
}

function measureRow(m) {
  if (m.kind === "value") {
    const cells = [m.name, m.baseline.name, formatFigure(m.ours, m), formatFigure(m.baseline, m)];
    return row([...cells, "", "", "", "", "", "", formatRatio(m.ratio), formatGoal(m.goal, m)]);
  }
  const mb = (stats) => (stats.mbPerSec === undefined ? "" : formatNumber(stats.mbPerSec));
  const name = m.opsPerCall ? `${m.name} (${m.opsPerCall} per call)` : m.name;
  return row([
    name,
    m.baseline.name,
    formatTime(m.ours.p50, m.unit),
    formatTime(m.baseline.p50, m.unit),
    formatTime(m.ours.p95, m.unit),
    formatTime(m.baseline.p95, m.unit),
    formatNumber(m.ours.opsPerSec),
    formatNumber(m.baseline.opsPerSec),
    mb(m.ours),
    mb(m.baseline),
    formatRatio(m.ratio),
    formatGoal(m.goal, m),
  ]);
}

/** The browser target's facts, when there are any: browser, isolation, threads, WebGPU adapter, notes. */
function browserLines(machine) {
  const facts = [];
  if (machine.browser) facts.push(machine.browser);
  if (machine.crossOriginIsolated !== undefined) {
    facts.push(machine.crossOriginIsolated ? "cross-origin isolated" : "not cross-origin isolated");
  }
  if (machine.wasmThreads !== undefined) facts.push(`${machine.wasmThreads} wasm thread(s)`);
  if (machine.webgpu) {
    const { adapter } = machine.webgpu;
    const described = adapter ? Object.values(adapter).filter(Boolean).join(" ") : "";
    facts.push(
      machine.webgpu.available
        ? `WebGPU adapter ${described || "(no info)"}${machine.webgpu.isFallbackAdapter ? " (fallback adapter)" : ""}`
        : `no WebGPU (${machine.webgpu.reason})`,
    );
  }
  if (machine.peakRssOf) facts.push(`peak RSS of ${machine.peakRssOf}`);
  const lines = facts.length > 0 ? ["", `${facts.join(", ")}.`] : [];
  if (machine.notes?.length > 0) lines.push("", ...machine.notes.map((note) => `- ${note}`));
  return lines;
}

/** The tables of a result, one per suite, under a line that says what machine and which run they come from. */
export function toMarkdown(result) {
  const { machine } = result;
  const memoryGiB = (machine.memoryBytes / 2 ** 30).toFixed(1);
  const lines = [
    `# Benchmarks: ${result.target}${result.quick ? " (quick)" : ""}`,
    "",
    `Started ${result.startedAt} on ${machine.cpuModel}, ${machine.cores} cores, ${memoryGiB} GiB, ${machine.os}, ` +
      `Node ${machine.node}, onnxruntime ${machine.onnxruntime ?? "not loaded"}, execution provider ` +
      `${machine.executionProvider}.`,
    ...browserLines(machine),
  ];
  if (result.status === "unavailable") {
    lines.push("", `**Unavailable here**, nothing was measured: ${result.reason}`);
    return `${lines.join("\n")}\n`;
  }
  lines.push(
    "",
    "ratio = ours p50 / baseline p50 (below 1: ours is faster). p50 and p95 are per operation (a call of " +
      "several operations, marked `per call`, is divided by them); ops/s and MB/s (10^6 bytes) are over the whole " +
      "measured time. One-shot values (bytes, %) stand in the p50 columns, with ratio = ours / baseline.",
  );
  const suites = [...new Set(result.measures.map((m) => m.suite))];
  for (const suite of suites) {
    lines.push("", `## ${suite}`, "", row(HEADER), row(HEADER.map(() => "---")));
    for (const m of result.measures.filter((x) => x.suite === suite)) lines.push(measureRow(m));
  }
  for (const { suite, reason } of result.unavailable ?? []) lines.push("", `## ${suite}`, "", `Unavailable: ${reason}`);
  return `${lines.join("\n")}\n`;
}
